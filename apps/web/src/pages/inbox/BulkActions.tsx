import type { Field } from '@hardtech/domain/forms/schema';
import { Alert, Button, Form, Modal, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromFormValues } from '../../components/forms/formValues';
import { SchemaForm } from '../../components/forms/SchemaForm';
import { useUser } from '../../auth/AuthProvider';
import { useLocalText } from '../../i18n';
import type { TaskItem } from '../tasks/taskTypes';
import { dateTimeText } from '../../format';
import { useAction } from '../tasks/useAction';
import {
  BulkAction,
  BulkAnswer,
  BulkBody,
  BulkSent,
  bulkActingFor,
  bulkCompletable,
  bulkRowsFor,
  bulkOffers,
  bulkOutcomes,
  bulkUrgeable,
  runBulk,
} from './bulk';
import { BulkReassignButton } from './BulkReassignButton';

interface Pending {
  action: BulkAction;
  outcome?: string;
  title: string;
  fields: Field[];
}

/** What a bulk action sends besides its action and tasks. */
type BulkExtra = Omit<BulkBody, 'action'>;

/**
 * Claim, unclaim, reassign, urge or complete the selected tasks at once; each answers for itself.
 * Only what the caller may do to some of them is offered; a proxy hands the principal's on for them
 * (`standingInFor`: whom the caller stands in for, 委托代理).
 */
export function BulkActions({
  tasks,
  standingInFor = [],
  onDone,
}: {
  tasks: TaskItem[];
  standingInFor?: readonly string[];
  /**
   * `sent`: how it was sent (its key, to send the failed tasks again, 重试失败项), with `note`: what
   * the results should say above the rows (批量催办: how many were urged, how many wait).
   */
  onDone(answer: BulkAnswer, sent: BulkSent): void;
}) {
  const { t } = useTranslation('inbox');
  const { t: taskText } = useTranslation('task');
  const text = useLocalText();
  const [form] = Form.useForm();
  const [pending, setPending] = useState<Pending | null>(null);
  const { busy, error, setError, run } = useAction();
  const user = useUser();
  const offers = bulkOffers(user, tasks, standingInFor);
  // Outcomes only for the rows the caller may do: a colleague's claimed row would only answer 409.
  const completable = bulkCompletable(user, tasks, standingInFor);
  const outcomes = bulkOutcomes(completable);
  const skipped = tasks.length - completable.length;
  const waitText = offers.urgeableAt
    ? taskText('actions.urgeableAt', { time: dateTimeText(offers.urgeableAt) })
    : undefined;

  const send = (
    action: BulkAction,
    extra: BulkExtra,
    rows: TaskItem[],
    note?: (answer: BulkAnswer) => string,
  ) =>
    run(async () => {
      const { answer, sent } = await runBulk(
        { action, ...extra },
        rows.map((task) => task.id),
        note,
      );
      setPending(null);
      onDone(answer, sent);
    });

  /**
   * An action sent only for `rows`, the selected ones the caller may take it on (bulkRowsFor): a
   * colleague's claimed row would only answer 409. The results say how many were left out.
   */
  const sendFor = (
    action: 'claim' | 'unclaim' | 'reassign' | 'complete',
    rows: TaskItem[],
    extra: BulkExtra,
    leftOutNote: 'bulk.sentSkipping' | 'bulk.completedSkipping',
  ) => {
    const left = tasks.length - rows.length;
    return send(
      action,
      extra,
      rows,
      left ? (answer) => t(leftOutNote, { count: answer.succeeded, skipped: left }) : undefined,
    );
  };
  const assign = (action: 'claim' | 'unclaim' | 'reassign', extra: Pick<BulkExtra, 'to' | 'reason'> = {}) =>
    sendFor(
      action,
      bulkRowsFor(action === 'reassign' ? 'delegate' : action, user, tasks, standingInFor),
      extra,
      'bulk.sentSkipping',
    );

  // 催办 only the rows that may be urged now: one urged within the hours would only answer 429.
  const urge = () => {
    const { now, waiting, until } = bulkUrgeable(user, tasks, standingInFor);
    return send('urge', {}, now, (answer) =>
      waiting.length
        ? t('bulk.urgedWaiting', {
            count: answer.succeeded,
            waiting: waiting.length,
            time: dateTimeText(until),
          })
        : t('bulk.urged', { count: answer.succeeded }),
    );
  };

  const open = (next: Pending) => {
    form.resetFields();
    setError(null);
    setPending(next);
  };

  const confirm = async () => {
    if (!pending) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const data = fromFormValues(pending.fields, values);
    await sendFor('complete', completable, { outcome: pending.outcome, data }, 'bulk.completedSkipping');
  };

  return (
    <Space wrap data-testid="bulk-actions">
      <Typography.Text>{t('bulk.selected', { count: tasks.length })}</Typography.Text>
      {offers.claim && (
        <Button loading={busy} onClick={() => assign('claim')}>
          {t('bulk.claim')}
        </Button>
      )}
      {offers.unclaim && (
        <Button loading={busy} onClick={() => assign('unclaim')}>
          {t('bulk.unclaim')}
        </Button>
      )}
      {offers.reassign && (
        <BulkReassignButton
          tasks={bulkRowsFor('delegate', user, tasks, standingInFor)}
          actingFor={bulkActingFor(user, tasks, standingInFor).join('、') || null}
          onReassign={(to, reason) => assign('reassign', { to, reason: reason || undefined })}
        />
      )}
      {/* Where a selected row offers its own 催办 (inboxUrge), and off as the rows are: until one may. */}
      {offers.urge && (
        <Tooltip title={waitText}>
          <Button
            loading={busy}
            onClick={urge}
            disabled={!!offers.urgeableAt}
            aria-label={waitText}
            data-testid="bulk-urge"
          >
            {t('bulk.urge')}
          </Button>
        </Tooltip>
      )}
      {!Object.values(offers).some(Boolean) && outcomes.length === 0 && (
        <Typography.Text type="secondary">{t('bulk.nothing')}</Typography.Text>
      )}
      {outcomes.map(({ outcome, form: outcomeForm }) => (
        <Button
          key={outcome}
          type="primary"
          onClick={() =>
            open({
              action: 'complete',
              outcome,
              title: t('bulk.complete', { outcome: text(outcomeForm.label) }),
              fields: outcomeForm.fields,
            })
          }
        >
          {t('bulk.complete', { outcome: text(outcomeForm.label) })}
        </Button>
      ))}
      <Modal
        open={!!pending}
        title={pending?.title}
        okText={t('bulk.apply', { count: completable.length })}
        okButtonProps={{ loading: busy }}
        onOk={confirm}
        onCancel={() => setPending(null)}
        forceRender
      >
        {skipped > 0 && (
          <Alert
            type="info"
            showIcon
            data-testid="bulk-complete-skips"
            style={{ marginBottom: 16 }}
            title={t('bulk.completeSkips', { count: skipped })}
          />
        )}
        <Form form={form} layout="vertical">
          {pending && <SchemaForm fields={pending.fields} error={error} errorPrefix="data." />}
        </Form>
      </Modal>
    </Space>
  );
}
