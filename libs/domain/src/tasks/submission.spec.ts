import { DomainError } from '../errors';
import { DEFAULT_POLICY } from '../policy';
import { sampleNomination } from '../samples';
import { evaluateScreening } from '../screening';
import { validateSubmission } from './submission';

function refusal(fn: () => void): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const judgments = { C2: { affirmed: true, note: '自主研发' }, C6: { affirmed: true, note: '填补空白' } };
const report = (over = {}) => evaluateScreening(sampleNomination(over), DEFAULT_POLICY.thresholds, 1);

const QUARTERLY_REPORT_2026Q3 = {
  quarter: '2026Q3',
  revenue: 1,
  rdExpense: 1,
  headcount: 1,
  newClassOneIp: 0,
  financing: 0,
  listingProgress: 'none',
};

describe('SCREEN submissions', () => {
  it('accepts pass with both judgments affirmed when every hard criterion passes', () => {
    expect(() =>
      validateSubmission('SCREEN', { outcome: 'pass', data: { judgments } }, { screening: report() }),
    ).not.toThrow();
  });

  it('refuses pass with 422 when a hard criterion fails, naming it', () => {
    const e = refusal(() =>
      validateSubmission(
        'SCREEN',
        { outcome: 'pass', data: { judgments } },
        { screening: report({ rdExpensePrevYear: 1_000_000 }) },
      ),
    );
    expect(e).toMatchObject({ status: 422, code: 'SCREENING_HARD_CRITERION_FAILED' });
    expect(e.text.zh).toContain('研发投入强度 1.25% < 5%');
    expect(e.details[0].field).toBe('criteria.C4');
  });

  it('refuses pass when a soft failure has no justification, and accepts it with one', () => {
    const ctx = {
      screening: report({ revenuePrevYear: 150_000_000, rdExpensePrevYear: 9_000_000, srdi: 'none' }),
    };
    const e = refusal(() => validateSubmission('SCREEN', { outcome: 'pass', data: { judgments } }, ctx));
    expect(e).toMatchObject({ status: 422, code: 'SCREENING_JUSTIFICATION_REQUIRED' });
    expect(e.details.map((d) => d.field)).toEqual(['data.justifications.C1', 'data.justifications.S2']);
    expect(() =>
      validateSubmission(
        'SCREEN',
        {
          outcome: 'pass',
          data: { judgments, justifications: { C1: '营收超出系并购所致', S2: '正在申报专精特新' } },
        },
        ctx,
      ),
    ).not.toThrow();
  });

  it('refuses pass when C2 or C6 is not affirmed with a note', () => {
    const e = refusal(() =>
      validateSubmission(
        'SCREEN',
        { outcome: 'pass', data: { judgments: { C2: { affirmed: true, note: ' ' }, C6: judgments.C6 } } },
        { screening: report() },
      ),
    );
    expect(e).toMatchObject({ status: 422, code: 'SCREENING_JUDGMENT_REQUIRED' });
    expect(e.details.map((d) => d.field)).toEqual(['data.judgments.C2']);
  });

  it('needs a reason to reject and questions to request information (400)', () => {
    expect(refusal(() => validateSubmission('SCREEN', { outcome: 'reject', data: {} }))).toMatchObject({
      status: 400,
      details: [{ field: 'data.reason' }],
    });
    expect(
      refusal(() => validateSubmission('SCREEN', { outcome: 'request_info', data: {} })).details[0].field,
    ).toBe('data.questions');
  });

  it('refuses an unknown outcome and unknown fields with 400', () => {
    expect(refusal(() => validateSubmission('SCREEN', { outcome: 'approve', data: {} }))).toMatchObject({
      status: 400,
      details: [{ field: 'outcome' }],
    });
    expect(
      refusal(() => validateSubmission('SCREEN', { outcome: 'reject', data: { reason: 'x', extra: 1 } }))
        .details,
    ).toEqual([expect.objectContaining({ field: 'data.extra' })]);
  });
});

