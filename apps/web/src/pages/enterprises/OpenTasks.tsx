import { TASK_DEPARTMENT_LABELS, type TaskDepartment } from '@hardtech/domain/departments';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLocalText } from '../../i18n';
import type { Role } from '../../api/types';
import { useFormat } from '../../format';
import { useReferenceNames } from '../../api/referenceNames';
import type { OpenTask } from './types';

export function OpenTasks({ tasks }: { tasks: OpenTask[] }) {
  const { t } = useTranslation('enterprise');
  const local = useLocalText();
  const format = useFormat();
  const names = useReferenceNames();
  // Candidate groups read "role:kind:value" (libs/domain/src/access.ts); this enterprise goes without saying.
  const group = (task: OpenTask, g: string) => {
    const [role, kind, value] = g.split(':');
    if (role === 'user') return task.candidateNames[kind] ?? kind;
    // A whistle's 部门报到 waits for a division of the ledger: "department:<code>".
    if (role === 'department') return local(TASK_DEPARTMENT_LABELS[kind as TaskDepartment]) || kind;
    const who = local(names.reference?.roles[role as Role]) || role;
    if (kind === 'district') return `${names.district(value)} ${who}`;
    if (kind === 'cluster') return `${names.cluster(value)} ${who}`;
    return who;
  };
  return (
    <Space orientation="vertical" data-testid="open-tasks" style={{ width: '100%' }}>
      {tasks.length === 0 && <Typography.Text type="secondary">{t('tasks.none')}</Typography.Text>}
      {tasks.map((task) => (
        <Space key={task.id} wrap>
          <Link to={`/tasks/${task.id}`}>{local(task.label) || task.type}</Link>
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
