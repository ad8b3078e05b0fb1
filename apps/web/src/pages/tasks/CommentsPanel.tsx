import { Button, Card, Empty, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { worksNoCases } from '@hardtech/domain/task-permissions';
import { useUser } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { TaskComment } from './taskTypes';
import { useAction } from './useAction';
import { dateTimeText } from '../../format';
import { useLocalText } from '../../i18n';

/** 办理意见交流: comments on the task, oldest first, shown as plain text. */
export function CommentsPanel({
  taskId,
  comments,
  closed,
  onAdded,
}: {
  taskId: string;
  comments: TaskComment[];
  /** The task is no longer open: its comments are read, not written (the API's 409). */
  closed?: boolean;
  onAdded(): void;
}) {
  const { t } = useTranslation('task');
  const local = useLocalText();
  const [text, setText] = useState('');
  const { busy, error, run } = useAction();
  const { role } = useUser();
  // The enterprise never reads an officer's comment (libs/domain/src/visibility/task-material.ts).
  const internal = role !== 'enterprise_user';
  // Leaders, auditors and the three administrators (三员, who work no cases) read the conversation:
  // the API refuses them a comment (403 READ_ONLY_ROLE), which the leader's walk met only after typing one.
  const reader = worksNoCases(role);

  const send = () =>
    run(async () => {
      await call('post', '/tasks/{id}/comments', { params: { id: taskId }, body: { text } });
      setText('');
      onAdded();
    });

  return (
    <Card
      size="small"
      title={t('comments.title')}
      // Each side is told who reads what it writes: an enterprise typing here otherwise cannot tell.
      extra={
        <Typography.Text type="secondary">
          {t(internal ? 'comments.internal' : 'comments.toOfficers')}
        </Typography.Text>
      }
      data-testid="comments"
    >
      {comments.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('comments.none')} />
      )}
      {comments.map((c) => (
        <div key={c.id} style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" title={c.author}>
            {[c.authorName ?? c.author, local(c.authorDepartment), dateTimeText(c.at)]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.text}</Typography.Paragraph>
        </div>
      ))}
      {reader ? null : closed ? (
        <Typography.Text type="secondary" data-testid="comments-closed">
          {t('comments.closed')}
        </Typography.Text>
      ) : (
        <>
          <ErrorAlert error={error} />
          <Input.TextArea
            aria-label={t('comments.new')}
            placeholder={t('comments.new')}
            value={text}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(e) => setText(e.target.value)}
          />
          <Button style={{ marginTop: 8 }} disabled={!text.trim()} loading={busy} onClick={send}>
            {t('comments.send')}
          </Button>
        </>
      )}
    </Card>
  );
}
