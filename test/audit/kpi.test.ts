import { randomUUID } from 'node:crypto';
import type { TaskType } from '@hardtech/domain';
import { Api } from '../support/api';
import { createUser, freshCreditCode, Member } from '../support/cast';
import { closeDb, db, deleteSeededEnterprises } from '../support/db';
import { expectOk } from '../support/lifecycle';
import { activePolicy } from '../support/policy';
import { seedCluster, SeededEnterprise, seedEnterprise, seedTask } from '../support/read-model-seed';
import { rowsOf, workbook } from '../support/xlsx';

// Issue 6 §3–4: KPI figures and .xlsx exports against a known data set. The data set is seeded
// into the read model under a cluster of its own, so an industry officer of that cluster sees
// exactly it (the scope rule does the rest) while other tests run beside it. Dates are relative
// to last year (Y) and the year before (P), so every figure is final whenever the test runs.
// The seeded enterprises have no workflows: they leave with the test, so that nothing that walks
// the read model afterwards (the quarterly dispatch ticks every supporting member) meets them.
afterAll(async () => {
  const codes = Object.values(seeds ?? {}).map((s) => s.code);
  await deleteSeededEnterprises(codes);
  await db().query(`DELETE FROM clusters WHERE code = ANY($1)`, [[cluster, emptyCluster]]);
  await closeDb();
});

const Y = new Date().getFullYear() - 1;
const P = Y - 1;
const [D1, D2] = ['500237', '500238'];

type Seed = Omit<SeededEnterprise, 'cluster' | 'startedAt'>;

let cluster: string;
let emptyCluster: string;
let officer: Member;
let outsider: Member;
let seeds: Record<'e1' | 'e2' | 'e3' | 'e4' | 'e5' | 'e6', Seed>;

beforeAll(async () => {
  cluster = await seedCluster();
  emptyCluster = await seedCluster();
  seeds = {
    // Cohort P: one still a member and on track, one that left in Y (withdrew), behind.
    e1: {
      code: freshCreditCode(),
      name: '甲科技',
      district: D1,
      stage: 'supporting',
      baseline: 10_000_000,
      membership: { from: `${P}-03-10` },
      reports: [
        { quarter: `${Y}Q2`, annualized: 15_000_000, growth: 1.5, expected: 1.45, onTrack: true },
        { quarter: `${Y}Q3`, annualized: 16_000_000, growth: 1.6, expected: 1.5, onTrack: true },
      ],
    },
    e2: {
      code: freshCreditCode(),
      name: '乙科技',
      district: D2,
      stage: 'exited',
      baseline: 8_000_000,
      membership: { from: `${P}-06-01`, to: `${Y}-05-20`, reason: 'withdrew' },
      ended: { at: `${Y}-05-20T10:00:00+08:00`, stage: 'exited', reason: 'withdrew' },
      reports: [{ quarter: `${P}Q4`, annualized: 8_400_000, growth: 1.05, expected: 1.1, onTrack: false }],
    },
    // Cohort Y: one doubled and still a member, one graduated (doubled) in September.
    e3: {
      code: freshCreditCode(),
      name: '丙科技',
      district: D1,
      stage: 'supporting',
      baseline: 20_000_000,
      membership: { from: `${Y}-02-15` },
      reports: [{ quarter: `${Y}Q3`, annualized: 44_000_000, growth: 2.2, expected: 1.25, onTrack: true }],
    },
    e4: {
      code: freshCreditCode(),
      name: '丁科技',
      district: D2,
      stage: 'graduated',
      baseline: 5_000_000,
      membership: { from: `${Y}-04-01`, to: `${Y}-09-30`, reason: 'doubled' },
      ended: { at: `${Y}-09-30T16:00:00+08:00`, stage: 'graduated', reason: 'doubled' },
      reports: [{ quarter: `${Y}Q2`, annualized: 10_500_000, growth: 2.1, expected: 1.05, onTrack: true }],
    },
    // Never admitted: rejected at screening in Y; one still waiting for its district's opinion.
    e5: {
      code: freshCreditCode(),
      name: '戊科技',
      district: D1,
      stage: 'rejected',
      baseline: null,
      ended: { at: `${Y}-03-01T09:00:00+08:00`, stage: 'rejected', reason: '不符合条件' },
    },
    e6: { code: freshCreditCode(), name: '己科技', district: D2, stage: 'feedback', baseline: null },
  };
  for (const s of Object.values(seeds)) await seed(s);

  // The ledger of e1: three problems, one overdue and not resolved.
  await problem(seeds.e1, 'policy_support', 'finance', 'open', '2099-12-31');
  await problem(seeds.e1, 'market_common', 'sme', 'resolved', '2021-06-30');
  await problem(seeds.e1, 'enterprise_specific', 'industry', 'in_progress', '2020-01-01');
  // Open tasks: two overdue (the enterprise's report, the district's opinion), one not yet due.
  await task(seeds.e1, 'QUARTERLY_REPORT', [`enterprise_user:enterprise:${seeds.e1.code}`], '2020-01-01');
  await task(seeds.e6, 'DISTRICT_FEEDBACK', [`district_officer:district:${D2}`], '2020-01-01');
  await task(seeds.e3, 'QUARTERLY_REVIEW', [`industry_officer:cluster:${cluster}`], '2099-12-31');

  officer = await createUser('industry_officer', { clusters: [cluster] });
  outsider = await createUser('industry_officer', { clusters: [emptyCluster] });
  // e1 is served by people with names; e3's commissioner is a user who is gone.
  const commissioner = await createUser('commissioner', {}, undefined, '王专员');
  const liaison = await createUser('district_officer', { districts: [D1] }, undefined, '李联络');
  await db().query(`UPDATE enterprises SET commissioner = $2, district_liaison = $3 WHERE credit_code = $1`, [
    seeds.e1.code,
    commissioner.username,
    liaison.username,
  ]);
  await db().query(`UPDATE enterprises SET commissioner = 'gone-user' WHERE credit_code = $1`, [
    seeds.e3.code,
  ]);
});

