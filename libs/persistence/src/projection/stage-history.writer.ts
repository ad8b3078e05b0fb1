import type { ProjectionWriter } from './writer';

/** The stage the transition before left (none before the lifecycle's first). */
const STAGE_BEFORE = `(SELECT h.stage FROM stage_history h
   WHERE h.credit_code = $1::varchar AND h.lifecycle_no = $2::int AND h.seq < $3::int
   ORDER BY h.seq DESC LIMIT 1)`;

/**
 * The stage a lifecycle entered and when (the workflow's time of the transition): what the
 * dashboard's stage breakdown of a past day reads (stageOnSql). A row only where the stage differs
 * from the transition before, so a retry writes nothing. A transition projected again under its
 * number with another stage (the read-model repair, docs/design.md) replaces the row it left, and
 * one that no longer changes the stage removes it. Every transition runs it: two statements that
 * exclude each other (the stage before is this one's, or it is not), sent in one round trip with
 * the other writers' (statements.ts).
 */
export const writeStageHistory: ProjectionWriter = (delta) => {
  const params = [delta.creditCode, delta.lifecycleNo, delta.seq, delta.stage, delta.at];
  const row = `stage_history:${delta.creditCode}:${delta.lifecycleNo}:${delta.seq}`;
  return [
    {
      sql: `DELETE FROM stage_history
       WHERE credit_code = $1::varchar AND lifecycle_no = $2::int AND seq = $3::int
         AND ${STAGE_BEFORE} IS NOT DISTINCT FROM $4::varchar`,
      params: params.slice(0, 4),
      // Only where the INSERT below writes nothing: the two never write the row both.
      rows: [`${row}:unchanged`],
    },
    {
      sql: `INSERT INTO stage_history (credit_code, lifecycle_no, seq, stage, at)
       SELECT $1::varchar, $2::int, $3::int, $4::varchar, $5::timestamptz
       WHERE ${STAGE_BEFORE} IS DISTINCT FROM $4::varchar
       ON CONFLICT (credit_code, lifecycle_no, seq) DO UPDATE SET stage = EXCLUDED.stage, at = EXCLUDED.at
       WHERE (stage_history.stage, stage_history.at) IS DISTINCT FROM (EXCLUDED.stage, EXCLUDED.at)`,
      params,
      rows: [row],
    },
  ];
};
