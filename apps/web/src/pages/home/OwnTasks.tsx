import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLocalText } from '../../i18n';
import type { OpenTask } from '../enterprises/types';
import { ApprovalMarks } from '../tasks/approval/ApprovalMarks';
import { DueTag } from '../tasks/DueTag';
import { ItemList } from './ItemList';

/** What the enterprise must do now: its open tasks, the one due first on top, each opening its task. */
export function OwnTasks({ tasks }: { tasks: OpenTask[] }) {
  const { t } = useTranslation('dashboard');
  const local = useLocalText();
  const sorted = [...tasks].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const overdue = tasks.filter((task) => task.overdue).length;
  return (
    <Card
      size="small"
      data-testid="home-tasks"
      title={t('home.tasks.title')}
      extra={overdue > 0 && <Tag color="red">{t('home.tasks.overdue', { n: overdue })}</Tag>}
    >
      <ItemList
        items={sorted}
        empty={t('home.tasks.none')}
        testId="home-task"
        itemKey={(task) => task.id}
        render={(task) => (
          <Space orientation="vertical" size={2}>
            <Space wrap>
              <Link to={`/tasks/${task.id}`}>{local(task.label) || task.type}</Link>
              {task.quarter && <Tag>{task.quarter}</Tag>}
              <ApprovalMarks task={task} />
            </Space>
            <Typography.Text type="secondary">
              {t('home.tasks.due')}{' '}
              <DueTag dueAt={task.dueAt} overdue={task.overdue} provisional={task.provisional} />
            </Typography.Text>
          </Space>
        )}
      />
    </Card>
  );
}
