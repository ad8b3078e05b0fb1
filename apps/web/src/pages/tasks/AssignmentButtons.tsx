import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DelegateButton } from './DelegateButton';
import { claimTask, unclaimTask } from './taskActions';
import type { TaskActions } from './taskTypes';
import { useMessage } from '../../components/controlLabels';

interface AssignmentButtonsProps {
  taskId: string;
  can: Pick<TaskActions, 'claim' | 'unclaim' | 'delegate'>;
  onChange(): void;
  size?: 'small';
  /** One task's page: see at once whether anyone could receive a 转办 (DelegateButton). */
  checkFirst?: boolean;
  /** 委托代理: the principal's name, when the caller acts for them. */
  actingFor?: string | null;
  /** The task's candidate groups (DelegateButton: why nobody else may take it). */
  candidateGroups?: readonly string[];
}

/** 认领 / 取消认领 / 转办 of one task; a refusal (e.g. 409 claimed by someone else) is shown as it came. */
export function AssignmentButtons({
  taskId,
  can,
  onChange,
  size,
  checkFirst,
  actingFor,
  candidateGroups,
}: AssignmentButtonsProps) {
  const { t } = useTranslation('task');
  const message = useMessage();
  const [busy, setBusy] = useState(false);
  const act = (action: (id: string) => Promise<unknown>, done: string) => async () => {
    setBusy(true);
    try {
      await action(taskId);
      message.success(done);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
      onChange();
    }
  };
  // Nothing to offer: no empty box that would push what stands beside it (催办 in the inbox).
  if (!can.claim && !can.unclaim && !can.delegate) return null;
  return (
    <Space size="small" wrap>
      {can.claim && (
        <Button size={size} type="primary" ghost loading={busy} onClick={act(claimTask, t('assign.claimed'))}>
          {t('assign.claim')}
        </Button>
      )}
      {can.unclaim && (
        <Button size={size} loading={busy} onClick={act(unclaimTask, t('assign.unclaimed'))}>
          {t('assign.unclaim')}
        </Button>
      )}
      {can.delegate && (
        <DelegateButton
          taskId={taskId}
          onDone={onChange}
          size={size}
          checkFirst={checkFirst}
          actingFor={actingFor}
          candidateGroups={candidateGroups}
        />
      )}
    </Space>
  );
}
