/**
 * The stage enterprise `e` was at when day `day` ended in Shanghai (an SQL expression: a parameter
 * such as `:stageOn` or a column), read from stage_history: the stage of its last transition
 * before midnight, across lifecycles. NULL when it had none yet (nominated later), or when its
 * transitions predate the history (migration 1765730000000 says which).
 */
export function stageOnSql(e: string, day: string): string {
  return `(SELECT h.stage FROM stage_history h
    WHERE h.credit_code = ${e}.credit_code
      AND h.at < ((${day}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
    ORDER BY h.lifecycle_no DESC, h.seq DESC LIMIT 1)`;
}
