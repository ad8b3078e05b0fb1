import type { ProjectionDelta } from '@hardtech/temporal/lifecycle.contract';
import type { SqlRunner } from '../repositories/audit.repository';

/**
 * Writes one table's part of a transition, inside the transition's transaction. It writes only
 * what the delta says changed (its opened, closed and assigned tasks, `delta.changes`), and every
 * statement is idempotent: a retried projection (the activity ran, its answer was lost) writes
 * nothing new. Add a table by adding its writer to PROJECTION_WRITERS (./writers.ts).
 */
export type ProjectionWriter = (sql: SqlRunner, delta: ProjectionDelta) => Promise<void>;
