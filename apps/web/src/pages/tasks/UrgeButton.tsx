import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { urgeTask } from './approvalActions';
import { useAction } from './useAction';

/** 催办: tells whoever holds the task (else its candidates) again; 429 when urged within 4 working hours. */
export function UrgeButton({ taskId, onDone, size }: { taskId: string; onDone(): void; size?: 'small' }) {
  const { t } = useTranslation('task');
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [words, setWords] = useState('');
  const { busy, error, setError, run } = useAction();

  const submit = () =>
    run(async () => {
      const answer = await urgeTask(taskId, words.trim());
      message.success(t('actions.urged', { names: answer.notifiedNames.join('、') }));
      setOpen(false);
      onDone();
    });

  return (
    <>
      <Button
        size={size}
        data-testid="urge"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {t('actions.urge')}
      </Button>
      <Modal
        open={open}
        title={t('actions.urgeTitle')}
        okText={t('actions.urge')}
        okButtonProps={{ loading: busy }}
        onOk={submit}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <ErrorAlert error={error} />
        <Form layout="vertical">
          <Form.Item label={t('actions.urgeMessage')} htmlFor="urge-message">
            <Input.TextArea
              id="urge-message"
              maxLength={500}
              value={words}
              onChange={(e) => setWords(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
