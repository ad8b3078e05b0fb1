import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 审批单编号 start again each year, as official document numbers do: 渝硬科审〔2026〕128号 is the
 * 128th task opened in 2026 (Beijing time), 渝硬科审〔2027〕1号 the first of 2027. A task keeps the
 * year it was numbered in (tasks.sheet_year), so moving its created_at (the demo's backdating)
 * never changes its number; (sheet_year, sheet_no) is unique.
 *
 * Numbered by a trigger when a task is inserted, however it is (the projection, the read-model
 * repair): one counter row per year (task_sheet_counters), incremented with RETURNING in the
 * transaction that inserts the task. The row stays locked until that transaction ends, so two
 * projections opening tasks at once take the next numbers one after the other, and a transaction
 * rolled back takes its increment back with it (no gap). A task already there (a projection
 * retried) keeps its number and takes none; one the lock waited for (the same task inserted at the
 * same moment by another transaction, now committed) gives back the number it took.
 *
 * The tasks before it are numbered again per year in the order they opened (created_at, then the
 * serial they had). down() goes back to the one serial across years (tasks_sheet_no_seq).
 */
export class TaskSheetNoPerYear1766140000000 implements MigrationInterface {
  name = 'TaskSheetNoPerYear1766140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN IF NOT EXISTS sheet_year smallint`);
    await q.query(`DROP INDEX IF EXISTS tasks_sheet_no`);
    await q.query(`ALTER TABLE tasks ALTER COLUMN sheet_no DROP DEFAULT`);
    await q.query(`DROP SEQUENCE IF EXISTS tasks_sheet_no_seq`);
    await q.query(`
      UPDATE tasks t SET sheet_year = o.year, sheet_no = o.no
        FROM (SELECT id, year, row_number() OVER (PARTITION BY year ORDER BY created_at, sheet_no) AS no
                FROM (SELECT id, created_at, sheet_no,
                             extract(year FROM created_at AT TIME ZONE 'Asia/Shanghai')::smallint AS year
                        FROM tasks) y) o
       WHERE t.id = o.id`);
    await q.query(`ALTER TABLE tasks ALTER COLUMN sheet_year SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX tasks_sheet_no ON tasks (sheet_year, sheet_no)`);
    await q.query(`
      CREATE TABLE task_sheet_counters (year smallint PRIMARY KEY, last_no bigint NOT NULL)`);
    await q.query(`
      INSERT INTO task_sheet_counters (year, last_no)
      SELECT sheet_year, max(sheet_no) FROM tasks GROUP BY sheet_year`);
    await q.query(`
      CREATE FUNCTION task_sheet_no() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        y smallint := extract(year FROM NEW.created_at AT TIME ZONE 'Asia/Shanghai');
        n bigint;
      BEGIN
        SELECT sheet_year, sheet_no INTO NEW.sheet_year, NEW.sheet_no FROM tasks WHERE id = NEW.id;
        IF FOUND THEN RETURN NEW; END IF;
        INSERT INTO task_sheet_counters AS c (year, last_no) VALUES (y, 1)
          ON CONFLICT (year) DO UPDATE SET last_no = c.last_no + 1
          RETURNING last_no INTO n;
        -- Read committed: this reads what the transaction the lock waited for committed.
        SELECT sheet_year, sheet_no INTO NEW.sheet_year, NEW.sheet_no FROM tasks WHERE id = NEW.id;
        IF FOUND THEN
          UPDATE task_sheet_counters SET last_no = last_no - 1 WHERE year = y;
          RETURN NEW;
        END IF;
        NEW.sheet_year := y;
        NEW.sheet_no := n;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tasks_sheet_no BEFORE INSERT ON tasks FOR EACH ROW EXECUTE FUNCTION task_sheet_no()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS tasks_sheet_no ON tasks`);
    await q.query(`DROP FUNCTION IF EXISTS task_sheet_no()`);
    await q.query(`DROP TABLE IF EXISTS task_sheet_counters`);
    await q.query(`DROP INDEX IF EXISTS tasks_sheet_no`);
    await q.query(`
      UPDATE tasks t SET sheet_no = o.no
        FROM (SELECT id, row_number() OVER (ORDER BY created_at, sheet_year, sheet_no) AS no FROM tasks) o
       WHERE t.id = o.id`);
    await q.query(`ALTER TABLE tasks DROP COLUMN IF EXISTS sheet_year`);
    await q.query(`CREATE SEQUENCE IF NOT EXISTS tasks_sheet_no_seq OWNED BY tasks.sheet_no`);
    await q.query(`
      SELECT setval('tasks_sheet_no_seq', COALESCE(max(sheet_no), 1), max(sheet_no) IS NOT NULL) FROM tasks`);
    await q.query(`ALTER TABLE tasks ALTER COLUMN sheet_no SET DEFAULT nextval('tasks_sheet_no_seq')`);
    await q.query(`CREATE UNIQUE INDEX IF NOT EXISTS tasks_sheet_no ON tasks (sheet_no)`);
  }
}
