import ExcelJS from 'exceljs';
import { shanghaiDate } from '@hardtech/domain';
import { Api } from '../support/api';
import { createUser, freshCreditCode, Member, tag } from '../support/cast';
import { closeDb } from '../support/db';
import { expectOk } from '../support/lifecycle';
import {
  removeSeeds,
  seedCluster,
  SeededEnterprise,
  seedEnterprise,
  seedTask,
} from '../support/read-model-seed';

// Issue 19 item 4: one definition of "in the pool on date D" behind every number of the dashboard
// and the enterprise list each number opens. The KPI card said 在库 3 where the month chart said 4
// and the cohort bars 4 (here: an enterprise graduating today, one that left during the year): the
// card counted open membership periods, the chart periods that had not ended before the day, the
// cohorts every period that touched the year. Seeded into the read model under a cluster and two
// districts of their own, so an officer of that cluster, or of one district, sees exactly them.
// The pool is counted as the day ends: an enterprise graduating today has left it (the stage chips
// say 已毕业), though the 二(六) check still has it a member today.

const today = shanghaiDate(new Date());
const C = Number(today.slice(0, 4));
const Y = C - 1;
const P = C - 2;
const [D1, D2] = ['500241', '500242'];

let cluster: string;
let officer: Member;
let districtOfficer: Member;
let commissioner: Member;
let seeds: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', SeededEnterprise>;

afterAll(async () => {
  await removeSeeds(seeds, cluster);
  await closeDb();
});

beforeAll(async () => {
  cluster = await seedCluster();
  const base = { cluster, startedAt: `${P}-01-02T10:00:00+08:00` };
  const report = (quarter: string, growth: number, onTrack: boolean) => ({
    quarter,
    annualized: 10_000_000 * growth,
    growth,
    expected: 1.5,
    onTrack,
  });
  seeds = {
    a: {
      ...base,
      code: freshCreditCode(),
      name: '甲测',
      district: D1,
      stage: 'supporting',
      baseline: 10_000_000,
      membership: { from: `${P}-03-10` },
      reports: [report(`${Y}Q3`, 1.6, true)],
    },
    b: {
      ...base,
      code: freshCreditCode(),
      name: '乙测',
      district: D2,
      stage: 'exited',
      baseline: 10_000_000,
      membership: { from: `${P}-06-01`, to: `${Y}-05-20`, reason: 'withdrew' },
    },
    c: {
      ...base,
      code: freshCreditCode(),
      name: '丙测',
      district: D1,
      stage: 'supporting',
      baseline: 10_000_000,
      membership: { from: `${Y}-02-15` },
      reports: [report(`${Y}Q3`, 2.2, true)],
    },
    // Graduates today: a member today for the 二(六) check, no longer counted in the pool.
    d: {
      ...base,
      code: freshCreditCode(),
      name: '丁测',
      district: D2,
      stage: 'graduated',
      baseline: 10_000_000,
      membership: { from: `${P}-01-10`, to: today, reason: 'doubled' },
      reports: [report(`${Y}Q4`, 1.05, false)],
    },
    // Admitted today, being diagnosed.
    e: {
      ...base,
      code: freshCreditCode(),
      name: '戊测',
      district: D1,
      stage: 'diagnosis',
      baseline: 10_000_000,
      membership: { from: today },
    },
    f: { ...base, code: freshCreditCode(), name: '己测', district: D2, stage: 'feedback', baseline: null },
  };
  for (const s of Object.values(seeds)) await seedEnterprise(s);
  [officer, districtOfficer, commissioner] = await Promise.all([
    createUser('industry_officer', { clusters: [cluster] }),
    createUser('district_officer', { districts: [D1] }),
    createUser('commissioner', {}, `commissioner-${tag()}`, '专员 钱测'),
  ]);
  await seedTask(
    seeds.e,
    'DIAGNOSE',
    [`user:${commissioner.username}`],
    '2099-06-30T10:00:00Z',
    commissioner.username,
  );
  await seedTask(seeds.f, 'DISTRICT_FEEDBACK', [`district_officer:district:${D2}`], '2020-01-01T10:00:00Z');
});

const kpi = (api: Api, year: number) => expectOk(api.get(`/api/reports/kpi?year=${year}`));

