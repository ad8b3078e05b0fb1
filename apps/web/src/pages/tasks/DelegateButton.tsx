import { App, Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useApi';
import { useUser } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DelegateFields } from './DelegateFields';
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
        <DelegateFields
          candidates={(candidates.data ?? []).filter((c) => !c.assignee && c.username !== user.username)}
          loading={candidates.loading}
          to={to}
          onTo={setTo}
          reason={reason}
          onReason={setReason}
        />
      </Modal>
    </>
  );
}
