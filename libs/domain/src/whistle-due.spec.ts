import { DEFAULT_POLICY } from './policy';
import { whistledProblemDueOn, whistleProblemMonths } from './whistle-due';

describe('whistledProblemDueOn', () => {
  it('is the same Shanghai day a quarter later', () => {
    expect(whistledProblemDueOn('2026-12-07T06:00:00Z', 3)).toBe('2027-03-07');
  });

  it('counts from the Shanghai day, not the UTC one', () => {
    // 2026-03-31 17:30 UTC is 2026-04-01 01:30 in Shanghai.
    expect(whistledProblemDueOn('2026-03-31T17:30:00Z', 3)).toBe('2026-07-01');
    // 2026-04-01 15:59 UTC is still 2026-04-01 in Shanghai; 16:00 UTC is the 2nd.
    expect(whistledProblemDueOn('2026-04-01T15:59:59Z', 3)).toBe('2026-07-01');
    expect(whistledProblemDueOn('2026-04-01T16:00:00Z', 3)).toBe('2026-07-02');
  });

  it('ends with the last day of a month without that day', () => {
    expect(whistledProblemDueOn('2026-11-30T02:00:00Z', 3)).toBe('2027-02-28');
    expect(whistledProblemDueOn('2027-11-30T02:00:00Z', 3)).toBe('2028-02-29');
    expect(whistledProblemDueOn('2026-05-31T02:00:00Z', 1)).toBe('2026-06-30');
    expect(whistledProblemDueOn('2026-08-31T02:00:00Z', 3)).toBe('2026-11-30');
  });

  it('crosses the year and takes any number of months', () => {
    expect(whistledProblemDueOn('2026-10-15T02:00:00Z', 3)).toBe('2027-01-15');
    expect(whistledProblemDueOn('2026-12-31T17:00:00Z', 12)).toBe('2028-01-01');
    expect(whistledProblemDueOn('2026-01-31T02:00:00Z', 1)).toBe('2026-02-28');
  });
});

describe('whistleProblemMonths', () => {
  it("is the policy's, else one quarter for versions stored before it", () => {
    expect(whistleProblemMonths(DEFAULT_POLICY)).toBe(3);
    expect(whistleProblemMonths({})).toBe(3);
    expect(whistleProblemMonths({ whistleProblemMonths: 6 })).toBe(6);
  });
});
