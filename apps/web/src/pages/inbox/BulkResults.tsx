import { Alert, Button, Modal, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskItem } from '../tasks/taskTypes';
import { useAction } from '../tasks/useAction';
import { type BulkAnswer, type BulkSent, retryableRows, retryFailed } from './bulk';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * Each task's own answer to a bulk action: one may fail while the others succeed. Tasks answered
 * 503 (their workflow recovering, or not begun in time) are offered 重试失败项: sent again with the
 * bulk's Idempotency-Key, so a task that was done meanwhile is not done twice.
 */
export function BulkResults({
  answer,
  sent,
  tasks,
  onRetried,
  onClose,
}: {
  answer: BulkAnswer | null;
  /** How the bulk was sent: its key and the sentence above the rows (批量催办: 已催办 N 件，M 件尚需等待至 …). */
  sent: BulkSent | null;
  tasks: TaskItem[];
  /** The answer with the retried rows in place. */
  onRetried(answer: BulkAnswer): void;
  onClose(): void;
}) {
  const { t } = useTranslation('inbox');
  const { busy, error, run } = useAction();
  const name = (id: string) => tasks.find((task) => task.id === id)?.enterpriseName ?? id;
  const note = answer && sent?.note?.(answer);
  const retryable = answer ? retryableRows(answer).length : 0;
  const retry = () =>
    run(async () => {
      if (answer && sent) onRetried(await retryFailed(sent, answer));
    });
  return (
    <Modal
      open={!!answer}
      title={t('bulk.results', { succeeded: answer?.succeeded ?? 0, failed: answer?.failed ?? 0 })}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      width={720}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {note && <Alert type="info" title={note} data-testid="bulk-note" />}
        {retryable > 0 && sent && (
          <Alert
            type="warning"
            showIcon
            data-testid="bulk-retryable"
            title={t('bulk.retryable', { count: retryable })}
            action={
              <Button size="small" loading={busy} onClick={retry} data-testid="bulk-retry">
                {t('bulk.retryFailed', { count: retryable })}
              </Button>
            }
          />
        )}
        <ErrorAlert error={error} />
        <ResponsiveTable
          rowKey="taskId"
          size="small"
          pagination={false}
          data-testid="bulk-results"
          dataSource={answer?.results ?? []}
          columns={[
            { title: t('column.enterprise'), key: 'name', render: (_, r) => name(r.taskId) },
            {
              title: t('bulk.result'),
              key: 'ok',
              width: 100,
              render: (_, r) => (
                <Tag color={r.ok ? 'green' : 'red'}>{t(r.ok ? 'bulk.ok' : 'bulk.failed')}</Tag>
              ),
            },
            { title: t('bulk.message'), key: 'message', render: (_, r) => r.message ?? '' },
          ]}
        />
      </Space>
    </Modal>
  );
}