/** The enterprise list behind a number: its total and credit codes (one page holds them all). */
async function list(api: Api, query: Record<string, string | number>) {
  const qs = new URLSearchParams({ ...query, pageSize: '100' } as Record<string, string>);
  const r = await expectOk(api.get(`/api/enterprises?${qs}`));
  return {
    total: r.total as number,
    codes: (r.items as any[]).map((i) => i.creditCode).sort(),
    items: r.items,
  };
}

const codes = (...keys: (keyof typeof seeds)[]) => keys.map((k) => seeds[k].code).sort();

describe('in the pool on date D: one number on the card, the charts and the list', () => {
  it.each([
    ['this year, counted today', () => C, () => today, ['a', 'c', 'e'] as const],
    ['last year, counted on its last day', () => Y, () => `${Y}-12-31`, ['a', 'c', 'd'] as const],
  ])('%s', async (_, year, asOf, members) => {
    const k = await kpi(officer.api, year());
    expect(k.asOf).toBe(asOf());
    expect(k.poolSize).toBe(members.length);
    // The month chart's last point, the 三年倍增 tally and the cohort bars count the same members.
    expect(k.poolOverTime.at(-1).members).toBe(k.poolSize);
    expect(k.revenueDoubling.members).toBe(k.poolSize);
    expect(k.revenueDoubling.cohorts.reduce((s: number, c: any) => s + c.members, 0)).toBe(k.poolSize);
    expect(k.revenueDoubling.enterprises.map((e: any) => e.creditCode).sort()).toEqual(codes(...members));
    // …and the list the card links to holds exactly them.
    expect(await list(officer.api, { inPoolOn: k.asOf })).toMatchObject({
      total: k.poolSize,
      codes: codes(...members),
    });
  });

  it('lists the members behind each cohort bar and its 三年倍增 standing', async () => {
    const k = await kpi(officer.api, Y);
    expect(k.revenueDoubling.cohorts).toEqual([
      { cohort: P, members: 2, reporting: 2, onTrack: 1, doubled: 0, averageGrowth: 1.325 },
      { cohort: Y, members: 1, reporting: 1, onTrack: 1, doubled: 1, averageGrowth: 2.2 },
    ]);
    for (const c of k.revenueDoubling.cohorts) {
      const behind = { inPoolOn: k.asOf, admittedIn: c.cohort };
      expect((await list(officer.api, behind)).total).toBe(c.members);
      expect((await list(officer.api, { ...behind, doubling: 'reporting' })).total).toBe(c.reporting);
      expect((await list(officer.api, { ...behind, doubling: 'on_track' })).total).toBe(c.onTrack);
      expect((await list(officer.api, { ...behind, doubling: 'doubled' })).total).toBe(c.doubled);
    }
    expect((await list(officer.api, { inPoolOn: k.asOf, doubling: 'behind' })).codes).toEqual(codes('d'));
  });

  it('counts a graduate out of the pool on its graduation day, as its stage chip says, and the 二(六) check in', async () => {
    const k = await kpi(officer.api, C);
    expect(k.poolSize).toBe(3);
    expect(k.stages.find((s: any) => s.key === 'graduated').n).toBe(1);
    expect((await list(officer.api, { stage: 'graduated' })).codes).toEqual(codes('d'));
    expect((await list(officer.api, { inPoolOn: today })).codes).not.toContain(seeds.d.code);
    expect((await list(officer.api, { inPoolOn: `${Y}-12-31` })).codes).toContain(seeds.d.code);
    // Membership periods keep both days: the enterprise was a member the day it graduated.
    const coordinator = await createUser('city_coordinator', {});
    const check = (date: string) =>
      expectOk(coordinator.api.get(`/api/pool/membership/${seeds.d.code}?date=${date}`));
    expect(await check(today)).toMatchObject({ member: true, period: { to: today, reason: 'doubled' } });
    const tomorrow = shanghaiDate(new Date(Date.now() + 86_400_000));
    expect((await check(tomorrow)).member).toBe(false);
  });

  it('counts admissions per year against the target, each year’s list behind it', async () => {
    const k = await kpi(officer.api, C);
    expect(k.admittedByYear.map((r: any) => r.year)).toEqual(
      Array.from({ length: C - 2023 + 1 }, (_, i) => 2023 + i),
    );
    expect(k.admittedByYear.slice(-3)).toEqual([
      { year: P, admitted: 3, target: k.annualTarget }, // a, b, d
      { year: Y, admitted: 1, target: k.annualTarget }, // c
      { year: C, admitted: 1, target: k.annualTarget }, // e
    ]);
    expect(k.admittedThisYear).toBe(1);
    for (const r of k.admittedByYear) {
      expect((await list(officer.api, { admittedIn: r.year })).total).toBe(r.admitted);
    }
  });

  it('breaks the enterprises down by stage, each stage’s list behind it', async () => {
    const k = await kpi(officer.api, C);
    const n = Object.fromEntries(k.stages.map((s: any) => [s.key, s.n]));
    expect(n).toMatchObject({
      supporting: 2,
      exited: 1,
      graduated: 1,
      diagnosis: 1,
      feedback: 1,
      screening: 0,
    });
    expect(k.stages.find((s: any) => s.key === 'supporting').label.zh).toBe('帮扶中');
    for (const s of k.stages) expect((await list(officer.api, { stage: s.key })).total).toBe(s.n);
  });

  it('gives a district officer the numbers and the list of their district only', async () => {
    const k = await kpi(districtOfficer.api, C);
    expect(k.poolSize).toBe(3); // a, c, e
    expect(k.poolOverTime.at(-1).members).toBe(3);
    expect(await list(districtOfficer.api, { inPoolOn: today })).toMatchObject({
      total: 3,
      codes: codes('a', 'c', 'e'),
    });
    expect((await list(districtOfficer.api, { admittedIn: P })).codes).toEqual(codes('a'));
  });

  it('answers 400 to a filter that is not one', async () => {
    for (const q of [
      'inPoolOn=2026-02-30',
      'inPoolOn=today',
      'admittedIn=abc',
      'admittedIn=2019',
      'doubling=fast',
      // The endings and a past year's stages (test/api/dashboard-links.test.ts).
      'stageOn=2026-02-30',
      'stageOn=yesterday',
      'leftIn=abc',
      'leftIn=2019',
      'leftAs=rejected',
      'leftFor=bored',
    ]) {
      expect((await officer.api.get(`/api/enterprises?${q}`)).status).toBe(400);
      expect((await officer.api.get(`/api/enterprises/export.xlsx?${q}`)).status).toBe(400);
    }
  });
});

