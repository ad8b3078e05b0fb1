import type { ProjectionDelta } from '@hardtech/temporal/lifecycle.contract';
import type { AuditChainKey } from '../audit-chain/keyed-hash';
import type { SqlRunner } from '../repositories/audit.repository';

/** What writers need besides the delta: the audit chain's key (the audit event is hashed with it). */
export interface ProjectionContext {
  auditChain: AuditChainKey;
}

/**
 * Writes one table's part of a transition, inside the transition's transaction. It writes only
 * what the delta says changed (its opened, closed and assigned tasks, `delta.changes`), and every
 * statement is idempotent: a retried projection (the activity ran, its answer was lost) writes
 * nothing new. Add a table by adding its writer to PROJECTION_WRITERS (./writers.ts).
 */
export type ProjectionWriter = (
  sql: SqlRunner,
  delta: ProjectionDelta,
  context: ProjectionContext,
) => Promise<void>;
