import { Card, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProblemFacts, ProblemProgress } from '../ledger/ProblemFacts';

/**
 * The ledger problem a task decides (销号, 延期) or answers (部门报到): the coordinator confirms a
 * close-out, or the department answers a whistle, with the problem, its request and its progress
 * in view, as the ledger shows them to that reader. `taskStatus`: the task's own step changes the
 * problem (部门报到 answers it, 销号 closes it), so the card reads it again when the task is done,
 * rather than keep 等待…答复 beside 办理完成.
 */
export function TaskProblemCard({ problemId, taskStatus }: { problemId: string; taskStatus: string }) {
  const { t } = useTranslation('task');
  const { t: ledger } = useTranslation('ledger');
  const { data: problem, error, reload } = useGet('/problems/{id}', { params: { id: problemId } });
  const readAt = useRef(taskStatus);
  useEffect(() => {
    if (readAt.current === taskStatus) return;
    readAt.current = taskStatus;
    reload();
  }, [taskStatus, reload]);
  return (
    <Card
      title={problem ? `${t('problemCard')}：${problem.title}` : t('problemCard')}
      loading={!problem && !error}
      data-testid="task-problem"
    >
      <ErrorAlert error={error} />
      {problem && (
        <>
          <ProblemFacts problem={problem} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {ledger('timeline')}
          </Typography.Title>
          <ProblemProgress problem={problem} />
        </>
      )}
    </Card>
  );
}
