import {
  annualFiguresOf,
  annualUpdateDueAt,
  DEFAULT_ANNUAL_REVIEW,
  evaluateAnnualReview,
  isMonthDay,
  isReviewYear,
  reviewYearChoices,
  proposedReason,
} from './annual-review';
import { InvalidInput } from './errors';
import { DEFAULT_POLICY } from './policy';
import { parsePolicy } from './policy-form';
import { sampleNomination } from './samples';

const nomination = sampleNomination(); // 8,000万元 revenue, 600万元 R&D, municipal centre, 3 IP
const th = DEFAULT_POLICY.thresholds;
const evaluate = (over: Partial<ReturnType<typeof annualFiguresOf>>, baseline: number | null = 80_000_000) =>
  evaluateAnnualReview(2027, nomination, { ...annualFiguresOf(nomination), ...over }, baseline, th, 3);

describe('annual review (动态管理)', () => {
  it('keeps a member that still meets every criterion and has not outgrown the pool', () => {
    const e = evaluate({ revenuePrevYear: 90_000_000, rdExpensePrevYear: 5_000_000 });
    expect(e.proposal).toBe('continue');
    expect(e.findings).toEqual([]);
    expect(e.growth).toBe(1.125);
    expect(e.screening.policyVersion).toBe(3);
  });

  it('proposes graduation above the revenue cap, naming the figures', () => {
    const e = evaluate({ revenuePrevYear: 120_000_000, rdExpensePrevYear: 7_000_000 }, 100_000_000);
    expect(e.proposal).toBe('graduate');
    expect(e.findings.map((f) => f.code)).toEqual(['revenue_above_cap']);
    expect(e.findings[0].detail).toEqual({
      zh: '上年度营业收入 1.2 亿元 超过 1 亿元',
      en: 'previous-year revenue CNY 120 million above CNY 100 million',
    });
    expect(proposedReason(e)).toBe('on_track');
  });

  it('proposes graduation when listed or doubled, before any failed criterion', () => {
    const listed = evaluate({ listed: true, classOneIpCount: 0 });
    expect(listed.proposal).toBe('graduate');
    expect(listed.findings.map((f) => f.code)).toEqual(['listed', 'hard_criterion_failed']);
    expect(proposedReason(listed)).toBe('listed');
    const doubled = evaluate({ revenuePrevYear: 60_000_000, rdExpensePrevYear: 4_000_000 }, 30_000_000);
    expect(doubled.proposal).toBe('graduate');
    expect(doubled.growth).toBe(2);
    expect(proposedReason(doubled)).toBe('doubled');
  });

  it('proposes exit when a hard criterion fails (C3–C5), with the criterion named', () => {
    const e = evaluate({ rdExpensePrevYear: 2_000_000 });
    expect(e.proposal).toBe('exit');
    expect(e.findings.map((f) => f.detail.zh)).toEqual(['C4：研发投入强度 2.50% < 5%']);
    expect(proposedReason(e)).toBe('ineligible');
    expect(evaluate({ techCenter: { kind: 'none', level: null } }).proposal).toBe('exit');
  });

  it('has no growth without a baseline', () => {
    expect(evaluate({}, null).growth).toBeNull();
  });

  it('is due on dueOn of the review year, or by the SLA when opened after it', () => {
    const fallback = new Date('2026-12-31T10:00:00Z');
    const early = annualUpdateDueAt(2027, DEFAULT_ANNUAL_REVIEW, new Date('2027-03-01T01:00:00Z'), fallback);
    expect(early.toISOString()).toBe('2027-04-30T10:00:00.000Z');
    const late = annualUpdateDueAt(2026, DEFAULT_ANNUAL_REVIEW, new Date('2026-12-05T01:00:00Z'), fallback);
    expect(late).toBe(fallback);
  });

  it('checks month-days and review years', () => {
    expect(isMonthDay('03-01')).toBe(true);
    expect(isMonthDay('02-30')).toBe(false);
    expect(isMonthDay('02-29')).toBe(false);
    expect(isMonthDay('3-1')).toBe(false);
    // The server takes what the page offers, nothing else: this year and last.
    expect(isReviewYear(2026, '2026-12-05')).toBe(true);
    expect(isReviewYear(2025, '2026-12-05')).toBe(true);
    expect(isReviewYear(2024, '2026-12-05')).toBe(false);
    expect(isReviewYear(2027, '2026-12-05')).toBe(false);
    expect(isReviewYear(2028, '2026-12-05')).toBe(false);
    expect(isReviewYear(2022, '2023-03-01')).toBe(false);
    expect(isReviewYear(2022, '2026-12-05')).toBe(false);
    expect(isReviewYear(2026.5, '2026-12-05')).toBe(false);
    // The page offers this year and last, never before the pool's first.
    expect(reviewYearChoices('2026-12-05')).toEqual([2026, 2025]);
    expect(reviewYearChoices('2023-03-01')).toEqual([2023]);
  });
});

describe('annualReview in the policy', () => {
  const { version: _v, ...body } = { ...DEFAULT_POLICY };
  const fieldsOf = (annualReview: unknown) => {
    try {
      parsePolicy({ ...body, annualReview });
      return [];
    } catch (e) {
      return (e as InvalidInput).details.map((d) => d.field);
    }
  };

  it('takes MM-DD dates with the due date after the opening', () => {
    expect(fieldsOf({ opensOn: '03-01', dueOn: '04-30' })).toEqual([]);
    expect(fieldsOf(undefined)).toEqual([]); // versions before it existed
    expect(fieldsOf({ opensOn: '02-30', dueOn: '04-30' })).toEqual(['annualReview.opensOn']);
    expect(fieldsOf({ opensOn: '3-1', dueOn: '04-30' })).toEqual(['annualReview.opensOn']);
    expect(fieldsOf({ opensOn: '05-01', dueOn: '04-30' })).toEqual(['annualReview.dueOn']);
    expect(fieldsOf({ opensOn: '03-01' })).toEqual(['annualReview.dueOn']);
  });
});
