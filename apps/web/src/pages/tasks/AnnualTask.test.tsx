import { annualFiguresOf, evaluateAnnualReview } from '@hardtech/domain/annual-review';
import { DEFAULT_POLICY } from '@hardtech/domain/policy';
import { sampleNomination } from '@hardtech/domain/samples';
import { TASK_FORMS } from '@hardtech/domain/tasks/forms';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openPage, USERS } from '../../test/open-page';
import { REFERENCE } from '../../test/reference.fixture';
import { sampleTask } from './taskFixture';

// Issue 19.3 and 19.5 on the task page: the annual update's prefill and provisional due date, and
// the evaluation beside the GRADUATION_REVIEW it opened.
const nomination = sampleNomination();
const ENTERPRISE = {
  username: 'ent',
  role: 'enterprise_user',
  scope: { creditCodes: [nomination.creditCode] },
  displayName: '企业用户',
} as const;
const taskOf = (type: 'ANNUAL_UPDATE' | 'GRADUATION_REVIEW', over: Record<string, unknown>) => ({
  ...sampleTask({ id: 't-9', type, stage: type === 'ANNUAL_UPDATE' ? 'supporting' : 'graduation_review' }),
  data: null,
  form: TASK_FORMS[type],
  outcomes: Object.entries(TASK_FORMS[type].outcomes).map(([outcome, o]) => ({ outcome, label: o.label })),
  actions: { complete: true, claim: false, unclaim: false, delegate: false },
  enterprise: null,
  caseFile: null,
  comments: [],
  copies: [],
  copiedToMe: false,
  details: null,
  ...over,
});

describe('annual review tasks', () => {
  it('marks a provisional due date and starts the annual update from the last known figures', async () => {
    openPage(
      '/tasks/t-9',
      { ...ENTERPRISE, scope: { creditCodes: [nomination.creditCode] } },
      {
        'GET /reference': REFERENCE,
        'GET /tasks/t-9': taskOf('ANNUAL_UPDATE', {
          provisional: true,
          details: { annualUpdate: { year: 2026, prefill: annualFiguresOf(nomination) } },
        }),
      },
    );
    expect(await screen.findByTestId('due-provisional', {}, { timeout: 30_000 })).toHaveTextContent('暂定');
    // 8,000万元 as the form shows money.
    expect(await screen.findByDisplayValue('8000')).toBeInTheDocument();
  });

  it('shows the coordinator the evaluation that proposes graduation', async () => {
    const evaluation = evaluateAnnualReview(
      2026,
      nomination,
      { ...annualFiguresOf(nomination), revenuePrevYear: 150_000_000, rdExpensePrevYear: 9_000_000 },
      80_000_000,
      DEFAULT_POLICY.thresholds,
      1,
    );
    openPage('/tasks/t-9', USERS.coordinator, {
      'GET /reference': REFERENCE,
      'GET /tasks/t-9': taskOf('GRADUATION_REVIEW', { details: { evaluation } }),
    });
    const panel = await screen.findByTestId('annual-evaluation');
    expect(panel).toHaveTextContent('年度动态管理评估（2026 年）');
    expect(screen.getByTestId('annual-proposal')).toHaveTextContent('建议毕业移出');
    expect(panel).toHaveTextContent('上年度营业收入 1.5 亿元 超过 1 亿元');
    expect(screen.queryByTestId('due-provisional')).toBeNull();
  });
});
