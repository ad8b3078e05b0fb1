import type { ProjectionDelta } from '@hardtech/temporal/lifecycle.contract';
import type { AuditChainKey } from '../audit-chain/keyed-hash';
import type { SqlRunner } from '../repositories/audit.repository';
import type { WriterStatement } from './statements';

/** What writers need besides the delta: the audit chain's key (the audit event is hashed with it). */
export interface ProjectionContext {
  auditChain: AuditChainKey;
}

/**
 * One table's part of a transition: the statements that write what the delta says changed (its
 * opened, closed and assigned tasks, `delta.changes`), none when nothing did. Every statement is
 * idempotent: a retried projection (the activity ran, its answer was lost) writes nothing new. The
 * writers' statements go to PostgreSQL together, in as few round trips as they allow
 * (statements.ts). Add a table by adding its writer to PROJECTION_WRITERS (./writers.ts).
 */
export type ProjectionWriter = (delta: ProjectionDelta, context: ProjectionContext) => WriterStatement[];

/**
 * A writer that must read before it writes (the audit event's chain head, a decision's task): it
 * runs its own statements after the others, inside the transition's transaction.
 */
export type ReadingProjectionWriter = (
  sql: SqlRunner,
  delta: ProjectionDelta,
  context: ProjectionContext,
) => Promise<void>;
