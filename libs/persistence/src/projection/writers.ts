import type { ProjectionDelta } from '@hardtech/temporal/lifecycle.contract';
import type { SqlRunner } from '../repositories/audit.repository';
import { writeAuditEvent } from './audit.writer';
import { writeEnterprise } from './enterprises.writer';
import { writeLifecycle } from './lifecycles.writer';
import { writeMembership } from './membership.writer';
import { bindNominationEvidence } from './nomination-evidence.writer';
import { queueProblemDecisions } from './problem-decisions.writer';
import { writeProblems } from './problems.writer';
import { writeQuarterlyReports } from './quarterly-reports.writer';
import { writeStageHistory } from './stage-history.writer';
import { runStatements } from './statements';
import { queueTaskNotices } from './task-notices.writer';
import { writeTaskDeadlines } from './task-deadlines.writer';
import { writeTaskActions } from './task-actions.writer';
import { writeTasks } from './tasks.writer';
import type { ProjectionContext, ProjectionWriter, ReadingProjectionWriter } from './writer';

/**
 * One writer per table of the read model, in the order their statements run inside a transition's
 * transaction. A new table (problem progress, countersigns, notices…) gets a writer file of its own
 * and a line here. Their statements go in as few round trips as they allow (statements.ts): a
 * typical completion's enterprise row, tasks, notices and stage history are one statement.
 */
export const PROJECTION_WRITERS: readonly ProjectionWriter[] = [
  writeEnterprise,
  bindNominationEvidence, // before writeLifecycle: it binds only while the lifecycle has no row
  writeLifecycle,
  writeTasks,
  writeTaskDeadlines,
  writeTaskActions, // after writeTasks: it marks the rows that one wrote
  queueTaskNotices,
  writeProblems,
  writeQuarterlyReports,
  writeMembership,
  writeStageHistory,
];

/** Writers that read before they write, after the others, in this order. */
export const READING_PROJECTION_WRITERS: readonly ReadingProjectionWriter[] = [
  queueProblemDecisions, // it reads the decided tasks' keys
  writeAuditEvent, // last: the audit chain's lock is held until the commit
];

/** Writes a delta with some of the writers (the read-model repair's tasks and ledger). */
export async function writeWith(
  sql: SqlRunner,
  writers: readonly ProjectionWriter[],
  delta: ProjectionDelta,
  context: ProjectionContext,
): Promise<void> {
  await runStatements(
    sql,
    writers.flatMap((write) => write(delta, context)),
  );
}

/** Writes one transition with every writer; call it inside the transition's transaction. */
export async function writeProjection(
  sql: SqlRunner,
  delta: ProjectionDelta,
  context: ProjectionContext,
): Promise<void> {
  await writeWith(sql, PROJECTION_WRITERS, delta, context);
  for (const write of READING_PROJECTION_WRITERS) await write(sql, delta, context);
}