describe('other task rules', () => {
  const portrait = Object.fromEntries(
    [
      'innovation_factors',
      'management',
      'operating_model',
      'market_positioning',
      'promotion',
      'digital_transformation',
      'achievement_transfer',
      'intellectual_property',
      'testing_certification',
      'key_technology_needs',
      'quality_brand',
      'standardisation',
      'industrial_design',
    ].map((d) => [d, { score: 3 }]),
  );
  const problem = {
    title: '融资难',
    category: 'policy_support',
    measures: '银企对接',
    target: '获得贷款',
    ownerDepartment: 'finance',
    dueAt: '2026-12-31',
  };

  it('DIAGNOSE needs every portrait dimension scored 1-5', () => {
    expect(() =>
      validateSubmission(
        'DIAGNOSE',
        { outcome: 'submit', data: { portrait, problems: [problem] } },
        { today: '2026-06-01' },
      ),
    ).not.toThrow();
    const { industrial_design: _, ...partial } = portrait;
    expect(
      refusal(() =>
        validateSubmission('DIAGNOSE', { outcome: 'submit', data: { portrait: partial, problems: [] } }),
      ).details[0].field,
    ).toBe('data.portrait.industrial_design');
    expect(
      refusal(() =>
        validateSubmission('DIAGNOSE', {
          outcome: 'submit',
          data: { portrait: { ...portrait, management: { score: 6 } }, problems: [] },
        }),
      ).details[0].field,
    ).toBe('data.portrait.management.score');
  });

  it('DIAGNOSE refuses problems due in the past (422)', () => {
    expect(
      refusal(() =>
        validateSubmission(
          'DIAGNOSE',
          { outcome: 'submit', data: { portrait, problems: [problem] } },
          { today: '2027-01-01' },
        ),
      ),
    ).toMatchObject({ status: 422, code: 'DUE_DATE_IN_PAST' });
  });

  it('QUARTERLY_REPORT refuses a quarter already reported', () => {
    const data = QUARTERLY_REPORT_2026Q3;
    expect(() =>
      validateSubmission('QUARTERLY_REPORT', { outcome: 'submit', data }, { reportedQuarters: ['2026Q2'] }),
    ).not.toThrow();
    expect(
      refusal(() =>
        validateSubmission('QUARTERLY_REPORT', { outcome: 'submit', data }, { reportedQuarters: ['2026Q3'] }),
      ),
    ).toMatchObject({ status: 422, code: 'QUARTER_ALREADY_REPORTED' });
    expect(
      refusal(() =>
        validateSubmission('QUARTERLY_REPORT', { outcome: 'submit', data: { ...data, quarter: '2026Q5' } }),
      ).details[0].field,
    ).toBe('data.quarter');
  });

  it('QUARTERLY_REPORT refuses a report of another quarter than its task’s', () => {
    const data = QUARTERLY_REPORT_2026Q3;
    expect(() =>
      validateSubmission('QUARTERLY_REPORT', { outcome: 'submit', data }, { taskQuarter: '2026Q3' }),
    ).not.toThrow();
    for (const quarter of ['2026Q4', '2026Q2', '2031Q1']) {
      const e = refusal(() =>
        validateSubmission(
          'QUARTERLY_REPORT',
          { outcome: 'submit', data: { ...data, quarter } },
          { taskQuarter: '2026Q3', reportedQuarters: [] },
        ),
      );
      expect(e).toMatchObject({ status: 422, code: 'QUARTER_NOT_THE_TASKS' });
      expect(e.details).toEqual([expect.objectContaining({ field: 'data.quarter' })]);
      expect(e.text.zh).toContain('2026Q3');
    }
  });

  it("QUARTERLY_REVIEW may only update the enterprise's own problems", () => {
    const data = {
      problemUpdates: [
        { problemId: 'p-1', status: 'resolved' },
        { problemId: 'p-9', status: 'open' },
      ],
    };
    const e = refusal(() =>
      validateSubmission('QUARTERLY_REVIEW', { outcome: 'continue', data }, { problemIds: ['p-1'] }),
    );
    expect(e).toMatchObject({
      status: 422,
      code: 'UNKNOWN_PROBLEM',
      details: [{ field: 'data.problemUpdates[1].problemId' }],
    });
  });

  it('QUARTERLY_REVIEW leaves a problem whose close-out awaits the coordinators to them', () => {
    const ctx = { problemIds: ['p-1', 'p-2'], closingProblemIds: ['p-2'] };
    const update = (problemId: string) => ({ problemUpdates: [{ problemId, status: 'in_progress' }] });
    expect(() =>
      validateSubmission('QUARTERLY_REVIEW', { outcome: 'continue', data: update('p-1') }, ctx),
    ).not.toThrow();
    expect(
      refusal(() =>
        validateSubmission('QUARTERLY_REVIEW', { outcome: 'continue', data: update('p-2') }, ctx),
      ),
    ).toMatchObject({
      status: 422,
      code: 'PROBLEM_CLOSING',
      details: [{ field: 'data.problemUpdates[0].problemId' }],
    });
  });

  it('GRADUATION_REVIEW takes only the reasons of its outcome', () => {
    expect(() =>
      validateSubmission('GRADUATION_REVIEW', { outcome: 'graduate', data: { reason: 'doubled' } }),
    ).not.toThrow();
    expect(
      refusal(() =>
        validateSubmission('GRADUATION_REVIEW', { outcome: 'graduate', data: { reason: 'closed' } }),
      ).status,
    ).toBe(400);
    expect(
      refusal(() => validateSubmission('GRADUATION_REVIEW', { outcome: 'exit', data: { reason: 'listed' } }))
        .status,
    ).toBe(400);
  });
});
