import { RETURNED_OUTCOME } from '../approval-actions/return';
import { CLOSE_WITHDRAWN_OUTCOME } from '../ledger';
import { stepOutcomeLabel } from '../visibility/step-outcomes';
import { TASK_STATE_LABELS, taskHandled, taskState } from './state';

describe('taskState', () => {
  it('reads a task cancelled by a 退回 as sent back (已退回), not cancelled', () => {
    expect(taskState({ status: 'cancelled', outcome: RETURNED_OUTCOME })).toBe('returned');
    expect(TASK_STATE_LABELS[taskState({ status: 'cancelled', outcome: RETURNED_OUTCOME })].zh).toBe(
      '已退回',
    );
  });

  it('reads a 销号 request withdrawn on a 未解决 answer as such, as its task page does', () => {
    const withdrawn = { status: 'cancelled' as const, outcome: CLOSE_WITHDRAWN_OUTCOME };
    expect(taskState(withdrawn)).toBe('close_withdrawn');
    expect(TASK_STATE_LABELS[taskState(withdrawn)]).toEqual(
      stepOutcomeLabel('PROBLEM_CLOSE', CLOSE_WITHDRAWN_OUTCOME),
    );
    expect(TASK_STATE_LABELS[taskState(withdrawn)].zh).toBe('已撤回（部门答复未解决）');
    expect(taskHandled(withdrawn)).toBe(false);
  });

  it('keeps the other statuses as they are', () => {
    expect(taskState({ status: 'cancelled', outcome: null })).toBe('cancelled');
    expect(taskState({ status: 'done', outcome: 'pass' })).toBe('done');
    expect(taskState({ status: 'open', outcome: null })).toBe('open');
  });

  it('counts a step sent back as handled by whoever sent it back, a cancelled one as nobody’s', () => {
    expect(taskHandled({ status: 'cancelled', outcome: RETURNED_OUTCOME })).toBe(true);
    expect(taskHandled({ status: 'done', outcome: 'pass' })).toBe(true);
    expect(taskHandled({ status: 'cancelled', outcome: null })).toBe(false);
    expect(taskHandled({ status: 'open', outcome: null })).toBe(false);
  });
});
