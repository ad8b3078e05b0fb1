import type { ProjectionWriter } from './writer';

/**
 * The stage a lifecycle entered and when (the workflow's time of the transition): what the
 * dashboard's stage breakdown of a past day reads (stageOnSql). A row only where the stage differs
 * from the transition before, so a retry writes nothing. A transition projected again under its
 * number with another stage (the read-model repair, docs/design.md) replaces the row it left, and
 * one that no longer changes the stage removes it. One statement: every transition runs it.
 */
export const writeStageHistory: ProjectionWriter = async (sql, delta) => {
  await sql.query(
    `WITH before AS (
       SELECT (SELECT h.stage FROM stage_history h
               WHERE h.credit_code = $1::varchar AND h.lifecycle_no = $2::int AND h.seq < $3::int
               ORDER BY h.seq DESC LIMIT 1) AS stage
     ), unchanged AS (
       DELETE FROM stage_history
       WHERE credit_code = $1::varchar AND lifecycle_no = $2::int AND seq = $3::int
         AND (SELECT stage FROM before) IS NOT DISTINCT FROM $4::varchar
     )
     INSERT INTO stage_history (credit_code, lifecycle_no, seq, stage, at)
     SELECT $1::varchar, $2::int, $3::int, $4::varchar, $5::timestamptz FROM before
     WHERE before.stage IS DISTINCT FROM $4::varchar
     ON CONFLICT (credit_code, lifecycle_no, seq) DO UPDATE SET stage = EXCLUDED.stage, at = EXCLUDED.at
     WHERE (stage_history.stage, stage_history.at) IS DISTINCT FROM (EXCLUDED.stage, EXCLUDED.at)`,
    [delta.creditCode, delta.lifecycleNo, delta.seq, delta.stage, delta.at],
  );
};
