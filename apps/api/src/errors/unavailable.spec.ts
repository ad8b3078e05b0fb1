import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { isDependencyUnavailable } from './unavailable';

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
