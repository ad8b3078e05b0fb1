import { shanghaiDate } from '@hardtech/domain';
import { createUser, freshCreditCode, Member } from '../support/cast';
import { closeDb, db } from '../support/db';
import { expectOk } from '../support/lifecycle';
import * as seed from '../support/read-model-seed';

// 中小企业处 and 产业金融处 read the ledger items their department owns (docs/design.md 2.4). An
// enterprise with problems of both is open to both, but a task about one department's problem (a
// whistle's 部门报到) is not the other's: not in its inbox's 全部 list, its page, nor the overdue
// counts. The demo walk found the SME officer's 全部 listing 产业金融处's open whistle. Seeded into
// the read model under a cluster of its own, overdue so that the counts count it.
const OVERDUE = '2020-01-01T10:00:00Z';
const year = Number(shanghaiDate(new Date()).slice(0, 4));

let cluster: string;
let seeds: Record<'both', seed.SeededEnterprise>;
let sme: Member;
let finance: Member;
const whistles = { sme: '', finance: '' };
// A 加签 asked on each whistle (no problem_id of its own: it follows the task it was asked on).
const countersigns = { sme: '', finance: '' };

beforeAll(async () => {
  cluster = await seed.seedCluster();
  const both: seed.SeededEnterprise = {
    code: freshCreditCode(),
    name: '两处问题企业',
    district: '500241',
    cluster,
    stage: 'supporting',
    baseline: 10_000_000,
    startedAt: '2024-01-02T10:00:00+08:00',
    membership: { from: '2024-03-01' },
  };
  seeds = { both };
  await seed.seedEnterprise(both);
  for (const department of ['sme', 'finance'] as const) {
    const problemId = await seed.seedProblem(both, `${department}的问题`, '2099-12-31', 'open', department);
    whistles[department] = await seed.seedTask(
      both,
      'WHISTLE_RESPONSE',
      [`department:${department}`],
      OVERDUE,
    );
    await db().query(`UPDATE tasks SET problem_id = $1 WHERE id = $2`, [problemId, whistles[department]]);
    countersigns[department] = await seed.seedTask(
      both,
      'COUNTERSIGN',
      ['user:countersign-colleague'],
      OVERDUE,
    );
    await db().query(`UPDATE tasks SET parent_task_id = $1 WHERE id = $2`, [
      whistles[department],
      countersigns[department],
    ]);
  }
  sme = await createUser('sme_officer', { department: 'sme' });
  finance = await createUser('finance_officer', { department: 'finance' });
});

afterAll(async () => {
  await seed.removeSeeds(seeds, cluster);
  await closeDb();
});

it("lists, opens and counts only the whistles on the department's own problems, and the 加签 asked on them", async () => {
  for (const [officer, own, other] of [
    [sme, [whistles.sme, countersigns.sme], [whistles.finance, countersigns.finance]],
    [finance, [whistles.finance, countersigns.finance], [whistles.sme, countersigns.sme]],
  ] as const) {
    const ids = (page: { items: { id: string }[] }) => page.items.map((t) => t.id).sort();
    const all = await expectOk(
      officer.api.get(`/api/tasks?view=all&creditCode=${seeds.both.code}&pageSize=100`),
    );
    expect([all.total, ids(all)]).toEqual([2, [...own].sort()]);
    const overdue = await expectOk(officer.api.get(`/api/tasks?view=all&overdue=true&cluster=${cluster}`));
    expect(ids(overdue)).toEqual([...own].sort());
    for (const id of own) await expectOk(officer.api.get(`/api/tasks/${id}`));
    for (const id of other) expect((await officer.api.get(`/api/tasks/${id}`)).status).toBe(404);
    const kpi = await expectOk(officer.api.get(`/api/reports/kpi?year=${year}&cluster=${cluster}`));
    expect(kpi.overdueTasks.total).toBe(2);
    // The enterprise itself stays theirs: they own a problem in its current ledger.
    await expectOk(officer.api.get(`/api/enterprises/${seeds.both.code}`));
  }
});
