import { shanghaiDate } from '@hardtech/domain';
import { createUser, freshCreditCode, Member } from '../support/cast';
import { closeDb } from '../support/db';
import { expectOk } from '../support/lifecycle';
import {
  removeSeeds,
  seedCluster,
  SeededEnterprise,
  seedEnterprise,
  seedProblem,
  seedTask,
} from '../support/read-model-seed';

// An enterprise that graduated or exited cannot act, and its problems are read-only (409
// LIFECYCLE_ENDED): its open tasks and unresolved problems are overdue for nobody. They leave the
// overdue counts (summary, dashboard) and the overdue lists (the inbox's 催办 list, the ledger's
// filter), and stay in the ledger with their state. Seeded into the read model under a cluster of
// its own and a district no other test uses.
const D = '500235';
const OVERDUE = '2020-01-01T10:00:00Z';
const year = Number(shanghaiDate(new Date()).slice(0, 4));

let cluster: string;
let officer: Member;
let seeds: Record<'running' | 'graduated' | 'exited', SeededEnterprise>;

beforeAll(async () => {
  cluster = await seedCluster();
  const base = {
    district: D,
    baseline: 10_000_000,
    startedAt: '2024-01-02T10:00:00+08:00',
    membership: { from: '2024-03-01' },
  };
  const ended = (stage: string) => ({ at: '2026-06-01T10:00:00+08:00', stage, reason: null });
  seeds = {
    running: { ...base, cluster, code: freshCreditCode(), name: '在库链', stage: 'supporting' },
    graduated: {
      ...base,
      cluster,
      code: freshCreditCode(),
      name: '毕业链',
      stage: 'graduated',
      ended: ended('graduated'),
    },
    exited: {
      ...base,
      cluster,
      code: freshCreditCode(),
      name: '移出链',
      stage: 'exited',
      ended: ended('exited'),
    },
  };
  for (const s of Object.values(seeds)) {
    await seedEnterprise(s);
    await seedTask(s, 'QUARTERLY_REPORT', [`enterprise_user:enterprise:${s.code}`], OVERDUE);
    await seedProblem(s, `${s.name}的问题`, '2020-01-01');
  }
  officer = await createUser('industry_officer', { clusters: [cluster] });
});

afterAll(async () => {
  await removeSeeds(seeds, cluster);
  await closeDb();
});

const codesOf = (items: { creditCode: string }[]) => items.map((i) => i.creditCode).sort();

it('counts and lists as overdue only the work of running lifecycles', async () => {
  const summary = await expectOk(officer.api.get('/api/tasks/overdue/summary'));
  expect(summary.total).toBe(1);
  const kpi = await expectOk(officer.api.get(`/api/reports/kpi?year=${year}`));
  expect(kpi.overdueTasks.total).toBe(1);
  expect(codesOf(kpi.overdueTasks.items)).toEqual([seeds.running.code]);
  expect(kpi.problems.overdue).toBe(1);
  // The ledger still holds all three, unresolved, as they are; only the running one is 待化解.
  expect(kpi.problems.byStatus).toEqual([
    { key: 'ended', label: { zh: '帮扶已结束', en: 'Support ended' }, n: 2 },
    expect.objectContaining({ key: 'open', n: 1 }),
  ]);
  expect(kpi.problems.byOwner).toEqual([expect.objectContaining({ key: 'industry', n: 3, overdue: 1 })]);

  // The inbox's overdue list (where 催办 is offered) is the tasks the counts count.
  const inbox = await expectOk(officer.api.get('/api/tasks?view=all&overdue=true&pageSize=100'));
  expect([inbox.total, codesOf(inbox.items)]).toEqual([1, [seeds.running.code]]);

  // The ledger's overdue filter leaves them out; unfiltered, they are read with their stage.
  const overdue = await expectOk(officer.api.get('/api/problems?overdue=true&pageSize=100'));
  expect([overdue.total, codesOf(overdue.items)]).toEqual([1, [seeds.running.code]]);
  const ledger = await expectOk(officer.api.get('/api/problems?pageSize=100'));
  expect(ledger.items.map((p: any) => [p.creditCode, p.status, p.enterpriseStage]).sort()).toEqual(
    [
      [seeds.running.code, 'open', 'supporting'],
      [seeds.graduated.code, 'open', 'graduated'],
      [seeds.exited.code, 'open', 'exited'],
    ].sort(),
  );
});

it('counts by status as the ledger filters: an ended lifecycle’s unresolved problems are not 待化解', async () => {
  const kpi = await expectOk(officer.api.get(`/api/reports/kpi?year=${year}`));
  // Each slice of 问题台账·按状态 opens the rows it counts (dashboard links.ts: /problems?status=).
  for (const { key, n } of kpi.problems.byStatus) {
    const listed = await expectOk(officer.api.get(`/api/problems?status=${key}&pageSize=100`));
    expect([key, listed.total]).toEqual([key, n]);
  }
  const open = await expectOk(officer.api.get('/api/problems?status=open&pageSize=100'));
  expect(codesOf(open.items)).toEqual([seeds.running.code]);
  const ended = await expectOk(officer.api.get('/api/problems?status=ended&pageSize=100'));
  expect(codesOf(ended.items)).toEqual([seeds.graduated.code, seeds.exited.code].sort());
  // They stay unresolved, as they were left, and are worked by nobody.
  expect(ended.items.map((p: any) => [p.status, p.workKinds])).toEqual([
    ['open', []],
    ['open', []],
  ]);
  expect((await officer.api.get('/api/problems?status=finished')).status).toBe(400);
});
