import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLocalText } from '../../i18n';
import { DueTag } from '../tasks/DueTag';
import type { Kpi, OverdueTask } from './kpi';
import { useInboxAllowed } from './useInboxAllowed';

/**
 * The tasks behind 逾期任务, the longest overdue first: which enterprise, which step, who holds it
 * (the department, and the person once someone claimed it), and by how long it is late — what a
 * leader asks to be chased at the dispatch meeting (调度会材料 prints the same list).
 */
export function OverdueTaskList({ kpi }: { kpi: Kpi }) {
  const { t } = useTranslation('dashboard');
  const local = useLocalText();
  const inbox = useInboxAllowed();
  const holder = (task: OverdueTask) => {
    const department = local(task.departmentLabel) || '—';
    return task.assigneeName
      ? `${department} / ${task.assigneeName}`
      : t('overdueList.unclaimed', { department });
  };
  return (
    <Card
      title={t('overdueList.title', { n: kpi.overdueTasks.total })}
      size="small"
      data-testid="overdue-list"
    >
      <Table<OverdueTask>
        size="small"
        rowKey="taskId"
        dataSource={kpi.overdueTasks.items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('overdueList.none') }}
        columns={[
          {
            title: t('overdueList.enterprise'),
            key: 'enterprise',
            render: (_, task) => (
              <Link to={`/enterprises/${encodeURIComponent(task.creditCode)}`}>{task.enterpriseName}</Link>
            ),
          },
          {
            title: t('overdueList.step'),
            key: 'step',
            render: (_, task) =>
              inbox ? (
                <Link to={`/tasks/${task.taskId}`}>{local(task.taskLabel)}</Link>
              ) : (
                local(task.taskLabel)
              ),
          },
          { title: t('overdueList.holder'), key: 'holder', render: (_, task) => holder(task) },
          {
            title: t('overdueList.due'),
            key: 'due',
            render: (_, task) => <DueTag dueAt={task.dueAt} overdue />,
          },
        ]}
      />
    </Card>
  );
}