function seed(s: Seed): Promise<void> {
  return seedEnterprise({ ...s, cluster, startedAt: `${P}-01-05T10:00:00+08:00` });
}

/** An instant whose Shanghai date is the next day: the export must show 08:00 ahead, not UTC. */
const UPDATED_AT = `${Y}-12-06T20:46:57.243Z`;

async function problem(
  s: Seed,
  category: string,
  owner: string,
  status: string,
  dueAt: string,
): Promise<void> {
  await db().query(
    `INSERT INTO problems (id, credit_code, lifecycle_no, title, category, measures, target, owner_department, due_at,
       status, district, cluster, nomination_cluster, created_at, updated_at)
     VALUES ($1, $2, 1, $3, $4, '措施', '目标', $5, $6, $7, $8, $9, $9, now(), $10)`,
    [
      randomUUID(),
      s.code,
      `问题-${category}`,
      category,
      owner,
      dueAt,
      status,
      s.district,
      cluster,
      UPDATED_AT,
    ],
  );
}

async function task(s: Seed, type: TaskType, groups: string[], dueAt: string): Promise<void> {
  await seedTask({ ...s, cluster, startedAt: '' }, type, groups, dueAt);
}

const kpi = (api: Api, year = Y) => expectOk(api.get(`/api/reports/kpi?year=${year}`));

