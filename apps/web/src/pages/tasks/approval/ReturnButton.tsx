import { stepActions } from '@hardtech/domain/approval-actions/allowed';
import { Button, type ButtonProps, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useReference } from '../../../api/reference';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RetryNotice } from '../../../components/RetryNotice';
import { useLocalText } from '../../../i18n';
import { useKeyedSend } from '../idempotency';
import { useAction } from '../useAction';
import type { TaskDetail } from '../taskTypes';
import { returnTask } from './approvalCalls';
import { ActingForTitle, type ActionDialogProps } from './ActingForTitle';
import { RETURNED_MESSAGE, ReopenedStepLink, reopenedStep, type ReopenedStep } from './ReopenedStepLink';
import { useMessage } from '../../../components/controlLabels';

/** How long the 已退回 message stays: it carries the link to the step reopened, to be clicked. */
const RETURNED_MESSAGE_SECONDS = 8;

/**
 * 退回: send the task back to the step before, with a reason (required). The answer names the step
 * it reopened (`nextTasks`): the message links to it, and so does the page (`onReturned`).
 */
export function ReturnButton({
  taskId,
  taskType,
  onDone,
  onReturned,
  actingFor,
}: ActionDialogProps & { taskType: TaskDetail['type']; onReturned?(step: ReopenedStep | null): void }) {
  const { t } = useTranslation('task');
  const message = useMessage();
  // The message renders outside the router (antd's App holds it): the link navigates through ours.
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  // The dialog names the step the task goes back to (STEP_ACTIONS' return): the walk's coordinator
  // read 退回到上一环节 on 纳入帮扶库 and could not tell whether 市级筛选 or the district would get it.
  const text = useLocalText();
  const reference = useReference();
  const back = stepActions(taskType).return;
  const backName = back ? text(reference?.taskTypes[back]) : '';
  const { busy, error, run } = useAction();
  // With its Idempotency-Key, sent again by itself on a 503: the server returns the task once.
  const { retrying, send, cancel } = useKeyedSend();
  const submit = () =>
    run(async () => {
      const body = { reason: reason.trim() };
      const { nextTasks } = await send(body, (headers) => returnTask(taskId, body.reason, headers));
      const step = reopenedStep(taskType, nextTasks);
      message.success({
        key: RETURNED_MESSAGE,
        content: step ? (
          <>
            {t('approval.returned')}
            {t('approval.reopenedSep')}
            <ReopenedStepLink step={step} onOpen={(to) => navigate(to)} />
          </>
        ) : (
          t('approval.returned')
        ),
        duration: step ? RETURNED_MESSAGE_SECONDS : undefined,
      });
      setOpen(false);
      onReturned?.(step);
      onDone();
    });
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="return-button">
        {t('approval.return')}
      </Button>
      <Modal
        open={open}
        title={
          <ActingForTitle
            title={backName ? t('approval.returnToTitle', { step: backName }) : t('approval.returnTitle')}
            actingFor={actingFor}
          />
        }
        okText={t('approval.return')}
        okButtonProps={
          {
            disabled: !reason.trim() || !!retrying,
            loading: busy,
            danger: true,
            'data-testid': 'return-submit',
          } as ButtonProps
        }
        onOk={submit}
        onCancel={() => {
          cancel();
          setOpen(false);
        }}
        destroyOnHidden
      >
        <ErrorAlert error={error} />
        <RetryNotice retrying={retrying} onCancel={cancel} />
        <Form layout="vertical">
          <Form.Item label={t('approval.reason')} htmlFor="return-reason" required>
            <Input.TextArea
              id="return-reason"
              rows={4}
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
