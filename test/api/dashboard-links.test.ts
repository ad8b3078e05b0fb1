import ExcelJS from 'exceljs';
import { shanghaiDate } from '@hardtech/domain';
import { Api } from '../support/api';
import { createUser, freshCreditCode, Member } from '../support/cast';
import { closeDb } from '../support/db';
import { expectOk } from '../support/lifecycle';
import {
  removeSeeds,
  seedCluster,
  SeededEnterprise,
  seedEnterprise,
  seedTask,
} from '../support/read-model-seed';

// Issue 19 item 4, the numbers that linked nowhere or counted the wrong day: the overdue-task bars
// open the inbox (GET /api/tasks?view=all&overdue=true&department|district=), each endings bar the
// enterprises that left the pool that year for that reason, and a past year's stage breakdown counts
// the stages on its last day (stage history), its list `?stage=&stageOn=`. Seeded into the read model
// under a cluster of its own and two districts no other test uses.

const today = shanghaiDate(new Date());
const C = Number(today.slice(0, 4));
const Y = C - 1;
const P = C - 2;
const D = `${Y}-12-31`;
const [D1, D2] = ['500243', '500240'];
/** Half an hour before and after the midnight that ends D, in Shanghai. */
const LATE_ON_D = `${D}T23:30:00+08:00`;
const AFTER_D = `${C}-01-01T00:30:00+08:00`;

let cluster: string;
let officer: Member;
let districtOfficer: Member;
let seeds: Record<'a' | 'g' | 'b' | 'x' | 'n' | 'r' | 'z', SeededEnterprise>;

afterAll(async () => {
  await removeSeeds(seeds, cluster);
  await closeDb();
});

beforeAll(async () => {
  cluster = await seedCluster();
  const base = { cluster, baseline: 10_000_000, startedAt: `${P}-01-02T10:00:00+08:00` };
  seeds = {
    // Supporting since the year before last.
    a: {
      ...base,
      code: freshCreditCode(),
      name: '甲链',
      district: D1,
      stage: 'supporting',
      membership: { from: `${P}-03-10` },
      stages: [
        ['screening', `${P}-01-02T10:00:00+08:00`],
        ['diagnosis', `${P}-03-10T10:00:00+08:00`],
        ['supporting', `${P}-05-01T10:00:00+08:00`],
      ],
    },
    // Diagnosed late on D, supporting since half an hour after it: on D it was being diagnosed.
    g: {
      ...base,
      code: freshCreditCode(),
      name: '庚链',
      district: D1,
      stage: 'supporting',
      membership: { from: D },
      stages: [
        ['screening', `${Y}-09-01T10:00:00+08:00`],
        ['diagnosis', LATE_ON_D],
        ['supporting', AFTER_D],
      ],
    },
    // Under graduation review on D, graduated (doubled) after it.
    b: {
      ...base,
      code: freshCreditCode(),
      name: '乙链',
      district: D2,
      stage: 'graduated',
      membership: { from: `${P}-06-01`, to: shanghaiDate(new Date(AFTER_D)), reason: 'doubled' },
      ended: { at: AFTER_D, stage: 'graduated', reason: 'doubled' },
      stages: [
        ['screening', `${P}-04-01T10:00:00+08:00`],
        ['supporting', `${P}-06-01T10:00:00+08:00`],
        ['graduation_review', `${Y}-12-20T10:00:00+08:00`],
        ['graduated', AFTER_D],
      ],
    },
    // Exited last year: relocated, and one without a recorded reason.
    x: {
      ...base,
      code: freshCreditCode(),
      name: '戌链',
      district: D2,
      stage: 'exited',
      membership: { from: `${P}-02-01`, to: `${Y}-06-01`, reason: 'relocated' },
      ended: { at: `${Y}-06-01T10:00:00+08:00`, stage: 'exited', reason: 'relocated' },
      stages: [
        ['supporting', `${P}-02-01T10:00:00+08:00`],
        ['exited', `${Y}-06-01T10:00:00+08:00`],
      ],
    },
    n: {
      ...base,
      code: freshCreditCode(),
      name: '年链',
      district: D1,
      stage: 'exited',
      membership: { from: `${P}-02-01`, to: `${Y}-07-01` },
      ended: { at: `${Y}-07-01T10:00:00+08:00`, stage: 'exited', reason: null },
      stages: [
        ['supporting', `${P}-02-01T10:00:00+08:00`],
        ['exited', `${Y}-07-01T10:00:00+08:00`],
      ],
    },
    // Rejected last year: never in the pool, so in no endings bar and no "left" list.
    r: {
      ...base,
      code: freshCreditCode(),
      name: '壬链',
      district: D1,
      stage: 'rejected',
      baseline: null,
      ended: { at: `${Y}-03-01T10:00:00+08:00`, stage: 'rejected', reason: 'ineligible' },
      stages: [
        ['screening', `${Y}-02-01T10:00:00+08:00`],
        ['rejected', `${Y}-03-01T10:00:00+08:00`],
      ],
    },
    // Nominated after D: no stage on D.
    z: {
      ...base,
      code: freshCreditCode(),
      name: '子链',
      district: D2,
      stage: 'screening',
      baseline: null,
      stages: [['screening', AFTER_D]],
    },
  };
  for (const s of Object.values(seeds)) await seedEnterprise(s);
  [officer, districtOfficer] = await Promise.all([
    createUser('industry_officer', { clusters: [cluster] }),
    createUser('district_officer', { districts: [D1] }),
  ]);
  const overdue = '2020-01-01T10:00:00Z';
  await seedTask(seeds.a, 'DISTRICT_FEEDBACK', [`district_officer:district:${D1}`], overdue);
  await seedTask(seeds.g, 'QUARTERLY_REPORT', [`enterprise_user:enterprise:${seeds.g.code}`], overdue);
  await seedTask(seeds.z, 'DISTRICT_FEEDBACK', [`district_officer:district:${D2}`], overdue);
  // Open and not yet due: in no overdue count.
  await seedTask(
    seeds.a,
    'QUARTERLY_REPORT',
    [`enterprise_user:enterprise:${seeds.a.code}`],
    '2099-01-01T10:00:00Z',
  );
});