describe('GET /api/reports/kpi on the seeded data set', () => {
  it('pool size now and month by month, admissions against the annual target', async () => {
    const k = await kpi(officer.api);
    const target = (await activePolicy()).annualTarget;
    expect(k).toMatchObject({
      year: Y,
      asOf: `${Y}-12-31`, // a past year is counted on its last day
      poolSize: 2, // e1, e3
      admittedThisYear: 2, // e3, e4
      annualTarget: target,
      // The target is the city's: no cluster's 2 over it (the walk: a district read 3 / 50 as its own).
      targetProgress: null,
    });
    // e4 graduated on 30 September: September's point, counted as that day ends, is without it.
    expect(k.poolOverTime.map((m: any) => m.members)).toEqual([2, 3, 3, 4, 3, 3, 3, 3, 2, 2, 2, 2]);
    expect(k.poolOverTime[0].month).toBe(`${Y}-01`);
    const before = await kpi(officer.api, P);
    expect(before.poolOverTime.map((m: any) => m.members)).toEqual([0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]);
    expect(before).toMatchObject({ asOf: `${P}-12-31`, poolSize: 2 }); // e1, e2
    expect(k.admittedByYear.slice(-2)).toEqual([
      { year: P, admitted: 2, target },
      { year: Y, admitted: 2, target },
    ]);
  });

  it('三年倍增 per enterprise and per cohort, of the members on the year’s last day', async () => {
    const d = (await kpi(officer.api)).revenueDoubling;
    // e2 (exited in May) and e4 (graduated in September) are no longer in the pool on 31 December.
    expect(d).toMatchObject({ members: 2, reporting: 2, onTrack: 2, doubled: 1, averageGrowth: 1.9 });
    expect(d.cohorts).toEqual([
      { cohort: P, members: 1, reporting: 1, onTrack: 1, doubled: 0, averageGrowth: 1.6 },
      { cohort: Y, members: 1, reporting: 1, onTrack: 1, doubled: 1, averageGrowth: 2.2 },
    ]);
    expect(
      d.enterprises.map((e: any) => [
        e.creditCode,
        e.cohort,
        e.baselineRevenue,
        e.quarter,
        e.growth,
        e.onTrack,
      ]),
    ).toEqual([
      [seeds.e1.code, P, 10_000_000, `${Y}Q3`, 1.6, true],
      [seeds.e3.code, Y, 20_000_000, `${Y}Q3`, 2.2, true],
    ]);
    // The year before: e2 was a member then, with its report of that year.
    const before = (await kpi(officer.api, P)).revenueDoubling;
    expect(before.enterprises.map((e: any) => [e.creditCode, e.quarter, e.onTrack])).toEqual([
      [seeds.e1.code, null, null],
      [seeds.e2.code, `${P}Q4`, false],
    ]);
  });

  it('ledger statistics, overdue tasks by department and district, graduations and exits with reasons', async () => {
    const k = await kpi(officer.api);
    expect(k.problems).toMatchObject({ total: 3, overdue: 1 });
    const counts = (rows: any[]) => rows.map((r) => [r.key, r.n]);
    expect(counts(k.problems.byCategory)).toEqual([
      ['enterprise_specific', 1],
      ['market_common', 1],
      ['policy_support', 1],
    ]);
    expect(counts(k.problems.byStatus)).toEqual([
      ['in_progress', 1],
      ['open', 1],
      ['resolved', 1],
    ]);
    expect(k.problems.byOwner.map((r: any) => [r.key, r.label.zh, r.n, r.overdue])).toEqual([
      ['finance', '产业金融处', 1, 0],
      ['industry', '行业处室', 1, 1],
      ['sme', '中小企业处', 1, 0],
    ]);
    expect(k.overdueTasks).toEqual({
      total: 2,
      byDepartment: [
        { key: 'district', label: { zh: '区县经信部门', en: 'District department' }, n: 1 },
        { key: 'enterprise', label: { zh: '企业', en: 'Enterprise' }, n: 1 },
      ],
      byDistrict: [
        { key: D1, label: { zh: '巫山县', en: 'Wushan County' }, n: 1 },
        { key: D2, label: { zh: '巫溪县', en: 'Wuxi County' }, n: 1 },
      ],
      items: expect.any(Array),
    });
    // The tasks behind the count, from the tasks table's due time: the not-yet-due review is not one.
    const late = k.overdueTasks.items.map((i: any) => [
      i.creditCode,
      i.taskType,
      i.department,
      i.assigneeName,
    ]);
    expect(late.sort()).toEqual(
      [
        [seeds.e1.code, 'QUARTERLY_REPORT', 'enterprise', null],
        [seeds.e6.code, 'DISTRICT_FEEDBACK', 'district', null],
      ].sort(),
    );
    expect(k.overdueTasks.items[0].overdueDays).toBeGreaterThan(365);
    expect(k.endings).toMatchObject({ graduated: 1, exited: 1, rejected: 1 });
    expect(k.endings.byReason.map((r: any) => [r.stage, r.reason, r.reasonLabel.zh, r.n])).toEqual([
      ['exited', 'withdrew', '企业主动退出', 1],
      ['graduated', 'doubled', '营业收入实现倍增', 1],
    ]);
    // The year before: nothing ended, two admitted.
    expect(await kpi(officer.api, P)).toMatchObject({
      admittedThisYear: 2,
      endings: { graduated: 0, exited: 0, rejected: 0 },
    });
  });

  // The walk: a district officer's dashboard read its own 2 in the pool over the city's capacity of
  // 300 and its 3 admissions over the city's target of 50. There is no district quota (the work plan,
  // the policy): a narrower scope gets the city's figures to read them against.
  it('gives a scope narrower than the city the city’s figures beside the city’s capacity and target', async () => {
    const leader = await createUser('leader', {});
    const progress = (n: number, target: number) => Math.round((n / target) * 10_000) / 10_000;
    const [all, own] = await Promise.all([kpi(leader.api), kpi(officer.api)]);
    expect(all.city).toBeNull();
    expect(all.targetProgress).toBe(progress(all.admittedThisYear, all.annualTarget));
    expect(own.city).toEqual({
      poolSize: all.poolSize,
      admittedThisYear: all.admittedThisYear,
      targetProgress: all.targetProgress,
    });
    expect(own.city.poolSize).toBeGreaterThanOrEqual(own.poolSize);
    expect(own).toMatchObject({ poolCapacity: all.poolCapacity, annualTarget: all.annualTarget });
  });

  it('is scoped to the caller: an officer of another cluster sees none of it, the leader all of it', async () => {
    const k = await kpi(outsider.api);
    expect(k).toMatchObject({
      poolSize: 0,
      admittedThisYear: 0,
      revenueDoubling: { members: 0, cohorts: [], enterprises: [] },
      problems: { total: 0 },
      overdueTasks: { total: 0, items: [] },
      endings: { graduated: 0, exited: 0, rejected: 0 },
    });
    const leader = await createUser('leader', {});
    const all = await kpi(leader.api);
    expect(all.poolSize).toBeGreaterThanOrEqual(2);
    const codes = all.revenueDoubling.enterprises.map((e: any) => e.creditCode);
    expect(codes).toEqual(expect.arrayContaining([seeds.e1.code, seeds.e3.code]));
    expect(codes).not.toContain(seeds.e2.code);
  });

  it('answers 400 to a year that is not one', async () => {
    for (const year of ['abc', '1999', '2026.5']) {
      expect((await officer.api.get(`/api/reports/kpi?year=${year}`)).status).toBe(400);
    }
  });
});

