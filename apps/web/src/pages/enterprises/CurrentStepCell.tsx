import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TaskLink } from '../../components/TaskLink';
import { useLocalText } from '../../i18n';
import { betweenQuarters } from './between-quarters';
import type { EnterpriseItem } from './types';

/**
 * The step an enterprise waits on, as the server chose it (the caller's own first): marked when it
 * waits on the caller, with how many other open steps the enterprise page lists.
 */
export function CurrentStepCell({ row }: { row: EnterpriseItem }) {
  const { t } = useTranslation('enterprise');
  const local = useLocalText();
  const step = row.currentStep;
  if (!step) {
    return betweenQuarters(row) ? (
      <Typography.Text type="secondary" data-testid="waiting-dispatch">
        {t('list.waiting.step')}
      </Typography.Text>
    ) : (
      <>—</>
    );
  }
  const others = step.openTasks - 1;
  return (
    <Space size={4} wrap>
      <TaskLink id={step.taskId}>{local(step.label)}</TaskLink>
      {step.waitsOnCaller && (
        <Tag color="blue" data-testid="step-mine">
          {t('list.waitsOnYou')}
        </Tag>
      )}
      {others > 0 && (
        <Link to={`/enterprises/${row.creditCode}`} data-testid="step-others">
          <Typography.Text type="secondary">{t('list.otherSteps', { count: others })}</Typography.Text>
        </Link>
      )}
    </Space>
  );
}
