import { districtText, taskDepartment, TaskType } from '@hardtech/domain';
import { TaskDepartmentRecorded1765980000000 } from '@hardtech/persistence/migrations/1765980000000-TaskDepartmentRecorded';
import { createUser, freshCreditCode, Member } from '../support/cast';
import { closeDb, db, openOwnerDataSource, runMigrationUp } from '../support/db';
import { expectOk } from '../support/lifecycle';
import {
  removeSeeds,
  seedCluster,
  SeededEnterprise,
  seedEnterprise,
  seedTask,
} from '../support/read-model-seed';

// Tasks opened before 1764060000000 had no department: the overdue summary counted them as 科技处
// (`?? 'tech'`), the dashboard as 未知. The migration records each by the projection's rule
// (taskDepartment), a blank district from the enterprise's, and makes the column NOT NULL; the
// summary and the dashboard then count the same tasks under the same departments.
/** A district no other test seeds into. */
const D = '500229';
const OVERDUE = '2020-01-01T10:00:00Z';
const run = () => runMigrationUp(new TaskDepartmentRecorded1765980000000());

let cluster: string;
let seeds: Record<'a', SeededEnterprise>;
let officer: Member;
const tasks: { id: string; type: TaskType; groups: string[] }[] = [];

beforeAll(async () => {
  cluster = await seedCluster();
  const code = freshCreditCode();
  seeds = {
    a: {
      code,
      name: '部门链',
      district: D,
      cluster,
      stage: 'supporting',
      baseline: 10_000_000,
      startedAt: '2025-01-02T10:00:00+08:00',
      membership: { from: '2025-03-01' },
    },
  };
  await seedEnterprise(seeds.a);
  officer = await createUser('industry_officer', { clusters: [cluster] });
  for (const [type, groups] of [
    ['DIAGNOSE', ['user:seed-commissioner']],
    ['QUARTERLY_REPORT', [`enterprise_user:enterprise:${code}`]],
    ['DISTRICT_FEEDBACK', [`district_officer:district:${D}`]],
    ['QUARTERLY_REVIEW', [`industry_officer:cluster:${cluster}`]],
    ['WHISTLE_RESPONSE', ['department:finance']],
  ] as [TaskType, string[]][]) {
    tasks.push({ id: await seedTask(seeds.a, type, groups, OVERDUE), type, groups });
  }
});

afterAll(async () => {
  // Whatever happened, the column is as the migrations leave it.
  await run().catch(() => undefined);
  await removeSeeds(seeds, cluster);
  await closeDb();
});

/** The rows as a read model from before the column left them: no department (and one blank district). */
async function forgetDepartments(): Promise<void> {
  const owner = await openOwnerDataSource();
  try {
    await owner.query(`ALTER TABLE tasks ALTER COLUMN department DROP NOT NULL`);
  } finally {
    await owner.destroy();
  }
  const ids = tasks.map((t) => t.id);
  await db().query(`UPDATE tasks SET department = NULL WHERE id = ANY($1)`, [ids]);
  await db().query(`UPDATE tasks SET district = '' WHERE id = $1`, [ids[0]]);
}

const recorded = async () =>
  (
    await db().query(`SELECT id, department, district FROM tasks WHERE id = ANY($1) ORDER BY id`, [
      tasks.map((t) => t.id),
    ])
  ).rows;

it('records every task’s department by taskDepartment, and the column takes no task without one', async () => {
  await forgetDepartments();
  expect((await recorded()).every((r: any) => r.department === null)).toBe(true);

  await run();
  const expected = tasks
    .map((t) => ({ id: t.id, department: taskDepartment(t.type, t.groups), district: D }))
    .sort((a, b) => a.id.localeCompare(b.id));
  expect(await recorded()).toEqual(expected);
  expect(expected.map((e) => e.department).sort()).toEqual([
    'commissioner',
    'district',
    'enterprise',
    'finance',
    'industry',
  ]);
  const nullable = await db().query(
    `SELECT is_nullable FROM information_schema.columns WHERE table_name = 'tasks' AND column_name = 'department'`,
  );
  expect(nullable.rows).toEqual([{ is_nullable: 'NO' }]);
  await expect(
    db().query(`UPDATE tasks SET department = NULL WHERE id = $1`, [tasks[0].id]),
  ).rejects.toMatchObject({ code: '23502' });

  // Run again, it changes nothing.
  await run();
  expect(await recorded()).toEqual(expected);
});

it('counts the same tasks under the same departments in the overdue summary and on the dashboard', async () => {
  const summary = await expectOk(officer.api.get('/api/tasks/overdue/summary'));
  const year = new Date().getFullYear();
  const dashboard = (await expectOk(officer.api.get(`/api/reports/kpi?year=${year}`))).overdueTasks;
  expect(summary.total).toBe(tasks.length);
  expect(dashboard.total).toBe(summary.total);
  const bySummary = summary.byDepartment.map((b: any) => [b.department, b.label, b.count]);
  expect(dashboard.byDepartment.map((b: any) => [b.key, b.label, b.n])).toEqual(bySummary);
  expect(bySummary.map(([key]: [string]) => key).sort()).toEqual([
    'commissioner',
    'district',
    'enterprise',
    'finance',
    'industry',
  ]);
  expect(summary.byDistrict).toEqual([{ district: D, label: districtText(D), count: 5 }]);
  expect(dashboard.byDistrict.map((b: any) => [b.key, b.n])).toEqual([[D, 5]]);
  // Each row of the dashboard's list names its department.
  expect(dashboard.items.every((i: any) => i.department && i.departmentLabel?.zh)).toBe(true);
});
