import { Alert, Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ActingForTitle } from '../tasks/approval/ActingForTitle';
import { DelegateFields } from '../tasks/DelegateFields';
import { delegateTargets } from '../tasks/delegateTargets';
import type { Candidate, TaskItem } from '../tasks/taskTypes';
import { useAction } from '../tasks/useAction';

/**
 * Whom every one of the tasks may be handed to: each task's 转办 targets (its /candidates, never who
 * holds it nor the caller but a proxy for the principal), intersected. The raw candidates offered the
 * holder their own tasks back (赵强 批量转办 to 赵强).
 */
async function commonCandidates(tasks: TaskItem[]): Promise<Candidate[]> {
  const lists = await Promise.all(
    tasks.map(
      async (task) => delegateTargets(await api<Candidate[]>(`/tasks/${task.id}/candidates`)).targets,
    ),
  );
  const [first = [], ...rest] = lists;
  return first.filter((c) => rest.every((list) => list.some((o) => o.username === c.username)));
}

/**
 * 批量转办: the receiver picked from those who may do all the selected tasks, never typed; a reason.
 * A proxy's title says for whom (代 X), as the single 转办's does.
 */
export function BulkReassignButton({
  tasks,
  actingFor,
  onReassign,
}: {
  tasks: TaskItem[];
  /** 委托代理: the principals' names, when some of the tasks are handed on for them. */
  actingFor?: string | null;
  onReassign(to: string, reason: string): Promise<void>;
}) {
  const { t } = useTranslation('inbox');
  const [open, setOpen] = useState(false);
  const [choices, setChoices] = useState<Candidate[] | null>(null);
  const [to, setTo] = useState<string>();
  const [reason, setReason] = useState('');
  const load = useAction();
  const send = useAction();

  const show = () => {
    setOpen(true);
    setTo(undefined);
    setChoices(null);
    void load.run(async () => setChoices(await commonCandidates(tasks)));
  };

  return (
    <>
      <Button onClick={show} data-testid="bulk-reassign">
        {t('bulk.reassign')}
      </Button>
      <Modal
        open={open}
        title={<ActingForTitle title={t('bulk.reassign')} actingFor={actingFor} />}
        okText={t('bulk.apply', { count: tasks.length })}
        okButtonProps={{ disabled: !to, loading: send.busy }}
        onOk={() =>
          send.run(async () => {
            await onReassign(to!, reason.trim());
            setOpen(false);
          })
        }
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <ErrorAlert error={load.error ?? send.error} />
        {choices?.length === 0 ? (
          <Alert type="warning" title={t('bulk.noCommonCandidate')} />
        ) : (
          <DelegateFields
            candidates={choices ?? []}
            loading={load.busy}
            to={to}
            onTo={setTo}
            reason={reason}
            onReason={setReason}
          />
        )}
      </Modal>
    </>
  );
}
