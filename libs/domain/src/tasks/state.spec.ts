import { RETURNED_OUTCOME } from '../approval-actions/return';
import { TASK_STATE_LABELS, taskHandled, taskState } from './state';

describe('taskState', () => {
  it('reads a task cancelled by a 退回 as sent back (已退回), not cancelled', () => {
    expect(taskState({ status: 'cancelled', outcome: RETURNED_OUTCOME })).toBe('returned');
    expect(TASK_STATE_LABELS[taskState({ status: 'cancelled', outcome: RETURNED_OUTCOME })].zh).toBe(
      '已退回',
    );
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
