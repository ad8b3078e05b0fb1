import type { SqlRunner } from '../repositories/audit.repository';

/**
 * One data-modifying statement a writer asks for: an INSERT, UPDATE or DELETE with its own
 * placeholders ($1…$n) and no RETURNING, and the rows it may write, as `table:key`.
 */
export interface WriterStatement {
  sql: string;
  params: unknown[];
  /**
   * The rows it may write (or, for a statement that writes rows by a condition, a name for them).
   * One statement cannot see the rows another part of it writes, nor update a row twice, so a
   * statement on a row an earlier one names goes in the next round trip: it sees that one's write.
   */
  rows: readonly string[];
}

/** A statement to send: the writers' statements of one round trip. */
export interface RoundTrip {
  sql: string;
  params: unknown[];
}

/** `sql` with its placeholders moved past the `offset` parameters of the statements before it. */
const shifted = (sql: string, offset: number) => sql.replace(/\$(\d+)/g, (_, n) => `$${Number(n) + offset}`);

/**
 * The writers' statements in as few round trips as they allow (issue 21: each round trip to
 * PostgreSQL costs the worker a socket write and a wait). Consecutive statements on different rows
 * become one statement of data-modifying CTEs, `WITH w1 AS (… RETURNING 1), w2 AS (…) SELECT 1 FROM
 * w1 UNION ALL SELECT 1 FROM w2`: one statement is atomic, its parts see the database as it was
 * before it, which is what each writer's statement reads (its own row, or — bindNominationEvidence —
 * a row a later writer adds); the result has a row per row written, so the statement counter's
 * rows written stay true. A statement on a row an earlier one in the trip names starts the next.
 */
export function roundTrips(statements: readonly WriterStatement[]): RoundTrip[] {
  const groups: WriterStatement[][] = [];
  let rows = new Set<string>();
  for (const s of statements) {
    if (!groups.length || s.rows.some((r) => rows.has(r))) {
      groups.push([]);
      rows = new Set();
    }
    groups[groups.length - 1].push(s);
    for (const r of s.rows) rows.add(r);
  }
  return groups.map((group) => {
    if (group.length === 1) return { sql: group[0].sql, params: group[0].params };
    const params: unknown[] = [];
    const parts = group.map((s, i) => {
      const part = `w${i + 1} AS (${shifted(s.sql, params.length)} RETURNING 1)`;
      params.push(...s.params);
      return part;
    });
    const select = group.map((_, i) => `SELECT 1 FROM w${i + 1}`).join(' UNION ALL ');
    return { sql: `WITH ${parts.join(',\n')}\n${select}`, params };
  });
}

/** Sends the writers' statements, in as few round trips as they allow (roundTrips). */
export async function runStatements(sql: SqlRunner, statements: readonly WriterStatement[]): Promise<void> {
  for (const trip of roundTrips(statements)) await sql.query(trip.sql, trip.params);
}
