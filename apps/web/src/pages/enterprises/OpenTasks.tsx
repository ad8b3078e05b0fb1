import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TaskLink } from '../../components/TaskLink';
import { useLocalText } from '../../i18n';
import { useFormat } from '../../format';
import { useReferenceNames } from '../../api/referenceNames';
import { candidateGroupText } from './candidateGroups';
import type { OpenTask } from './types';

export function OpenTasks({ tasks }: { tasks: OpenTask[] }) {
  const { t } = useTranslation('enterprise');
  const local = useLocalText();
  const format = useFormat();
  const names = useReferenceNames();
  const group = (task: OpenTask, g: string) =>
    candidateGroupText(g, {
      local,
      role: (role) => names.reference?.roles[role],
      district: names.district,
      cluster: names.cluster,
      person: (username) => task.candidateNames[username],
      within: (who, where) => t('tasks.within', { who, where }),
    });
  return (
    <Space orientation="vertical" data-testid="open-tasks" style={{ width: '100%' }}>
      {tasks.length === 0 && <Typography.Text type="secondary">{t('tasks.none')}</Typography.Text>}
      {tasks.map((task) => (
        <Space key={task.id} wrap>
          <TaskLink id={task.id}>{local(task.label) || task.type}</TaskLink>
          {task.quarter && <Tag>{task.quarter}</Tag>}
          {task.overdue && <Tag color="red">{t('tasks.overdue')}</Tag>}
          <Typography.Text type="secondary">
            {t('tasks.due', { at: format.dateTime(task.dueAt) })}
            {' · '}
            {task.assignee
              ? t('tasks.assignee', { name: task.assigneeName ?? task.assignee })
              : t('tasks.candidates', {
                  groups: task.candidateGroups.map((g) => group(task, g)).join('、'),
                })}
          </Typography.Text>
        </Space>
      ))}
    </Space>
  );
}
