import { randomUUID } from 'node:crypto';
import { scratchDatabase } from '../support/scratch-database';

// 审批单编号 on an installation upgraded with tasks in it: the migration numbers them in the order
// they opened, and a task inserted after it (as the projection does, naming no number) gets the next
// serial; a projection retried on the same id keeps the number. Since 1766140000000 the numbers start
// again each year (Beijing time), under concurrent opens too. On scratch databases of their own,
// made and dropped by the owner (MIGRATION_DATABASE_URL).
jest.setTimeout(60_000);

const { before: upTo, migrated } = scratchDatabase('task_sheet_no');
const perYear = scratchDatabase('task_sheet_year');
type Db = Awaited<ReturnType<typeof migrated>>;

/** A task row as the projection inserts it (tasks.writer), opened at `createdAt`. */
const insertTask = (
  ds: { query: (sql: string, params: unknown[]) => Promise<unknown> },
  id: string,
  createdAt: string,
) =>
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

/** Each task's 编号 as year/serial. */
const numbersOf = async (ds: Db): Promise<Record<string, string>> =>
  Object.fromEntries(
    (await ds.query(`SELECT id, sheet_year, sheet_no FROM tasks`)).map(
      (r: { id: string; sheet_year: number; sheet_no: string }) => [r.id, `${r.sheet_year}/${r.sheet_no}`],
    ),
  );

/** Until `n` sessions of this database wait on a lock (a transaction's task insert queued behind another's). */
async function waitingOnLocks(ds: Db, n: number) {
  for (let i = 0; i < 100; i++) {
    const [{ waiting }] = await ds.query(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (waiting >= n) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no insert waited on the lock');
}

type Opening = [ReturnType<Db['createQueryRunner']>, string, string];

/**
 * Two transactions each inserting a task (runner, id, opened at): the second begun before the first
 * commits, so its insert waits on the first's lock; both committed.
 */
async function atOnce(ds: Db, [a, first, firstAt]: Opening, [b, second, secondAt]: Opening) {
  await a.startTransaction();
  await b.startTransaction();
  await insertTask(a, first, firstAt);
  const queued = insertTask(b, second, secondAt);
  await waitingOnLocks(ds, 1);
  await a.commitTransaction();
  await queued;
  await b.commitTransaction();
}

describe('numbers starting again each year', () => {
  let ds: Db;
  afterAll(() => ds?.destroy());

  it('renumbers the tasks before it per year of opening (Beijing time), in the order they opened', async () => {
    const before = await perYear.migrated(perYear.before('TaskSheetNoPerYear1766140000000'));
    const [jan27, nov26, newYear27, eve26] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    // Inserted out of order: the serial across years they get here is not the order they opened.
    await insertTask(before, jan27, '2027-01-20T02:00:00Z');
    await insertTask(before, nov26, '2026-11-01T02:00:00Z');
    await insertTask(before, newYear27, '2026-12-31T17:00:00Z'); // 2027-01-01 01:00 in Beijing
    await insertTask(before, eve26, '2026-12-31T15:00:00Z'); // 2026-12-31 23:00 in Beijing
    await before.destroy();

    ds = await perYear.migrated();
    expect(await numbersOf(ds)).toEqual({
      [nov26]: '2026/1',
      [eve26]: '2026/2',
      [newYear27]: '2027/1',
      [jan27]: '2027/2',
    });
    // After it: each year goes on from its own last number; a new year starts at 1; a retried
    // projection keeps the number and takes none.
    const [feb27, late26, jan28] = [randomUUID(), randomUUID(), randomUUID()];
    await insertTask(ds, feb27, '2027-02-01T02:00:00Z');
    await insertTask(ds, feb27, '2027-02-01T02:00:00Z');
    await insertTask(ds, late26, '2026-12-30T02:00:00Z');
    await insertTask(ds, jan28, '2027-12-31T16:00:00Z'); // 2028-01-01 00:00 in Beijing
    expect(await numbersOf(ds)).toMatchObject({ [feb27]: '2027/3', [late26]: '2026/3', [jan28]: '2028/1' });
    await expect(
      ds.query(`UPDATE tasks SET sheet_no = 1 WHERE id = $1`, [late26]), // 2026/1 is another task's
    ).rejects.toThrow(/tasks_sheet_no/);
  });

  it('numbers tasks opened at once one after the other, takes back a rolled-back one, and keeps a retried one', async () => {
    const [a, b] = [ds.createQueryRunner(), ds.createQueryRunner()];
    try {
      // Two transactions opening 2027 tasks: the second waits for the first's number, then takes the next.
      const [first, second, dropped, again, after] = [1, 2, 3, 4, 5].map(() => randomUUID());
      await atOnce(ds, [a, first, '2027-03-01T02:00:00Z'], [b, second, '2027-03-01T02:00:01Z']);
      // Rolled back: its number is the next task's, no gap.
      await a.startTransaction();
      await insertTask(a, dropped, '2027-03-02T02:00:00Z');
      await a.rollbackTransaction();
      // The same task inserted by two projections at once: one number, and none lost.
      await atOnce(ds, [a, again, '2027-03-03T02:00:00Z'], [b, again, '2027-03-03T02:00:00Z']);
      await insertTask(ds, after, '2027-03-04T02:00:00Z');
      const numbers = await numbersOf(ds);
      expect([first, second, again, after].map((id) => numbers[id])).toEqual([
        '2027/4',
        '2027/5',
        '2027/6',
        '2027/7',
      ]);
      expect(numbers[dropped]).toBeUndefined();
    } finally {
      await Promise.all([a.release(), b.release()]);
    }
  });
});
