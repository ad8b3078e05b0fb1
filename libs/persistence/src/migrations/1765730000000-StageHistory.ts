import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The stage each lifecycle entered, and when (issue 19.4): the dashboard's stage breakdown of a past
 * year counts the stages on its last day, not today's. One row per transition that changed the
 * stage, written by the projection from now on (stage-history.writer.ts).
 *
 * Earlier transitions are read back from the audit log, which has logged every transition with its
 * stage since migration 1764400000000 (`at` there is when it was projected, seconds after the
 * transition). A lifecycle whose transitions predate the audit log has no rows: it is counted on
 * no past day, and today by its current stage.
 */
export class StageHistory1765730000000 implements MigrationInterface {
  name = 'StageHistory1765730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stage_history (
        credit_code varchar(18) NOT NULL,
        lifecycle_no integer NOT NULL,
        seq integer NOT NULL,
        stage varchar(32) NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (credit_code, lifecycle_no, seq)
      )`);
    await q.query(`CREATE INDEX stage_history_at ON stage_history (at)`);
    // A transition logged twice (a lost workflow task, then the real one: dedup key ':2') counts
    // by its last version; a row is kept where the stage differs from the transition before it.
    await q.query(`
      INSERT INTO stage_history (credit_code, lifecycle_no, seq, stage, at)
      SELECT credit_code, lifecycle_no, seq, stage, at FROM (
        SELECT t.*, lag(t.stage) OVER (PARTITION BY t.credit_code, t.lifecycle_no ORDER BY t.seq) AS before
        FROM (
          SELECT DISTINCT ON (a.credit_code, (a.data->>'lifecycleNo')::int, (a.data->>'seq')::int)
            a.credit_code, (a.data->>'lifecycleNo')::int AS lifecycle_no, (a.data->>'seq')::int AS seq,
            a.data->>'stage' AS stage, a.at
          FROM audit_events a
          WHERE a.action = 'workflow.transition' AND a.credit_code IS NOT NULL
            AND a.data ? 'stage' AND a.data ? 'lifecycleNo' AND a.data ? 'seq'
          ORDER BY a.credit_code, (a.data->>'lifecycleNo')::int, (a.data->>'seq')::int, a.seq DESC
        ) t
      ) changed
      WHERE before IS DISTINCT FROM stage
      ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stage_history`);
  }
}
