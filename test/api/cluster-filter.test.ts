import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { shanghaiDate } from '@hardtech/domain';
import { API_URL, Api } from '../support/api';
import { createUser, freshCreditCode, Member } from '../support/cast';
import { closeDb, db } from '../support/db';
import { expectOk } from '../support/lifecycle';
import {
  removeSeeds,
  seedCluster,
  SeededEnterprise,
  seedEnterprise,
  seedProblem,
  seedTask,
} from '../support/read-model-seed';

// The `cluster` filter of the ledger and the dashboard, as the enterprise list has it: scoped on
// the server (an officer of cluster A asking for cluster B sees nothing of B), a retired cluster
// still a filter, and an unknown code a 400 naming `cluster` on every list that takes one. Seeded
// into the read model under two clusters of the test's own.

const today = shanghaiDate(new Date());
const year = Number(today.slice(0, 4));
const lastYear = `${year - 1}-06-30`;
const overdue = `${year - 1}-12-01T10:00:00+08:00`;

let A: string;
let B: string;
let seeds: Record<'a' | 'b', SeededEnterprise>;
let officerA: Member;
let coordinator: Member;

const enterprise = (cluster: string, name: string): SeededEnterprise => ({
  code: freshCreditCode(),
  name,
  district: '500112',
  cluster,
  stage: 'supporting',
  baseline: 10_000_000,
  startedAt: `${year - 1}-01-02T10:00:00+08:00`,
  membership: { from: `${year - 1}-03-10` },
});

beforeAll(async () => {
  [A, B] = await Promise.all([seedCluster(), seedCluster()]);
  seeds = { a: enterprise(A, '集群甲'), b: enterprise(B, '集群乙') };
  for (const s of Object.values(seeds)) {
    await seedEnterprise(s);
    await seedProblem(s, `${s.name}的问题`, lastYear);
    await seedTask(s, 'DISTRICT_FEEDBACK', ['district_officer:district:500112'], overdue);
  }
  [officerA, coordinator] = await Promise.all([
    createUser('industry_officer', { clusters: [A] }),
    createUser('city_coordinator', {}),
  ]);
});

afterAll(async () => {
  await removeSeeds(seeds, A);
  await db().query(`DELETE FROM clusters WHERE code = $1`, [B]);
  await closeDb();
});

const problems = async (api: Api, query: string) =>
  (await expectOk(api.get(`/api/problems?${query}&pageSize=200`))) as {
    total: number;
    items: { creditCode: string; title: string }[];
  };
const kpi = (api: Api, cluster: string) => expectOk(api.get(`/api/reports/kpi?cluster=${cluster}`));
const members = (k: any) => k.revenueDoubling.enterprises.map((e: { creditCode: string }) => e.creditCode);

async function exportedTitles(api: Api, query: string): Promise<unknown[]> {
  const res = await fetch(`${API_URL}/api/problems/export.xlsx?${query}`, {
    headers: { authorization: `Bearer ${api.token}` },
  });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
  const sheet = wb.worksheets[0];
  const titleColumn = (sheet.getRow(1).values as unknown[]).indexOf('问题');
  const titles: unknown[] = [];
  sheet.eachRow((row, i) => i > 1 && titles.push(row.getCell(titleColumn).value));
  return titles;
}

describe('the ledger’s cluster filter', () => {
  it('lists one cluster’s problems', async () => {
    const ofA = await problems(coordinator.api, `cluster=${A}`);
    expect(ofA.items.map((p) => p.creditCode)).toEqual([seeds.a.code]);
    expect(ofA.total).toBe(1);
    const ofB = await problems(coordinator.api, `cluster=${B}`);
    expect(ofB.items.map((p) => p.creditCode)).toEqual([seeds.b.code]);
    expect(await exportedTitles(coordinator.api, `cluster=${B}`)).toEqual(['集群乙的问题']);
  });

  it('gives an officer of cluster A nothing of cluster B, in the list and its export', async () => {
    expect(await problems(officerA.api, `cluster=${B}`)).toMatchObject({ total: 0, items: [] });
    expect(await exportedTitles(officerA.api, `cluster=${B}`)).toEqual([]);
    expect((await problems(officerA.api, `cluster=${A}`)).items.map((p) => p.creditCode)).toEqual([
      seeds.a.code,
    ]);
  });
});

