import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useApi';
import { useUser } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { delegateTask } from './taskActions';
import { useAction } from './useAction';

/** 转办: pick one of the users who may do the task (the server's candidates), say why, hand it over. */
export function DelegateButton({ taskId, onDone, size }: { taskId: string; onDone(): void; size?: 'small' }) {
  const { t } = useTranslation('task');
  const { message } = App.useApp();
  const user = useUser();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState<string>();
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const candidates = useGet(open ? '/tasks/{id}/candidates' : null, { params: { id: taskId } });

  const submit = () =>
    run(async () => {
      if (!to) return;
      await delegateTask(taskId, to, reason.trim());
      message.success(t('assign.delegated', { to }));
      setOpen(false);
      onDone();
    });

  return (
    <>
      <Button size={size} onClick={() => setOpen(true)}>
        {t('assign.delegate')}
      </Button>
      <Modal
        open={open}
        title={t('assign.delegateTitle')}
        okText={t('assign.delegate')}
        okButtonProps={{ disabled: !to, loading: busy }}
        onOk={submit}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <ErrorAlert error={error ?? candidates.error} />
        <Form layout="vertical">
          <Form.Item label={t('assign.delegateTo')} htmlFor="delegate-to">
            <Select
              id="delegate-to"
              showSearch={{ optionFilterProp: 'label' }}
              loading={candidates.loading}
              value={to}
              onChange={setTo}
              options={(candidates.data ?? [])
                .filter((c) => !c.assignee && c.username !== user.username)
                .map((c) => ({ value: c.username, label: `${c.displayName}（${c.username}）` }))}
            />
          </Form.Item>
          <Form.Item label={t('assign.reason')} htmlFor="delegate-reason">
            <Input.TextArea
              id="delegate-reason"
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