describe('the list: stage, current step, handler and due date, also as .xlsx', () => {
  it('shows the step each enterprise waits on, its handler and due date', async () => {
    const { items } = await list(officer.api, { q: '测', cluster });
    const step = (code: string) => items.find((i: any) => i.creditCode === code)?.currentStep;
    expect(step(seeds.e.code)).toMatchObject({
      type: 'DIAGNOSE',
      label: { zh: '企业成长诊断' },
      assignee: commissioner.username,
      handler: { zh: '专员 钱测' },
      dueAt: '2099-06-30T10:00:00.000Z',
      overdue: false,
      openTasks: 1,
    });
    expect(step(seeds.f.code)).toMatchObject({
      type: 'DISTRICT_FEEDBACK',
      assignee: null,
      handler: { zh: '区县经信部门' },
      overdue: true,
    });
    expect(step(seeds.a.code)).toBeNull();
  });

  it('shows an enterprise no step that is not its own', async () => {
    const user = await createUser('enterprise_user', { creditCodes: [seeds.f.code] });
    const { items } = await list(user.api, {});
    expect(items.map((i: any) => [i.creditCode, i.currentStep])).toEqual([[seeds.f.code, null]]);
  });

  it('exports the filtered list with Chinese headers', async () => {
    const res = await fetch(
      `${process.env.API_URL}/api/enterprises/export.xlsx?inPoolOn=${today}&district=${D1}`,
      {
        headers: { authorization: `Bearer ${officer.api.token}` },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const rows: unknown[][] = [];
    wb.getWorksheet('企业名单')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual([
      '序号',
      '企业名称',
      '统一社会信用代码',
      '所在区县',
      '产业集群',
      '阶段',
      '当前环节',
      '办理人',
      '办理时限',
      '是否逾期',
      '待办任务数',
    ]);
    const byName = Object.fromEntries(rows.slice(1).map((r) => [r[1], r.slice(2)]));
    expect(Object.keys(byName).sort()).toEqual(['丙测', '戊测', '甲测']);
    expect(byName['戊测']).toEqual([
      seeds.e.code,
      '秀山土家族苗族自治县',
      `测试集群${cluster}`,
      '成长诊断',
      '企业成长诊断',
      '专员 钱测',
      '2099-06-30 18:00',
      '否',
      1,
    ]);
    expect(byName['甲测'].slice(3)).toEqual(['帮扶中', '', '', '', '', 0]);
  });
});
