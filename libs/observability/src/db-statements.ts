import { AsyncLocalStorage } from 'node:async_hooks';
import { Counter, Histogram, Registry } from 'prom-client';

/** read: SELECT and the like; write: INSERT, UPDATE, DELETE; other: transaction control, LOCK, SET. */
export type StatementKind = 'read' | 'write' | 'other';

/** The statements one unit of work (a request, an activity) sent to PostgreSQL, and rows it wrote. */
export interface StatementTally {
  read: number;
  write: number;
  other: number;
  rowsWritten: number;
}

const KINDS: readonly StatementKind[] = ['read', 'write', 'other'];
const newTally = (): StatementTally => ({ read: 0, write: 0, other: 0, rowsWritten: 0 });

/** The whole process's statements since it started (what /metrics reports). */
const totals = newTally();
const scope = new AsyncLocalStorage<StatementTally>();

const WRITE = /^(insert|update|delete|merge|copy)\b/;
const READ = /^(select|show|values|table|explain)\b/;
// A WITH whose body changes rows (`WITH x AS (UPDATE …) SELECT …`) is a write.
const DATA_CHANGE = /\b(insert\s+into|update\s+\w+\s+set|delete\s+from)\b/;

/** The kind of a statement, from its text (also for one that failed, which was sent all the same). */
export function statementKind(sql: string): StatementKind {
  const text = sql.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)+/, '').toLowerCase();
  if (WRITE.test(text)) return 'write';
  if (text.startsWith('with')) return DATA_CHANGE.test(text) ? 'write' : 'read';
  return READ.test(text) ? 'read' : 'other';
}

/**
 * Counts one statement in the process's totals and in the unit of work it ran for (the request or
 * activity whose async context sent it). The database layer calls it after every statement.
 */
export function countStatement(sql: string, rowsWritten = 0): void {
  const kind = statementKind(sql);
  const rows = kind === 'write' ? rowsWritten : 0;
  for (const tally of [totals, scope.getStore()]) {
    if (!tally) continue;
    tally[kind] += 1;
    tally.rowsWritten += rows;
  }
}

/** Runs `fn` as one unit of work; `tally` collects the statements it sends, awaited parts too. */
export function countingStatements<T>(tally: StatementTally, fn: () => T): T {
  return scope.run(tally, fn);
}

export { newTally as newStatementTally };

/**
 * The process's statements on /metrics (hardtech_db_queries_total{service,kind}) and per unit of
 * work: per request by route template (API), per activity by type (worker). An operator sees which
 * route or activity reads what; the integration test (test/serial/db-statements.test.ts) divides
 * the sums by the counts to check a completion's and a transition's cost.
 */
export class DbStatementMetrics {
  private readonly perRequest: Histogram<'route' | 'kind'>;
  private readonly perActivity: Histogram<'activity' | 'kind'>;

  constructor(registry: Registry) {
    new Counter({
      name: 'hardtech_db_queries_total',
      help: 'SQL statements this process sent to PostgreSQL, by kind (read, write, other: transaction control)',
      labelNames: ['kind'],
      registers: [registry],
      collect() {
        this.reset();
        for (const kind of KINDS) this.inc({ kind }, totals[kind]);
      },
    });
    new Counter({
      name: 'hardtech_db_rows_written_total',
      help: 'Rows this process inserted, updated or deleted',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(totals.rowsWritten);
      },
    });
    const buckets = [0, 1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100];
    this.perRequest = new Histogram({
      name: 'hardtech_db_statements_per_request',
      help: 'SQL statements one HTTP request sent before it was answered, by route template and kind',
      labelNames: ['route', 'kind'],
      buckets,
      registers: [registry],
    });
    this.perActivity = new Histogram({
      name: 'hardtech_db_statements_per_activity',
      help: 'SQL statements one activity execution sent (kind rows_written: rows it wrote), by activity type',
      labelNames: ['activity', 'kind'],
      buckets,
      registers: [registry],
    });
  }

  observeRequest(route: string, tally: StatementTally): void {
    for (const kind of KINDS) this.perRequest.observe({ route, kind }, tally[kind]);
  }

  observeActivity(activity: string, tally: StatementTally): void {
    for (const kind of KINDS) this.perActivity.observe({ activity, kind }, tally[kind]);
    this.perActivity.observe({ activity, kind: 'rows_written' }, tally.rowsWritten);
  }
}
