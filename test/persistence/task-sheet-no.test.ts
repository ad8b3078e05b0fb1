import { randomUUID } from 'node:crypto';
import { scratchDatabase } from '../support/scratch-database';

// 审批单编号 on an installation upgraded with tasks in it: the migration numbers them in the order
// they opened, and a task inserted after it (as the projection does, naming no number) gets the next
// serial; a projection retried on the same id keeps the number. On a scratch database of its own,
// made and dropped by the owner (MIGRATION_DATABASE_URL).
jest.setTimeout(60_000);

const { before: upTo, migrated } = scratchDatabase('task_sheet_no');
type Db = Awaited<ReturnType<typeof migrated>>;

/** A task row as the projection inserts it (tasks.writer), opened at `createdAt`. */
const insertTask = (ds: Db, id: string, createdAt: string) =>
  ds.query(
    `INSERT INTO tasks (id, workflow_id, credit_code, lifecycle_no, type, stage, state_key, candidate_groups,
       status, enterprise_name, district, cluster, policy_version, created_at, due_at, department)
     VALUES ($1::uuid, 'lifecycle-91500000000000000X', '91500000000000000X', 1, 'SCREEN', 'screening', $1::text,
       '{city_coordinator}', 'open', '重庆示例科技有限公司', '500112', 'T2', 1, $2, $2, 'tech')
     ON CONFLICT (id) DO NOTHING`,
    [id, createdAt],
  );

it('numbers the tasks before it by when they opened, and each task after it once', async () => {
  const before = await migrated(upTo('TaskSheetNo1766138000000'));
  const [late, early, middle] = [randomUUID(), randomUUID(), randomUUID()];
  await insertTask(before, late, '2026-11-03T02:00:00Z');
  await insertTask(before, early, '2026-11-01T02:00:00Z');
  await insertTask(before, middle, '2026-11-02T02:00:00Z');
  await before.destroy();

  const ds = await migrated();
  try {
    const numbers = async () =>
      Object.fromEntries(
        (await ds.query(`SELECT id, sheet_no FROM tasks`)).map((r: { id: string; sheet_no: string }) => [
          r.id,
          Number(r.sheet_no),
        ]),
      );
    expect(await numbers()).toEqual({ [early]: 1, [middle]: 2, [late]: 3 });
    const next = randomUUID();
    await insertTask(ds, next, '2026-12-07T02:00:00Z');
    await insertTask(ds, next, '2026-12-07T02:00:00Z'); // the projection retried
    await insertTask(ds, randomUUID(), '2026-12-07T03:00:00Z');
    const after = await numbers();
    expect(after[next]).toBe(4);
    expect(Object.values(after).sort()).toEqual([1, 2, 3, 4, expect.any(Number)]);
    expect(new Set(Object.values(after)).size).toBe(5);
  } finally {
    await ds.destroy();
  }
});
