import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RetryNotice } from '../../components/RetryNotice';
import { PeoplePicker } from '../../components/PeoplePicker';
import { ActingForTitle, type ActionDialogProps } from './approval/ActingForTitle';
import { ccTask } from './approvalActions';
import { useKeyedSend } from './idempotency';
import { useAction } from './useAction';
import { useMessage } from '../../components/controlLabels';

/**
 * 抄送: copies the task, read-only, to colleagues picked by name among those who may see the
 * enterprise; the server checks again (422 naming anyone who may not), and the dialog shows which.
 */
export function CcButton({ taskId, onDone, actingFor }: ActionDialogProps) {
  const { t } = useTranslation('task');
  const message = useMessage();
  const [open, setOpen] = useState(false);
  const [users, setUsers] = useState<string[]>([]);
  // Their names, for the message: the answer lists logins (已抄送给 coordinator, the walk's toast).
  const [names, setNames] = useState(new Map<string, string>());
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useAction();
  // With its Idempotency-Key, sent again by itself on a 503: one copy, one notice each.
  const { retrying, send, cancel } = useKeyedSend();

  const submit = () =>
    run(async () => {
      const body = { users, note: note.trim() };
      const answer = await send(body, (headers) => ccTask(taskId, body.users, body.note, headers));
      message.success(t('actions.copied', { names: answer.users.map((u) => names.get(u) ?? u).join('、') }));
      setOpen(false);
      onDone();
    });

  return (
    <>
      <Button
        data-testid="cc"
        onClick={() => {
          // Each copy afresh: the last one's people stayed picked, shown by login (the picker, rebuilt,
          // knew their names no longer) and copied again.
          setUsers([]);
          setNote('');
          setError(null);
          setOpen(true);
        }}
      >
        {t('actions.cc')}
      </Button>
      <Modal
        open={open}
        title={<ActingForTitle title={t('actions.ccTitle')} actingFor={actingFor} />}
        okText={t('actions.cc')}
        okButtonProps={{ loading: busy, disabled: !users.length || !!retrying }}
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
          <Form.Item label={t('actions.ccUsers')} htmlFor="cc-users">
            <PeoplePicker
              id="cc-users"
              path={`/tasks/${taskId}/cc-candidates`}
              value={users}
              onChange={(usernames, people) => {
                setUsers(usernames);
                setNames(new Map(people.map((p) => [p.username, p.displayName])));
              }}
            />
          </Form.Item>
          <Form.Item label={t('actions.ccNote')} htmlFor="cc-note">
            <Input.TextArea
              id="cc-note"
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
