import { List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLocalText } from '../../i18n';
import { useFormat } from './format';
import type { OpenTask } from './types';

export function OpenTasks({ tasks }: { tasks: OpenTask[] }) {
  const { t } = useTranslation('enterprise');
  const local = useLocalText();
  const format = useFormat();
  return (
    <List
      data-testid="open-tasks"
      size="small"
      dataSource={tasks}
      locale={{ emptyText: t('tasks.none') }}
      renderItem={(task) => (
        <List.Item>
          <Space wrap>
            <Link to={`/tasks/${task.id}`}>{local(task.label) || task.type}</Link>
            {task.quarter && <Tag>{task.quarter}</Tag>}
            {task.overdue && <Tag color="red">{t('tasks.overdue')}</Tag>}
            <Typography.Text type="secondary">
              {t('tasks.due', { at: format.dateTime(task.dueAt) })}
              {' · '}
              {task.assignee
                ? t('tasks.assignee', { name: task.assignee })
                : t('tasks.candidates', { groups: task.candidateGroups.join('、') })}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