describe('the dashboard’s cluster filter', () => {
  it('narrows every figure to the cluster, with the city’s beside them', async () => {
    const k = await kpi(coordinator.api, A);
    expect(k.cluster).toBe(A);
    expect(members(k)).toEqual([seeds.a.code]);
    expect(k.poolSize).toBe(1);
    expect(k.problems.total).toBe(1);
    expect(k.overdueTasks.items.map((t: { creditCode: string }) => t.creditCode)).toEqual([seeds.a.code]);
    expect(k.overdueTasks.total).toBe(1);
    expect(k.stages.find((s: { key: string }) => s.key === 'supporting').n).toBe(1);
    expect(k.city).not.toBeNull();
    expect(k.city.poolSize).toBeGreaterThanOrEqual(2);
  });

  it('gives an officer of cluster A no figure of cluster B', async () => {
    const k = await kpi(officerA.api, B);
    expect(members(k)).toEqual([]);
    expect([k.poolSize, k.problems.total, k.overdueTasks.total]).toEqual([0, 0, 0]);
    expect(k.stages.every((s: { n: number }) => s.n === 0)).toBe(true);
  });
});

/** The meeting pack's document.xml, a paragraph a line and the tags gone, and its file names. */
async function briefing(api: Api, query: string) {
  const res = await fetch(`${API_URL}/api/reports/dispatch-briefing.docx?${query}`, {
    headers: { authorization: `Bearer ${api.token}` },
  });
  expect(res.status).toBe(200);
  const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
  const xml = await zip.file('word/document.xml')!.async('string');
  return {
    text: xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, ''),
    disposition: decodeURIComponent(res.headers.get('content-disposition') ?? ''),
  };
}

describe('the dispatch briefing’s cluster (调度会材料 beside the dashboard’s select)', () => {
  it('holds only the cluster’s enterprises, and says the cluster in its title and file name', async () => {
    const ofB = await briefing(coordinator.api, `cluster=${B}`);
    expect(ofB.text).toContain('集群乙');
    expect(ofB.text).not.toContain('集群甲');
    expect(ofB.text).toContain(`季度调度会材料（测试集群${B}·${B}）`);
    expect(ofB.disposition).toContain(`调度会材料（测试集群${B}·${B}）-`);
    expect(ofB.disposition).toContain(`dispatch-briefing-`);
    // The whole scope still holds both, under the title without a cluster.
    const all = await briefing(coordinator.api, '');
    expect(all.text).toContain('集群甲');
    expect(all.text).toContain('集群乙');
    expect(all.text).not.toContain('季度调度会材料（');
  });
});

/** A list asked for a filter value no reference has: 400 naming that field. */
async function expectRefusedFilter(path: string, field: 'cluster' | 'district', value: string) {
  const r = await coordinator.api.get(`${path}?${field}=${value}`);
  expect([path, r.status, r.body?.code, r.body?.details?.map((d: { field: string }) => d.field)]).toEqual([
    path,
    400,
    'VALIDATION_FAILED',
    [field],
  ]);
}

/** Every list that takes `?cluster=`. */
const CLUSTER_LISTS = [
  '/api/enterprises',
  '/api/enterprises/export.xlsx',
  '/api/tasks',
  '/api/problems',
  '/api/problems/export.xlsx',
  '/api/reports/kpi',
  '/api/reports/kpi.xlsx',
  '/api/reports/dispatch-briefing.docx',
];

describe('an unknown cluster code', () => {
  it('is a 400 naming the field cluster on every list that takes one', async () => {
    for (const path of CLUSTER_LISTS) await expectRefusedFilter(path, 'cluster', 'NOSUCH9');
  });

  it('is told from a retired cluster, which still filters', async () => {
    await db().query(`UPDATE clusters SET active = false WHERE code = $1`, [B]);
    for (const path of CLUSTER_LISTS)
      expect([path, (await coordinator.api.get(`${path}?cluster=${B}`)).status]).toEqual([path, 200]);
    expect((await problems(coordinator.api, `cluster=${B}`)).items.map((p) => p.creditCode)).toEqual([
      seeds.b.code,
    ]);
    const tasks = await expectOk(coordinator.api.get(`/api/tasks?cluster=${B}&view=all`));
    expect(tasks.items.map((t: { creditCode: string }) => t.creditCode)).toEqual([seeds.b.code]);
  });
});

describe('an unknown district code', () => {
  // The lists that filter by district: the cluster's but the reports, which take no district.
  const lists = CLUSTER_LISTS.filter((path) => !path.startsWith('/api/reports/'));

  it('is a 400 naming the field district on every list that takes one, as an unknown cluster is', async () => {
    for (const path of lists) {
      await expectRefusedFilter(path, 'district', '509999');
      // A district of the reference, the three zones too, still filters.
      for (const known of ['500112', 'LJXQ'])
        expect([path, known, (await coordinator.api.get(`${path}?district=${known}`)).status]).toEqual([
          path,
          known,
          200,
        ]);
    }
  });
});
