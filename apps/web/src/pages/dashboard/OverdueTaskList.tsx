import { Card, Grid, List, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLocalText } from '../../i18n';
import { DueTag } from '../tasks/DueTag';
import type { Kpi, OverdueTask } from './kpi';
import { TaskLink } from '../../components/TaskLink';
import { usePagerIcons } from '../../components/controlLabels';

const PAGE = 10;

/**
 * The tasks behind 逾期任务, the longest overdue first: which enterprise, which step, who holds it
 * (the department, and the person once someone claimed it), and by how long it is late — what a
 * leader asks to be chased at the dispatch meeting (调度会材料 prints the same list). A table on
 * a wide screen, a few lines per task on a phone (no table to scroll sideways).
 */
export function OverdueTaskList({ kpi }: { kpi: Kpi }) {
  const { t } = useTranslation('dashboard');
  const pager = usePagerIcons();
  const local = useLocalText();
  const wide = Grid.useBreakpoint().md !== false;
  const items = kpi.overdueTasks.items;
  const enterprise = (task: OverdueTask) => (
    <Link to={`/enterprises/${encodeURIComponent(task.creditCode)}`}>{task.enterpriseName}</Link>
  );
  const step = (task: OverdueTask) => <TaskLink id={task.taskId}>{local(task.taskLabel)}</TaskLink>;
  const holder = (task: OverdueTask) => {
    const department = local(task.departmentLabel) || '—';
    return task.assigneeName
      ? `${department} / ${task.assigneeName}`
      : t('overdueList.unclaimed', { department });
  };
  const due = (task: OverdueTask) => <DueTag dueAt={task.dueAt} overdue />;
  return (
    <Card
      title={t('overdueList.title', { n: kpi.overdueTasks.total })}
      size="small"
      data-testid="overdue-list"
    >
      {wide ? (
        <Table<OverdueTask>
          size="small"
          rowKey="taskId"
          dataSource={items}
          pagination={{ ...pager, pageSize: PAGE, hideOnSinglePage: true }}
          locale={{ emptyText: t('overdueList.none') }}
          columns={[
            { title: t('overdueList.enterprise'), key: 'enterprise', render: (_, task) => enterprise(task) },
            { title: t('overdueList.step'), key: 'step', render: (_, task) => step(task) },
            { title: t('overdueList.holder'), key: 'holder', render: (_, task) => holder(task) },
            { title: t('overdueList.due'), key: 'due', render: (_, task) => due(task) },
          ]}
        />
      ) : (
        <List<OverdueTask>
          size="small"
          dataSource={items}
          pagination={items.length > PAGE ? { ...pager, pageSize: PAGE, size: 'small' } : false}
          locale={{ emptyText: t('overdueList.none') }}
          renderItem={(task) => (
            <List.Item key={task.taskId} style={{ display: 'block' }}>
              <div>{enterprise(task)}</div>
              <div>
                {step(task)} · {holder(task)}
              </div>
              {due(task)}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
