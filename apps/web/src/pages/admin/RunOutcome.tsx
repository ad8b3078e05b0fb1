import { Alert } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * What a run started by hand answered: its refusal, or what it did in words. No workflow id:
 * officials read what happened; operators find the run by its schedule (README, finding workflows).
 */
export function RunOutcome({
  error,
  done,
  testId,
}: {
  error: Error | undefined;
  done: { title: string } | null;
  testId: string;
}) {
  return (
    <div style={{ marginTop: 12 }}>
      <ErrorAlert error={error} />
      {done && <Alert type="success" showIcon data-testid={testId} title={done.title} />}
    </div>
  );
}
