import { Alert } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * What a run started by hand answered: its refusal, or what it did in words (a workflow id, when
 * given, below it; the quarterly dispatch says none: officials read what happened, not the id).
 */
export function RunOutcome({
  error,
  done,
  testId,
}: {
  error: Error | undefined;
  done: { title: string; workflowId?: string } | null;
  testId: string;
}) {
  return (
    <div style={{ marginTop: 12 }}>
      <ErrorAlert error={error} />
      {done && (
        <Alert
          type="success"
          showIcon
          data-testid={testId}
          title={done.title}
          description={done.workflowId}
        />
      )}
    </div>
  );
}
