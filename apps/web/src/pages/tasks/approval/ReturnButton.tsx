import { App, Button, type ButtonProps, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAction } from '../useAction';
import { returnTask } from './approvalCalls';
import { ActingForTitle, type ActionDialogProps } from './ActingForTitle';

/** 退回: send the task back to the step before, with a reason (required). */
export function ReturnButton({ taskId, onDone, actingFor }: ActionDialogProps) {
  const { t } = useTranslation('task');
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const submit = () =>
    run(async () => {
      await returnTask(taskId, reason.trim());
      message.success(t('approval.returned'));
      setOpen(false);
      onDone();
    });
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="return-button">
        {t('approval.return')}
      </Button>
      <Modal
        open={open}
        title={<ActingForTitle title={t('approval.returnTitle')} actingFor={actingFor} />}
        okText={t('approval.return')}
        okButtonProps={
          {
            disabled: !reason.trim(),
            loading: busy,
            danger: true,
            'data-testid': 'return-submit',
          } as ButtonProps
        }
        onOk={submit}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <ErrorAlert error={error} />
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
