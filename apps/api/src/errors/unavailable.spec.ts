import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { WorkflowTaskFailingError } from '@hardtech/temporal';
import { isDependencyUnavailable, isWorkflowTaskFailing } from './unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDependencyUnavailable', () => {
  it('recognises PostgreSQL going down, starting up or unreachable, also wrapped by TypeORM', () => {
    expect(isDependencyUnavailable(withCode('ECONNREFUSED'))).toBe(true);
    expect(
      isDependencyUnavailable(withCode('57P01', 'terminating connection due to administrator command')),
    ).toBe(true);
    expect(isDependencyUnavailable({ message: 'query failed', driverError: withCode('57P03') })).toBe(true);
    expect(isDependencyUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('recognises the Temporal frontend away and an Update that did not answer in time', () => {
    const unavailable = new ServiceError('rpc failed', {
      cause: Object.assign(new Error('14'), { code: 14 }),
    });
    expect(isDependencyUnavailable(unavailable)).toBe(true);
    expect(isDependencyUnavailable(new WorkflowUpdateRPCTimeoutOrCancelledError('timeout'))).toBe(true);
    for (const code of [8, 10]) {
      const busy = new ServiceError('Workflow Update failed', {
        cause: Object.assign(new Error(''), { code }),
      });
      expect(isDependencyUnavailable(busy)).toBe(true);
    }
  });

  it('leaves our own faults and refused queries to be a 500', () => {
    expect(isDependencyUnavailable(new Error('boom'))).toBe(false);
    expect(
      isDependencyUnavailable({ driverError: withCode('22P02', 'invalid input syntax for type uuid') }),
    ).toBe(false);
    const notFound = new ServiceError('rpc failed', { cause: Object.assign(new Error('5'), { code: 5 }) });
    expect(isDependencyUnavailable(notFound)).toBe(false);
    expect(isDependencyUnavailable(null)).toBe(false);
  });
});

describe('isWorkflowTaskFailing', () => {
  // What reached the API when a starved worker's activation ran past isolateExecutionTimeout
  // (test/serial/isolate-timeout.test.ts, 2026-12-07): executeUpdate threw this ServiceError,
  // its cause the gRPC error of UpdateWorkflowExecution (@grpc/grpc-js: code, details, metadata).
  const grpcError = (code: number, details: string) =>
    Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
  const failedState = 'Unable to perform workflow execution update due to Workflow Task in failed state.';

  it('recognises an Update refused while the workflow task is being retried, also wrapped', () => {
    const refused = new ServiceError('Workflow Update failed', { cause: grpcError(9, failedState) });
    expect(isWorkflowTaskFailing(refused)).toBe(true);
    expect(isWorkflowTaskFailing(new Error('handler', { cause: refused }))).toBe(true);
    // It is not a dependency away: the 503 says so with its own code.
    expect(isDependencyUnavailable(refused)).toBe(false);
  });

  it('recognises a keyed completion not taken within UPDATE_PATIENCE_MS while the task is retried', () => {
    const timeout = new WorkflowUpdateRPCTimeoutOrCancelledError('timeout');
    const failing = new WorkflowTaskFailingError('enterprise/x', 3, { cause: timeout });
    expect(isWorkflowTaskFailing(failing)).toBe(true);
    expect(isWorkflowTaskFailing(timeout)).toBe(false);
  });

  it('leaves other failed preconditions and the same words without a gRPC status alone', () => {
    const other = new ServiceError('Workflow Update failed', {
      cause: grpcError(9, 'update rejected: workflow is not running'),
    });
    expect(isWorkflowTaskFailing(other)).toBe(false);
    expect(isWorkflowTaskFailing(new ServiceError('x', { cause: grpcError(3, failedState) }))).toBe(false);
    expect(isWorkflowTaskFailing(new Error(failedState))).toBe(false);
    expect(isWorkflowTaskFailing(undefined)).toBe(false);
  });
});
