import { Button, Form, Input, Modal, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RetryNotice } from '../../components/RetryNotice';
import { dateTimeText } from '../../format';
import { urgeTask, urgeWaiting } from './approvalActions';
import { useKeyedSend } from './idempotency';
import { useAction } from './useAction';
import { useMessage } from '../../components/controlLabels';

/** The later of two instants (ISO), either may be missing. */
const later = (a: string | null, b: string | null) =>
  !a ? b : !b ? a : Date.parse(a) > Date.parse(b) ? a : b;

/**
 * 催办: tells whoever holds the task (else its candidates) again; the server refuses (429) an urge
 * within 4 working hours of one's own last, so until `urgeableAt` (the task's, or the answer's right
 * after an urge, before the page reloads) the button is off and says when.
 */
export function UrgeButton({
  taskId,
  onDone,
  size,
  urgeableAt = null,
}: {
  taskId: string;
  onDone(): void;
  size?: 'small';
  /** When the caller may urge again (the task's `urgeableAt`); null: now. */
  urgeableAt?: string | null;
}) {
  const { t } = useTranslation('task');
  const message = useMessage();
  const [open, setOpen] = useState(false);
  const [words, setWords] = useState('');
  const [urgedUntil, setUrgedUntil] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();
  // With its Idempotency-Key, sent again by itself on a 503: the holder is urged once.
  const { retrying, send, cancel } = useKeyedSend();
  const until = later(urgeableAt, urgedUntil);
  const waiting = urgeWaiting(until);

  const submit = () =>
    run(async () => {
      const body = { message: words.trim() };
      const answer = await send(body, (headers) => urgeTask(taskId, body.message, headers));
      message.success(t('actions.urged', { names: answer.notifiedNames.join('、') }));
      setUrgedUntil(answer.urgeableAt);
      setOpen(false);
      onDone();
    });

  return (
    <>
      <Tooltip title={waiting ? t('actions.urgeableAt', { time: dateTimeText(until) }) : undefined}>
        <Button
          size={size}
          data-testid="urge"
          disabled={waiting}
          aria-label={waiting ? t('actions.urgeableAt', { time: dateTimeText(until) }) : undefined}
          onClick={() => {
            setError(null);
            setOpen(true);
          }}
        >
          {t('actions.urge')}
        </Button>
      </Tooltip>
      <Modal
        open={open}
        title={t('actions.urgeTitle')}
        okText={t('actions.urge')}
        okButtonProps={{ loading: busy, disabled: !!retrying }}
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
