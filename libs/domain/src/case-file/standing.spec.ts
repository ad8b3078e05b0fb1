import { caseStanding, CaseLedgerProblem, StandingReport } from './standing';

const FIGURES = { rdExpense: 2_000_000, headcount: 120, newClassOneIp: 1, financing: 0 };
const report = (quarter: string, revenue: number, growth: number | null): StandingReport => ({
  ...FIGURES,
  quarter,
  revenue,
  annualizedRevenue: growth === null ? null : Math.round(growth * 80_000_000),
  growth,
  expected: growth === null ? null : 1.1,
  onTrack: growth === null ? null : growth >= 1.1,
});
const problem = (id: string, status: CaseLedgerProblem['status'], dueAt: string): CaseLedgerProblem => ({
  id,
  title: `问题${id}`,
  status,
  ownerDepartment: 'finance',
  leadDivision: { zh: '行业处室（功率半导体）', en: 'Industry division (Power semiconductors)' },
  dueAt,
});

describe('caseStanding', () => {
  it('lists the reports oldest first, takes 三年倍增 from the latest, counts the ledger and names the overdue', () => {
    const s = caseStanding(
      80_000_000,
      [report('2026Q4', 26_000_000, 1.15), report('2026Q3', 20_000_000, 1)],
      [
        problem('b', 'in_progress', '2026-11-30'),
        problem('a', 'open', '2026-12-05'),
        problem('c', 'resolved', '2026-01-01'),
        problem('d', 'open', '2026-12-06'),
      ],
      '2026-12-06',
    )!;
    expect(s.reports.map((r) => [r.quarter, r.revenue])).toEqual([
      ['2026Q3', 20_000_000],
      ['2026Q4', 26_000_000],
    ]);
    expect(s.reports[0]).not.toHaveProperty('growth');
    expect(s.doubling).toEqual({
      quarter: '2026Q4',
      baselineRevenue: 80_000_000,
      annualizedRevenue: 92_000_000,
      growth: 1.15,
      expected: 1.1,
      onTrack: true,
    });
    expect(s.ledger.total).toBe(4);
    expect(s.ledger.byStatus).toEqual([
      { status: 'open', n: 2 },
      { status: 'in_progress', n: 1 },
      { status: 'resolved', n: 1 },
    ]);
    // Due on the day is not overdue yet; 销号 never is.
    expect(s.ledger.overdue.map((p) => p.id)).toEqual(['b', 'a']);
  });

  // The walk: a graduated member's open problems read 待化解 (and overdue) beside 企业已毕业,
  // while the ledger's filter and the dashboard call them 帮扶已结束.
  it('counts the open problems of an ended lifecycle as 帮扶已结束, overdue for nobody', () => {
    const s = caseStanding(
      80_000_000,
      [],
      [
        problem('a', 'open', '2026-01-05'),
        problem('b', 'in_progress', '2026-12-30'),
        problem('c', 'resolved', '2026-01-01'),
      ],
      '2026-12-06',
      'graduated',
    )!;
    expect(s.ledger.byStatus).toEqual([
      { status: 'resolved', n: 1 },
      { status: 'ended', n: 2 },
    ]);
    expect(s.ledger.overdue).toEqual([]);
    // While it runs they are its own.
    const running = caseStanding(
      80_000_000,
      [],
      [problem('a', 'open', '2026-01-05')],
      '2026-12-06',
      'supporting',
    )!;
    expect(running.ledger.byStatus).toEqual([{ status: 'open', n: 1 }]);
    expect(running.ledger.overdue.map((p) => p.id)).toEqual(['a']);
  });

  it('is null for an enterprise not yet a member, and has no doubling before a report', () => {
    expect(caseStanding(null, [], [], '2026-12-06')).toBeNull();
    expect(caseStanding(80_000_000, [], [], '2026-12-06')).toEqual({
      reports: [],
      doubling: null,
      ledger: { total: 0, byStatus: [], overdue: [] },
    });
  });
});
