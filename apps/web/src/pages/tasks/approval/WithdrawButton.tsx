import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAction } from '../useAction';
import { withdrawTask } from './approvalCalls';

/** 撤回: take back my completion while the next step is untouched; a refusal (409 too late) is shown. */
export function WithdrawButton({ taskId, onDone }: { taskId: string; onDone(): void }) {
  const { t } = useTranslation('task');
  const { message } = App.useApp();
  const { busy, run } = useAction();
  const submit = () =>
    run(async () => {
      try {
        await withdrawTask(taskId);
        message.success(t('approval.withdrawn'));
      } catch (e) {
        message.error((e as Error).message);
      }
      onDone();
    });
  return (
    <Popconfirm title={t('approval.withdrawConfirm')} onConfirm={submit} okText={t('approval.withdraw')}>
      <Button loading={busy} data-testid="withdraw-button">
        {t('approval.withdraw')}
      </Button>
    </Popconfirm>
  );
}