const kpi = (api: Api, year: number) => expectOk(api.get(`/api/reports/kpi?year=${year}`));

/** A list behind a number: its total and credit codes (one page holds them all). */
async function list(api: Api, path: string, query: Record<string, string | number>) {
  const qs = new URLSearchParams({ ...query, pageSize: '100' } as Record<string, string>);
  const r = await expectOk(api.get(`${path}?${qs}`));
  return { total: r.total as number, codes: (r.items as any[]).map((i) => i.creditCode).sort() };
}

const codes = (...keys: (keyof typeof seeds)[]) => keys.map((k) => seeds[k].code).sort();
const counts = (rows: { key: string; n: number }[]) =>
  Object.fromEntries(rows.filter((r) => r.n).map((r) => [r.key, r.n]));

describe('the overdue-task bars open the inbox with their filter', () => {
  it('lists the overdue tasks behind each department and district bar', async () => {
    const o = (await kpi(officer.api, C)).overdueTasks;
    expect(o.total).toBe(3);
    expect(counts(o.byDepartment)).toEqual({ district: 2, enterprise: 1 });
    expect(counts(o.byDistrict)).toEqual({ [D1]: 2, [D2]: 1 });
    const inbox = (filter: Record<string, string>) =>
      list(officer.api, '/api/tasks', { view: 'all', overdue: 'true', ...filter });
    for (const bar of o.byDepartment) expect((await inbox({ department: bar.key })).total).toBe(bar.n);
    for (const bar of o.byDistrict) expect((await inbox({ district: bar.key })).total).toBe(bar.n);
    expect((await inbox({ department: 'enterprise' })).codes).toEqual(codes('g'));
  });

  it('shows a district officer following a link to another district nothing of it', async () => {
    const o = (await kpi(districtOfficer.api, C)).overdueTasks;
    expect(counts(o.byDistrict)).toEqual({ [D1]: 2 });
    const inbox = (filter: Record<string, string>) =>
      list(districtOfficer.api, '/api/tasks', { view: 'all', overdue: 'true', ...filter });
    expect(await inbox({ district: D2 })).toEqual({ total: 0, codes: [] });
    expect((await inbox({ department: 'district' })).codes).toEqual(codes('a'));
  });

  it('answers 400 to a department that is not one', async () => {
    expect((await officer.api.get('/api/tasks?department=finance_bureau')).status).toBe(400);
  });
});

