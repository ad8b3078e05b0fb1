import type { Returned } from '../approval-actions/return';
import { visibleStep } from './redact';
import { visibleReturned } from './returned';

const MARK = 'MARK-reason';
const returned = (fromType: Returned['fromType']): Returned => ({
  reason: MARK,
  by: 'officer-1',
  at: '2026-12-06T08:00:00Z',
  fromTaskId: 't-1',
  fromType,
});
const step = (taskType: Returned['fromType']) => ({
  taskType,
  outcome: 'returned',
  data: { reason: MARK },
  actor: 'officer-1',
});

// From the desk walk: the enterprise's case file showed its report 退回 without the reason it
// already read on the reopened task.
describe('a 退回 and its reason', () => {
  it('gives the enterprise the reason when its own step was sent back, never who sent it', () => {
    expect(visibleStep('enterprise_user', step('QUARTERLY_REVIEW'))).toEqual({
      ...step('QUARTERLY_REVIEW'),
      actor: null,
    });
    expect(visibleReturned('enterprise_user', returned('QUARTERLY_REVIEW'))).toEqual({
      ...returned('QUARTERLY_REVIEW'),
      by: null,
    });
  });

  it("keeps from the enterprise the reason an officer's step was sent back for", () => {
    for (const type of ['ADMIT', 'GRADUATION_REVIEW'] as const) {
      expect(visibleStep('enterprise_user', step(type))).toEqual({
        ...step(type),
        outcome: 'done',
        data: {},
        actor: null,
      });
      expect(visibleReturned('enterprise_user', returned(type))).toBeNull();
    }
  });

  it('keeps the officers’ judgment on a colleague’s step from the departments too; officers read all', () => {
    expect(visibleReturned('sme_officer', returned('GRADUATION_REVIEW'))).toBeNull();
    expect(visibleReturned('sme_officer', returned('QUARTERLY_REVIEW'))).toEqual(
      returned('QUARTERLY_REVIEW'),
    );
    expect(visibleReturned('city_coordinator', returned('ADMIT'))).toEqual(returned('ADMIT'));
    expect(visibleReturned('enterprise_user', null)).toBeNull();
  });
});
