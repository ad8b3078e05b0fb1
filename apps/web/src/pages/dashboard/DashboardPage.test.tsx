import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FakeCall } from '../../test/fake-api';
import { fastUser, openPage, USERS } from '../../test/open-page';
import { admittedByYearOption, endingsOption, ownersOption, pieOption, poolOverTimeOption } from './charts';
import { KPI } from './fixture';
import { chartLink, monthDay } from './links';
import i18n from '../../i18n';
import { REFERENCE } from '../../test/reference.fixture';

const userEvent = fastUser();

describe('dashboard', () => {
  it('shows the KPIs of the year and asks again for another year', async () => {
    const { calls } = openPage('/dashboard', USERS.leader, {
      'GET /reports/kpi': (call: FakeCall) => ({
        body: { ...KPI, year: Number(/year=(\d+)/.exec(call.path)?.[1]) },
      }),
    });
    const pool = await screen.findByTestId('kpi-pool');
    // From the leader's walk: "37/ 容量 120 家" put the label after the slash; 库容 is the title's now.
    expect(pool).toHaveTextContent(/^在库企业 \/ 库容37\/ 120 家$/);
    // In 家 as the cards beside it (ui-walk-7: "2 / 300 家", "3 / 50", "1 / 1 家").
    expect(screen.getByTestId('kpi-admitted')).toHaveTextContent(
      new RegExp(`^${new Date().getFullYear()} 年入库 / 年度目标23/ 50 家`),
    );
    // As the pool card reads: the label over "13 / 20 家", not "13/ 已填报 20 家".
    expect(screen.getByTestId('kpi-doubling')).toHaveTextContent(
      /^三年倍增进度达标 \/ 已填报13\/ 20 家营收已倍增 4 家$/,
    );
    expect(screen.getByTestId('kpi-overdue')).toHaveTextContent('6逾期未化解问题 2 个');
    for (const chart of ['poolOverTime', 'cohorts', 'byCategory', 'byOwner', 'overdueByDistrict', 'endings'])
      expect(screen.getByTestId(`chart-${chart}`)).toBeInTheDocument();
    expect(screen.getByTestId('endings-summary')).toHaveTextContent('毕业 3 家 · 退出 1 家 · 未通过 2 家');

    await userEvent.click(screen.getByRole('combobox', { name: '年度' }));
    await userEvent.click(await screen.findByTitle('2025'));
    await waitFor(() => expect(screen.getByTestId('kpi-admitted')).toHaveTextContent('2025 年入库'));
    expect(calls.map((c) => c.path)).toContain('/reports/kpi?year=2025');
  });

  // The walk: the year select was not in the address (the cluster's is); a reload or Back lost it.
  it('keeps the chosen year in the address: a reload, Back and a shared link show that year', async () => {
    const kpi = (call: FakeCall) => ({ body: { ...KPI, year: Number(/year=(\d+)/.exec(call.path)?.[1]) } });
    const { calls } = openPage('/dashboard?year=2024&cluster=T2', USERS.leader, { 'GET /reports/kpi': kpi });
    expect(await screen.findByTestId('kpi-admitted')).toHaveTextContent('2024 年入库');
    expect(calls.map((c) => c.path)).toContain('/reports/kpi?year=2024&cluster=T2');

    await userEvent.click(screen.getByRole('combobox', { name: '年度' }));
    await userEvent.click(await screen.findByTitle('2025'));
    await waitFor(() => expect(window.location.search).toBe('?year=2025&cluster=T2'));
    expect(await screen.findByText('2025 年入库', { exact: false })).toBeInTheDocument();
    await act(async () => window.history.back());
    await waitFor(() => expect(screen.getByTestId('kpi-admitted')).toHaveTextContent('2024 年入库'));
    expect(window.location.search).toBe('?year=2024&cluster=T2');
    cleanup();

    // A year the dashboard does not offer reads as this year, not as a refused request.
    openPage('/dashboard?year=1999', USERS.leader, { 'GET /reports/kpi': kpi });
    const thisYear = new Date().getFullYear();
    expect(await screen.findByTestId('kpi-admitted')).toHaveTextContent(`${thisYear} 年入库`);
  });

  // The walk (district-500112-1440-_dashboard.png): "2 / 300" and "2026 年入库 3 / 50 · 6%", a
  // district's counts over the city's capacity and target, which officers read as their own quota.
  it('shows a district its own counts, and the city’s beside the city’s capacity and target (全市)', async () => {
    const district = {
      username: 'district-500112',
      role: 'district_officer' as const,
      scope: { districts: ['500112'] },
      displayName: '渝北区经信委',
    };
    const scoped = {
      ...KPI,
      poolSize: 2,
      poolCapacity: 300,
      admittedThisYear: 3,
      targetProgress: null,
      city: { poolSize: 37, admittedThisYear: 23, targetProgress: 0.46 },
    };
    openPage('/dashboard', district, { 'GET /reports/kpi': scoped });
    const pool = await screen.findByTestId('kpi-pool');
    expect(pool).toHaveTextContent(/^在库企业2家全市 37 \/ 300 家$/);
    expect(screen.getByTestId('kpi-admitted')).toHaveTextContent(/^\d{4} 年入库3家全市 23 \/ 50 家46%$/);
    expect(screen.getByTestId('chart-admittedByYear')).toHaveTextContent('每年入库');
    expect(screen.getByTestId('chart-admittedByYear')).not.toHaveTextContent('对照年度目标');
    const t = i18n.getFixedT('zh-CN', 'dashboard');
    // No city line over the district's bars and points.
    expect(JSON.stringify(admittedByYearOption(scoped, t))).not.toContain('markLine');
    expect(JSON.stringify(poolOverTimeOption(scoped, t))).not.toContain('markLine');
    expect(JSON.stringify(admittedByYearOption(KPI, t))).toContain('markLine');
  });

  // At 1440 在库 (no line under its figure) stood shorter than the three beside it. jsdom has no
  // layout: the rule that makes them align is read, each card filling its column, which the row
  // stretches to the tallest (measured in a browser at 1366, 1440 and 390: /work/wt/shots/desk-small).
  it('makes the four KPI cards of a row one height: each fills its column', async () => {
    openPage('/dashboard', USERS.leader, { 'GET /reports/kpi': KPI });
    const row = await screen.findByTestId('kpi-cards');
    const cards = ['kpi-pool', 'kpi-admitted', 'kpi-doubling', 'kpi-overdue'].map((id) =>
      screen.getByTestId(id),
    );
    for (const card of cards) {
      expect(card.parentElement?.parentElement).toBe(row);
      expect(card).toHaveStyle({ height: '100%' });
    }
    expect(row).not.toHaveStyle({ alignItems: 'flex-start' });
  });

  it('lists the overdue tasks: enterprise, step, who holds them, how late', async () => {
    openPage('/dashboard', USERS.leader, { 'GET /reports/kpi': KPI });
    const list = await screen.findByTestId('overdue-list');
    expect(list).toHaveTextContent('逾期任务清单（6 项）');
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^重庆芯测科技有限公司区县反馈意见区县经信部门 \/ 赵六已超期 3 天 /),
      expect.stringMatching(/^重庆光启智能有限公司季度报告企业（未认领）已超期 5 小时 /),
    ]);
    expect(within(rows[0]).getByRole('link', { name: '区县反馈意见' })).toHaveAttribute(
      'href',
      '/tasks/7f1c2d3e-0000-4000-8000-000000000001',
    );
  });

  it('exports the KPI tables of the chosen year', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:kpi');
    URL.revokeObjectURL = vi.fn();
    const { calls } = openPage('/dashboard', USERS.leader, {
      'GET /reports/kpi': KPI,
      'GET /reports/kpi.xlsx': 'xlsx',
    });
    const header = await screen.findByTestId('dashboard');
    await userEvent.click(within(header).getByTestId('export'));
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain(`/reports/kpi.xlsx?year=${new Date().getFullYear()}`),
    );
    expect(URL.createObjectURL).toHaveBeenCalled();
  });

  /** A leader's dashboard at `path`, its 调度会材料 button and this quarter, as the button asks for it. */
  async function briefingAt(path: string) {
    URL.createObjectURL = vi.fn(() => 'blob:docx');
    URL.revokeObjectURL = vi.fn();
    const now = new Date();
    const quarter = `${now.getFullYear()}Q${Math.floor(now.getMonth() / 3) + 1}`;
    const { calls } = openPage(path, USERS.leader, {
      'GET /reports/kpi': KPI,
      'GET /reports/dispatch-briefing.docx': 'docx',
    });
    return { calls, quarter, button: await screen.findByTestId('briefing') };
  }

  it('downloads the chosen cluster’s 调度会材料, its button naming the cluster, both languages', async () => {
    const { calls, quarter, button } = await briefingAt('/dashboard?cluster=T2');
    expect(button).toHaveTextContent('下载调度会材料（功率半导体）');
    await userEvent.click(button);
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain(
        `/reports/dispatch-briefing.docx?quarter=${quarter}&cluster=T2`,
      ),
    );
    await act(() => i18n.changeLanguage('en'));
    try {
      expect(screen.getByTestId('briefing')).toHaveTextContent(
        'Download the meeting pack (Power semiconductors)',
      );
    } finally {
      await act(() => i18n.changeLanguage('zh-CN'));
    }
  });

  it('downloads the quarter’s 调度会材料 for a leader, and offers it to no district officer', async () => {
    const { calls, quarter, button } = await briefingAt('/dashboard');
    expect(button.textContent).toContain('下载调度会材料');
    await userEvent.click(button);
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain(`/reports/dispatch-briefing.docx?quarter=${quarter}`),
    );
    cleanup();
    openPage(
      '/dashboard',
      { username: 'd', role: 'district_officer', scope: { districts: ['500230'] }, displayName: '区县' },
      {
        'GET /reports/kpi': KPI,
      },
    );
    await screen.findByTestId('export');
    expect(screen.queryByTestId('briefing')).toBeNull();
  });

  it('stacks overdue ledger problems apart and names each ending with its reason', () => {
    const t = i18n.getFixedT('zh-CN', 'dashboard');
    const local = (text: { zh: string } | null | undefined) => text?.zh ?? '';
    const owners = ownersOption(KPI, local, t) as { series: { name: string; data: number[] }[] };
    expect(owners.series.map((s) => [s.name, s.data])).toEqual([
      ['未逾期', [7]],
      ['逾期', [2]],
    ]);
    const endings = endingsOption(KPI, local, t) as { yAxis: { data: string[] } };
    expect(endings.yAxis.data).toEqual(['已退出', '已毕业 · 营收已倍增']);
  });

  it('breaks an English department name under its bar between words, so it does not run over the next', () => {
    const t = i18n.getFixedT('en', 'dashboard');
    const en = (text: { en: string } | null | undefined) => text?.en ?? '';
    const kpi = {
      ...KPI,
      problems: {
        ...KPI.problems,
        byOwner: [
          {
            key: 'finance',
            label: { zh: '产业金融处', en: 'Industrial finance division' },
            n: 2,
            overdue: 0,
          },
          { key: 'industry', label: { zh: '行业处室', en: 'Industry division' }, n: 2, overdue: 0 },
        ],
      },
    };
    const owners = ownersOption(kpi, en, t) as { xAxis: { data: string[] } };
    expect(owners.xAxis.data).toEqual(['Industrial\nfinance\ndivision', 'Industry\ndivision']);
    const zh = ownersOption(kpi, (text) => text?.zh ?? '', t) as { xAxis: { data: string[] } };
    expect(zh.xAxis.data).toEqual(['产业金融处', '行业处室']);
  });

  // ui-walk-8 at 1440 px in English: "Graduated · Revenue doubled" lost its G at the card's edge, and
  // 问题台账·按类别 read "Enterprise-specific, Market-common, P…" beside a 1/2 pager (measured in a
  // browser at 1440 and 390 px, both languages: /work/wt/shots/dash-walk).
  it('draws an ending’s stage over its reason, and a ledger legend on rows rather than a pager', () => {
    const t = i18n.getFixedT('en', 'dashboard');
    const en = (text: { en: string } | null | undefined) => text?.en ?? '';
    const endings = endingsOption(KPI, en, t) as {
      yAxis: { data: string[]; axisLabel: { formatter: (label: string) => string } };
    };
    expect(endings.yAxis.data).toEqual(['Exited', 'Graduated · Doubled']);
    expect(endings.yAxis.data.map(endings.yAxis.axisLabel.formatter)).toEqual([
      'Exited',
      'Graduated\nDoubled',
    ]);
    const pie = pieOption(KPI.problems.byCategory, en) as { legend: { type?: string } };
    expect(pie.legend.type ?? 'plain').toBe('plain');
  });

  it('links every member figure to the enterprise list with its filters, and the list asks for them', async () => {
    const { calls } = openPage('/dashboard', USERS.leader, {
      'GET /reports/kpi': KPI,
      'GET /reference': REFERENCE,
      'GET /enterprises': { items: [], total: 37 },
    });
    const href = async (testId: string) => (await screen.findByTestId(testId)).getAttribute('href');
    expect(await href('link-pool')).toBe('/enterprises?inPoolOn=2026-11-25');
    expect(await href('link-admitted')).toBe('/enterprises?admittedIn=2026');
    expect(await href('link-on-track')).toBe('/enterprises?inPoolOn=2026-11-25&doubling=on_track');
    expect(await href('link-reporting')).toBe('/enterprises?inPoolOn=2026-11-25&doubling=reporting');
    expect(await href('link-doubled')).toBe('/enterprises?inPoolOn=2026-11-25&doubling=doubled');
    expect(await href('stage-supporting')).toBe('/enterprises?stage=supporting&stageOn=2026-11-25');
    expect(await href('link-overdue-tasks')).toBe('/inbox?view=all&overdue=true');
    expect(await href('link-overdue-problems')).toBe('/problems?overdue=true');
    expect(await href('link-graduated')).toBe('/enterprises?leftIn=2026&leftAs=graduated');
    expect(await href('link-exited')).toBe('/enterprises?leftIn=2026&leftAs=exited');
    expect(screen.getByTestId('stage-supporting')).toHaveTextContent('帮扶中 35');
    expect(screen.getByTestId('chart-admittedByYear')).toBeInTheDocument();

    await userEvent.click(screen.getByTestId('link-pool'));
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain('/enterprises?inPoolOn=2026-11-25&page=1&pageSize=20'),
    );
    expect(await screen.findByTestId('filter-inPoolOn')).toHaveTextContent('在库于 2026-11-25');
  });

  it('opens the enterprises behind a bar or a point of the member charts', () => {
    // A month's point counts its last day; the month of asOf counts asOf.
    expect(monthDay('2026-09', '2026-11-25')).toBe('2026-09-30');
    expect(monthDay('2024-02', '2026-11-25')).toBe('2024-02-29');
    expect(monthDay('2026-11', '2026-11-25')).toBe('2026-11-25');
    expect(chartLink('poolOverTime', KPI, { dataIndex: 0 })).toBe('/enterprises?inPoolOn=2026-09-30');
    expect(chartLink('poolOverTime', KPI, { dataIndex: 2 })).toBe('/enterprises?inPoolOn=2026-11-25');
    // Cohort 2025's bars: members, reporting, on track, doubled.
    expect(
      [0, 1, 2, 3].map((seriesIndex) => chartLink('cohorts', KPI, { dataIndex: 0, seriesIndex })),
    ).toEqual([
      '/enterprises?inPoolOn=2026-11-25&admittedIn=2025',
      '/enterprises?inPoolOn=2026-11-25&admittedIn=2025&doubling=reporting',
      '/enterprises?inPoolOn=2026-11-25&admittedIn=2025&doubling=on_track',
      '/enterprises?inPoolOn=2026-11-25&admittedIn=2025&doubling=doubled',
    ]);
    expect(chartLink('admittedByYear', KPI, { dataIndex: 1 })).toBe('/enterprises?admittedIn=2026');
    // The ledger's figures open the ledger with the same filter.
    expect(chartLink('byCategory', KPI, { dataIndex: 0 })).toBe('/problems?category=market_common');
    expect(chartLink('byStatus', KPI, { dataIndex: 0 })).toBe('/problems?status=open');
    expect(chartLink('byOwner', KPI, { dataIndex: 0, seriesIndex: 1 })).toBe(
      '/problems?owner=sme&overdue=true',
    );
    expect(chartLink('byOwner', KPI, { dataIndex: 0, seriesIndex: 0 })).toBe('/problems?owner=sme');
    // Horizontal bars are drawn shortest first: the click's index counts in that order.
    expect(chartLink('endings', KPI, { dataIndex: 0 })).toBe(
      '/enterprises?leftIn=2026&leftAs=exited&leftFor=none',
    );
    expect(chartLink('endings', KPI, { dataIndex: 1 })).toBe(
      '/enterprises?leftIn=2026&leftAs=graduated&leftFor=doubled',
    );
    expect(chartLink('overdueByDepartment', KPI, { dataIndex: 0 })).toBe(
      '/inbox?view=all&overdue=true&department=enterprise',
    );
    expect(chartLink('overdueByDepartment', KPI, { dataIndex: 1 })).toBe(
      '/inbox?view=all&overdue=true&department=district',
    );
    expect(chartLink('overdueByDistrict', KPI, { dataIndex: 0 })).toBe(
      '/inbox?view=all&overdue=true&district=500112',
    );
    expect(chartLink('overdueByDistrict', KPI, { dataIndex: 5 })).toBeNull();
  });

  it('offers an auditor, who has no inbox, no link into it', async () => {
    openPage('/dashboard', USERS.auditor, { 'GET /reports/kpi': KPI });
    expect(await screen.findByTestId('link-pool')).toBeInTheDocument();
    expect(screen.getByTestId('kpi-overdue')).toHaveTextContent('6');
    expect(screen.queryByTestId('link-overdue-tasks')).toBeNull();
    // …but each overdue task's page, which it reads (TASK_PAGE).
    expect(
      within(screen.getByTestId('overdue-list')).getByRole('link', { name: '区县反馈意见' }),
    ).toHaveAttribute('href', '/tasks/7f1c2d3e-0000-4000-8000-000000000001');
    cleanup();
    openPage('/dashboard', USERS.leader, { 'GET /reports/kpi': KPI });
    expect(await screen.findByTestId('link-overdue-tasks')).toHaveTextContent('6');
  });
});