describe('the endings bars open the enterprises that left the pool that year for that reason', () => {
  it('counts each bar as its list is long, rejections in none', async () => {
    const e = (await kpi(officer.api, Y)).endings;
    expect(e).toMatchObject({ graduated: 0, exited: 2, rejected: 1 });
    expect(e.byReason.map((r: any) => [r.stage, r.reason, r.n])).toEqual([
      ['exited', 'relocated', 1],
      ['exited', null, 1],
    ]);
    for (const bar of e.byReason) {
      const behind = { leftIn: Y, leftAs: bar.stage, leftFor: bar.reason ?? 'none' };
      expect((await list(officer.api, '/api/enterprises', behind)).total).toBe(bar.n);
    }
    expect((await list(officer.api, '/api/enterprises', { leftIn: Y, leftFor: 'none' })).codes).toEqual(
      codes('n'),
    );
    expect((await list(officer.api, '/api/enterprises', { leftIn: Y })).codes).toEqual(codes('x', 'n'));
    const graduated = (await kpi(officer.api, C)).endings.byReason;
    expect(graduated.map((r: any) => [r.stage, r.reason, r.n])).toEqual([['graduated', 'doubled', 1]]);
    expect(
      (await list(officer.api, '/api/enterprises', { leftIn: C, leftAs: 'graduated', leftFor: 'doubled' }))
        .codes,
    ).toEqual(codes('b'));
  });

  it('gives a district officer their district’s leavers only', async () => {
    expect((await kpi(districtOfficer.api, Y)).endings.byReason.map((r: any) => r.n)).toEqual([1]);
    expect((await list(districtOfficer.api, '/api/enterprises', { leftIn: Y })).codes).toEqual(codes('n'));
  });

  it('exports the leavers of a bar as .xlsx', async () => {
    const res = await fetch(
      `${process.env.API_URL}/api/enterprises/export.xlsx?leftIn=${Y}&leftAs=exited&leftFor=relocated`,
      { headers: { authorization: `Bearer ${officer.api.token}` } },
    );
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const names: unknown[] = [];
    wb.getWorksheet('企业名单')!.eachRow((row, i) => i > 1 && names.push(row.getCell(2).value));
    expect(names).toEqual(['戌链']);
  });
});

describe('a past year’s stage breakdown counts the stages its last day ended with', () => {
  it('counts a member by the stage it had on D, not the one it has now', async () => {
    const past = await kpi(officer.api, Y);
    expect(past.asOf).toBe(D);
    expect(counts(past.stages)).toEqual({
      supporting: 1, // a; g came to supporting after D
      diagnosis: 1, // g, diagnosed half an hour before D ended
      graduation_review: 1, // b, graduated after D
      exited: 2,
      rejected: 1,
    });
    for (const s of past.stages) {
      const behind = await list(officer.api, '/api/enterprises', { stage: s.key, stageOn: D });
      expect(behind.total).toBe(s.n);
    }
    expect((await list(officer.api, '/api/enterprises', { stage: 'diagnosis', stageOn: D })).codes).toEqual(
      codes('g'),
    );
    // This year counts the stages now, as the list does with and without stageOn (today).
    const now = await kpi(officer.api, C);
    expect(counts(now.stages)).toEqual({ supporting: 2, graduated: 1, exited: 2, rejected: 1, screening: 1 });
    for (const s of now.stages) {
      expect((await list(officer.api, '/api/enterprises', { stage: s.key })).total).toBe(s.n);
      const behind = await list(officer.api, '/api/enterprises', { stage: s.key, stageOn: now.asOf });
      expect(behind.total).toBe(s.n);
    }
  });
});
