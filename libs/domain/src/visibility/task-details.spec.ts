import { annualFiguresOf, evaluateAnnualReview } from '../annual-review';
import { DEFAULT_POLICY } from '../policy';
import { sampleNomination } from '../samples';
import { visibleTaskDetails } from './task-details';

describe('task details', () => {
  const n = sampleNomination();
  const evaluation = evaluateAnnualReview(2026, n, annualFiguresOf(n), null, DEFAULT_POLICY.thresholds, 1);
  const prefill = { annualUpdate: { year: 2026, prefill: annualFiguresOf(n) } };

  it('keeps the evaluation from the enterprise and the departments, not from officers', () => {
    expect(visibleTaskDetails('city_coordinator', { evaluation })).toEqual({ evaluation });
    expect(visibleTaskDetails('auditor', { evaluation })).toEqual({ evaluation });
    expect(visibleTaskDetails('enterprise_user', { evaluation })).toBeNull();
    expect(visibleTaskDetails('finance_officer', { evaluation })).toBeNull();
  });

  it('shows the enterprise its own annual update', () => {
    expect(visibleTaskDetails('enterprise_user', prefill)).toEqual(prefill);
    expect(visibleTaskDetails('enterprise_user', null)).toBeNull();
  });
});
