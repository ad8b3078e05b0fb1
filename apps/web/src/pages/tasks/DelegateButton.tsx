import { Alert, Button, Modal, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActingForTitle } from './approval/ActingForTitle';
import { useGet } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RetryNotice } from '../../components/RetryNotice';
import { DelegateFields } from './DelegateFields';
import { delegateTargets } from './delegateTargets';
import { delegateTask } from './taskActions';
import { useKeyedSend } from './idempotency';
import { useAction } from './useAction';
import { useMessage } from '../../components/controlLabels';

interface DelegateButtonProps {
  taskId: string;
  onDone(): void;
  size?: 'small';
  /**
   * Ask for the candidates at once (the task page, one task), so that a 转办 nobody could receive is
   * shown disabled with the reason; an inbox row asks only when clicked.
   */
  checkFirst?: boolean;
  /** 委托代理: the principal's name, when the caller hands the task on for them. */
  actingFor?: string | null;
  /** The task's candidate groups, to say why a task named to the caller has nobody else. */
  candidateGroups?: readonly string[];
}

/**
 * 转办: pick one of the users who may do the task (the server's candidates), say why, hand it over.
 * With nobody to pick, the dialog says why instead of an empty picker.
 */
export function DelegateButton({
  taskId,
  onDone,
  size,
  checkFirst,
  actingFor,
  candidateGroups,
}: DelegateButtonProps) {
  const { t } = useTranslation('task');
  const message = useMessage();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState<string>();
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  // With its Idempotency-Key, sent again by itself on a 503: the task is handed on once.
  const { retrying, send, cancel } = useKeyedSend();
  const candidates = useGet(open || checkFirst ? '/tasks/{id}/candidates' : null, { params: { id: taskId } });
  const { targets, none } = delegateTargets(candidates.data ?? [], candidateGroups);
  const nobody = candidates.data && none ? t(`assign.noCandidates.${none}`) : null;
  // What would let someone else take it: a proxy for a task named to the caller, a user otherwise.
  const hint = t(none === 'personal' ? 'assign.noCandidates.personalHint' : 'assign.noCandidates.hint');

  const submit = () =>
    run(async () => {
      if (!to) return;
      const body = { to, reason: reason.trim() };
      await send(body, (headers) => delegateTask(taskId, body.to, body.reason, headers));
      message.success(t('assign.delegated', { to }));
      setOpen(false);
      onDone();
    });

  const button = (
    <Button size={size} disabled={checkFirst && !!nobody} onClick={() => setOpen(true)}>
      {t('assign.delegate')}
    </Button>
  );
  return (
    <>
      {checkFirst && nobody ? (
        // The reason on hover, and on a phone on a tap (which a touch browser passes on as a hover).
        // The button is disabled, so the dialog's hint never opens: the tooltip carries it too.
        <Tooltip
          title={
            <>
              <div>{nobody}</div>
              <div>{hint}</div>
            </>
          }
        >
          <span data-testid="delegate-unavailable">{button}</span>
        </Tooltip>
      ) : (
        button
      )}
      <Modal
        open={open}
        title={
          nobody ? (
            t('assign.noCandidates.title')
          ) : (
            <ActingForTitle title={t('assign.delegateTitle')} actingFor={actingFor} />
          )
        }
        okText={t('assign.delegate')}
        okButtonProps={{ disabled: !to || !!retrying, loading: busy }}
        onOk={submit}
        onCancel={() => {
          cancel();
          setOpen(false);
        }}
        // Nothing to submit: one button that closes, not a 转办 that can never be pressed.
        footer={
          nobody ? (
            <Button onClick={() => setOpen(false)}>{t('assign.noCandidates.close')}</Button>
          ) : undefined
        }
        destroyOnHidden
      >
        <ErrorAlert error={error ?? candidates.error} />
        <RetryNotice retrying={retrying} onCancel={cancel} />
        {nobody ? (
          <Alert type="info" showIcon title={nobody} description={hint} />
        ) : (
          <DelegateFields
            candidates={targets}
            loading={candidates.loading || !candidates.data}
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
