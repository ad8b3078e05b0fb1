import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why a lifecycle ended is the enterprise's to read or not by the step that ended it (a screening's
 * 不予入库 reason yes, the district's opposing opinion no: libs/domain/src/visibility/closing.ts).
 * The lifecycles table kept only the final stage, so `lifecycles[].reason` hid every rejection's
 * reason while `closing.reason` showed those the enterprise is owed. `outcome` keeps the statechart
 * event that ended the lifecycle (e.g. `SCREEN.reject`), as `closing.outcome` does.
 *
 * The backfill takes it from the enterprise's closing for its current lifecycle, else from the last
 * completed step of the lifecycle whose outcome ends one (workflows/lifecycle/machine.ts, `close`).
 * A lifecycle found in neither keeps NULL, and the rule falls back to the stage (rejected: hidden).
 */
export class LifecycleEndOutcome1765962000000 implements MigrationInterface {
  name = 'LifecycleEndOutcome1765962000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lifecycles ADD COLUMN outcome varchar(64)`);
    await q.query(`
      UPDATE lifecycles l
         SET outcome = COALESCE(
           (SELECT e.closing ->> 'outcome' FROM enterprises e
             WHERE e.credit_code = l.credit_code AND e.lifecycle_no = l.lifecycle_no),
           (SELECT t.type || '.' || t.outcome FROM tasks t
             WHERE t.credit_code = l.credit_code AND t.lifecycle_no = l.lifecycle_no AND t.status = 'done'
               AND (t.type, t.outcome) IN (('SCREEN', 'reject'), ('DISTRICT_FEEDBACK', 'oppose'),
                 ('ENTERPRISE_CONFIRM', 'decline'), ('ADMIT', 'reject'),
                 ('GRADUATION_REVIEW', 'graduate'), ('GRADUATION_REVIEW', 'exit'))
             ORDER BY t.completed_at DESC LIMIT 1))
       WHERE l.final_stage IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lifecycles DROP COLUMN outcome`);
  }
}
