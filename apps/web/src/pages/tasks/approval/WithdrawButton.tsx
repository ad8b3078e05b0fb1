import { Button, Space, Tooltip, Typography } from 'antd';
import { Popconfirm, useMessage } from '../../../components/controlLabels';
import { useTranslation } from 'react-i18next';
import { RetryNotice } from '../../../components/RetryNotice';
import { useLocalText } from '../../../i18n';
import { useNarrow } from '../../../layout/useNarrow';
import type { TaskDetail } from '../taskTypes';
import { useKeyedSend } from '../idempotency';
import { useAction } from '../useAction';
import { withdrawTask } from './approvalCalls';

/**
 * On a phone the confirmation is wider than the room beside the button and antd shifts it to the
 * screen's very edge: a transparent inline padding on its root keeps it the page's margin (Shell's
 * content margin, 8 px) off both edges; the arrow still points at the button.
 */
const NARROW_CONFIRM = { root: { maxWidth: '100vw', paddingInline: 8 } };

/**
 * 撤回: take back my completion while the next step is untouched; a refusal (409 too late) is shown.
 * `blocked`: the workflow already refuses it (the next step acted on, or overtaken): the button is
 * disabled and says why.
 */
export function WithdrawButton({
  taskId,
  blocked,
  onDone,
}: {
  taskId: string;
  blocked?: TaskDetail['withdrawBlocked'];
  onDone(): void;
}) {
  const { t } = useTranslation('task');
  const text = useLocalText();
  const message = useMessage();
  const { busy, run } = useAction();
  // With its Idempotency-Key, sent again by itself on a 503: the completion is taken back once.
  const { retrying, send, cancel } = useKeyedSend();
  const narrow = useNarrow();
  const submit = () =>
    run(async () => {
      try {
        await send({}, (headers) => withdrawTask(taskId, headers));
        message.success(t('approval.withdrawn'));
      } catch (e) {
        message.error((e as Error).message);
      }
      onDone();
    });
  if (blocked) {
    const reason = text(blocked.message);
    return (
      <Space size={4}>
        <Tooltip title={reason}>
          <Button disabled data-testid="withdraw-button">
            {t('approval.withdraw')}
          </Button>
        </Tooltip>
        <Typography.Text type="secondary" data-testid="withdraw-blocked">
          {reason}
        </Typography.Text>
      </Space>
    );
  }
  return (
    <>
      <Popconfirm
        title={t('approval.withdrawConfirm')}
        onConfirm={submit}
        okText={t('approval.withdraw')}
        styles={narrow ? NARROW_CONFIRM : undefined}
      >
        <Button loading={busy} disabled={!!retrying} data-testid="withdraw-button">
          {t('approval.withdraw')}
        </Button>
      </Popconfirm>
      <RetryNotice retrying={retrying} onCancel={cancel} />
    </>
  );
}
