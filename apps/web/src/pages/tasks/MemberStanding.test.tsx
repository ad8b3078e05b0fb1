import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openPage, USERS } from '../../test/open-page';
import { REFERENCE } from '../../test/reference.fixture';
import { sampleTaskDetail } from './taskFixture';

// The quarterly review offered 建议毕业移出 / 建议退出 with only this quarter's report and the
// baseline in view: its case file now stands the member's 三年倍增, its reports quarter by quarter
// and its ledger (the overdue named) beside the form.
const OTHER_FIGURES = { rdExpense: 2_000_000, headcount: 120, newClassOneIp: 1, financing: 0 };
const figures = (quarter: string, revenue: number) => ({ quarter, revenue, ...OTHER_FIGURES });
const STANDING = {
  reports: [figures('2026Q2', 21_000_000), figures('2026Q3', 20_000_000), figures('2026Q4', 26_000_000)],
  doubling: {
    quarter: '2026Q4',
    baselineRevenue: 80_000_000,
    annualizedRevenue: 89_333_333,
    growth: 1.1167,
    expected: 1.2,
    onTrack: false,
  },
  ledger: {
    total: 3,
    byStatus: [
      { status: 'open', n: 2 },
      { status: 'resolved', n: 1 },
    ],
    overdue: [
      { id: 'p-1', title: '流动资金紧张', status: 'open', ownerDepartment: 'finance', dueAt: '2026-01-31' },
    ],
  },
};
const review = (standing: unknown) =>
  sampleTaskDetail('QUARTERLY_REVIEW', {
    quarter: '2026Q4',
    caseFile: {
      enterprise: { name: '重庆芯测', creditCode: '91500112000000001R', stage: 'supporting' },
      screening: null,
      standing,
      opinions: [],
      attachments: [],
    },
  });
const open = (standing: unknown) =>
  openPage('/tasks/t-1', USERS.coordinator, {
    'GET /reference': REFERENCE,
    'GET /tasks/t-1': review(standing),
    'GET /attachments': [],
  });

describe('the member’s standing in the case file of a quarterly review', () => {
  it('shows 三年倍增, the reports with the trend and the quarter under review, and the ledger’s overdue', async () => {
    open(STANDING);
    const card = await screen.findByTestId('case-standing');
    const doubling = within(card).getByTestId('standing-doubling');
    expect(doubling).toHaveTextContent('入库基准营收8,000 万元');
    expect(doubling).toHaveTextContent('最新年化营收（2026年第四季度）8,933 万元');
    expect(doubling).toHaveTextContent('营收为入库基准的 1.12 倍，目标 2 倍');
    // The bar counts from the baseline: ×1.1167 is 12% of the way to ×2, not 56%.
    expect(within(doubling).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '12');
    expect(doubling).toHaveTextContent('落后于倍增路径（应达 1.20 倍）');
    // Counted are the reports sent and not sent back, reviewed or not: said so to the officer.
    expect(within(doubling).getByTestId('doubling-basis')).toHaveTextContent(
      '按企业已报送的季度报告计算：尚待评审的计入，被退回的不计。',
    );

    const rows = within(within(card).getByTestId('standing-reports')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      '2026年第二季度2,100 万元200 万元12010 万元',
      '2026年第三季度2,000 万元 ↓200 万元12010 万元',
      '2026年第四季度本次评审2,600 万元 ↑200 万元12010 万元',
    ]);

    const ledger = within(card).getByTestId('standing-ledger');
    expect(ledger).toHaveTextContent('问题台账（共 3 项）');
    expect(ledger).toHaveTextContent('待化解 2');
    expect(ledger).toHaveTextContent('已销号 1');
    expect(ledger).toHaveTextContent('逾期 1 项');
    expect(within(ledger).getByTestId('standing-overdue')).toHaveTextContent(
      '流动资金紧张 产业金融处 · 待化解 · 时限 2026-01-31',
    );
  });

  it('says when no report is sent yet and the ledger is empty', async () => {
    open({ ...STANDING, reports: [], doubling: null, ledger: { total: 0, byStatus: [], overdue: [] } });
    const card = await screen.findByTestId('case-standing');
    expect(card).toHaveTextContent('尚无已报送的季度报告（被退回的不计），暂无倍增进度。');
    expect(card).toHaveTextContent('暂无季度报告');
    expect(card).toHaveTextContent('台账暂无问题');
  });
});
