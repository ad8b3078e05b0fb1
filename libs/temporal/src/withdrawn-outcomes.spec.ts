import type { temporal } from '@temporalio/proto';
import { withdrawnOutcomes } from './withdrawn-outcomes';

type Event = temporal.api.history.v1.IHistoryEvent;

// Payloads as their decoded values: the decoder below reads them back.
const decode = (p: temporal.api.common.v1.IPayload) => (p as { value: unknown }).value;
const accepted = (updateId: string, name: string, arg: object): Event => ({
  workflowExecutionUpdateAcceptedEventAttributes: {
    acceptedRequest: { meta: { updateId }, input: { name, args: { payloads: [{ value: arg } as any] } } },
  },
});
const completed = (updateId: string, failed = false): Event => ({
  workflowExecutionUpdateCompletedEventAttributes: {
    meta: { updateId },
    outcome: failed ? { failure: { message: 'refused' } } : { success: { payloads: [] } },
  },
});
const run = (...events: Event[]) => ({ runId: 'r', events });
/** A completion of `taskId` with `outcome`, then its 撤回 (Update ids `c<n>`, `w<n>`), both applied. */
const withdrawal = (n: number, taskId: string, outcome: string): Event[] => [
  accepted(`c${n}`, 'completeTask', { taskId, outcome }),
  completed(`c${n}`),
  accepted(`w${n}`, 'withdrawTask', { taskId }),
  completed(`w${n}`),
];

describe('withdrawnOutcomes', () => {
  it('gives the outcome of the completion the last withdrawal took back', () => {
    const history = run(...withdrawal(1, 'a', 'pass'), ...withdrawal(2, 'a', 'fail'));
    expect(withdrawnOutcomes([history], decode, ['a'])).toEqual(new Map([['a', 'fail']]));
  });

  it('counts only Updates the workflow applied, of the tasks asked about', () => {
    const history = run(
      accepted('c1', 'completeTask', { taskId: 'a', outcome: 'pass' }),
      completed('c1'),
      // A completion refused by its handler took nothing, a refused withdrawal nothing back.
      accepted('c2', 'completeTask', { taskId: 'a', outcome: 'fail' }),
      completed('c2', true),
      accepted('w1', 'withdrawTask', { taskId: 'a' }),
      completed('w1'),
      accepted('c3', 'completeTask', { taskId: 'b', outcome: 'support' }),
      completed('c3'),
      accepted('w2', 'withdrawTask', { taskId: 'b' }),
      completed('w2', true),
      ...withdrawal(4, 'c', 'confirm'),
    );
    expect(withdrawnOutcomes([history], decode, ['a', 'b'])).toEqual(new Map([['a', 'pass']]));
  });

  it('reads the withdrawal in an earlier run than the one the task is open in', () => {
    const first = run(...withdrawal(1, 'a', 'pass'));
    const continued = run(accepted('u1', 'urgeTask', { taskId: 'a' }), completed('u1'));
    expect(withdrawnOutcomes([first, continued], decode, ['a'])).toEqual(new Map([['a', 'pass']]));
  });
});
