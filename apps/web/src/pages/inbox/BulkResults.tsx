import { Alert, Modal, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskItem } from '../tasks/taskTypes';
import type { BulkAnswer } from './bulk';
import { ResponsiveTable } from '../../components/ResponsiveTable';

/** Each task's own answer to a bulk action: one may fail while the others succeed. */
export function BulkResults({
  answer,
  tasks,
  note,
  onClose,
}: {
  answer: BulkAnswer | null;
  tasks: TaskItem[];
  /** A sentence above the rows (批量催办: 已催办 N 件，M 件尚需等待至 …). */
  note?: string;
  onClose(): void;
}) {
  const { t } = useTranslation('inbox');
  const name = (id: string) => tasks.find((task) => task.id === id)?.enterpriseName ?? id;
  return (
    <Modal
      open={!!answer}
      title={t('bulk.results', { succeeded: answer?.succeeded ?? 0, failed: answer?.failed ?? 0 })}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      width={720}
    >
      {note && <Alert type="info" title={note} data-testid="bulk-note" style={{ marginBottom: 12 }} />}
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
            render: (_, r) => <Tag color={r.ok ? 'green' : 'red'}>{t(r.ok ? 'bulk.ok' : 'bulk.failed')}</Tag>,
          },
          { title: t('bulk.message'), key: 'message', render: (_, r) => r.message ?? '' },
        ]}
      />
    </Modal>
  );
}