describe('.xlsx exports, read back', () => {
  it('化解问题台账 with Chinese headers, within scope', async () => {
    const wb = await workbook(officer.api, '/api/problems/export.xlsx');
    const rows = rowsOf(wb.getWorksheet('化解问题台账')!);
    expect(rows[0]).toEqual([
      '序号',
      '企业名称',
      '统一社会信用代码',
      '所在区县',
      '产业集群',
      '问题',
      '问题类别',
      '化解措施',
      '目标任务',
      '责任部门',
      '完成时限',
      '状态',
      '特殊处理',
      '更新时间',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[6], r[9], r[10], r[11]])).toEqual([
      // 责任部门 of the industry side: its lead cluster's 行业处室, by the cluster while unnamed. In
      // the ledger's order: open ones by due date, then those finished (已销号).
      [
        1,
        seeds.e1.code,
        '巫山县',
        `测试集群${cluster}`,
        '企业个性问题',
        `行业处室（测试集群${cluster}）`,
        '2020-01-01',
        '化解中',
      ],
      [
        2,
        seeds.e1.code,
        '巫山县',
        `测试集群${cluster}`,
        '政策保障问题',
        '产业金融处',
        '2099-12-31',
        '待化解',
      ],
      [
        3,
        seeds.e1.code,
        '巫山县',
        `测试集群${cluster}`,
        '市场共性问题',
        '中小企业处',
        '2021-06-30',
        '已销号',
      ],
    ]);
    // 更新时间 in Shanghai time, to the minute, as the ledger page shows it.
    expect(rows.slice(1).map((r) => r[13])).toEqual(Array(3).fill(`${Y}-12-07 04:46`));
    // The list's filters apply to the export too.
    const open = await workbook(officer.api, '/api/problems/export.xlsx?status=open');
    expect(rowsOf(open.getWorksheet('化解问题台账')!)).toHaveLength(2);
    const none = await workbook(outsider.api, '/api/problems/export.xlsx');
    expect(rowsOf(none.worksheets[0])).toHaveLength(1); // headers only
  });

  it('帮扶库企业名单: the members now, money in 万元', async () => {
    const rows = rowsOf(
      (await workbook(officer.api, '/api/pool/export.xlsx')).getWorksheet('帮扶库企业名单')!,
    );
    expect(rows[0]).toEqual([
      '序号',
      '企业名称',
      '统一社会信用代码',
      '所在区县',
      '牵头产业集群',
      '阶段',
      '入库日期',
      '基期营业收入（万元）',
      '最新季度',
      '年化营业收入（万元）',
      '增长倍数',
      '应达倍数',
      '是否达到倍增进度',
      '服务专员',
      '区县联络人',
    ]);
    // The people who serve a member by name; a user who is gone by username; none left blank.
    expect(rows.slice(1).map((r) => [r[13], r[14]])).toEqual([
      ['王专员', '李联络'],
      ['gone-user', undefined],
    ]);
    expect(rows.slice(1).map((r) => r.slice(0, 13))).toEqual([
      [
        1,
        '甲科技',
        seeds.e1.code,
        '巫山县',
        `测试集群${cluster}`,
        '帮扶中',
        `${P}-03-10`,
        1000,
        `${Y}Q3`,
        1600,
        1.6,
        1.5,
        '是',
      ],
      [
        2,
        '丙科技',
        seeds.e3.code,
        '巫山县',
        `测试集群${cluster}`,
        '帮扶中',
        `${Y}-02-15`,
        2000,
        `${Y}Q3`,
        4400,
        2.2,
        1.25,
        '是',
      ],
    ]);
  });

  it('the KPI tables, one sheet each, with the figures of the report', async () => {
    const wb = await workbook(officer.api, `/api/reports/kpi.xlsx?year=${Y}`);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      '总览',
      '在库企业数变化',
      '三年倍增（按批次）',
      '三年倍增（按企业）',
      '问题台账统计',
      '逾期任务',
      '毕业和移出',
    ]);
    const overview = Object.fromEntries(rowsOf(wb.getWorksheet('总览')!).slice(1) as [string, unknown][]);
    expect(overview).toMatchObject({
      年度: Y,
      '在库企业数（家）': 2,
      '全市在库企业数（家）': expect.any(Number),
      全市目标完成率: expect.any(Number),
      '本年入库企业数（家）': 2,
      '达到倍增进度（家）': 2,
      '已实现倍增（家）': 1,
      '逾期任务（件）': 2,
      '本年毕业（家）': 1,
      '本年移出（家）': 1,
    });
    expect(rowsOf(wb.getWorksheet('三年倍增（按批次）')!)).toEqual([
      ['入库年度', '企业数（家）', '已报送（家）', '达到倍增进度（家）', '已实现倍增（家）', '平均增长倍数'],
      [P, 1, 1, 1, 0, 1.6],
      [Y, 1, 1, 1, 1, 2.2],
    ]);
    expect(rowsOf(wb.getWorksheet('毕业和移出')!).slice(1)).toEqual([
      ['已移出', '企业主动退出', 1],
      ['已毕业', '营业收入实现倍增', 1],
    ]);
    expect(rowsOf(wb.getWorksheet('在库企业数变化')!)).toHaveLength(13);
  });
});
