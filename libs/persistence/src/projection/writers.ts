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
import { queueTaskNotices } from './task-notices.writer';
import { writeTaskDeadlines } from './task-deadlines.writer';
import { writeTaskActions } from './task-actions.writer';
import { writeTasks } from './tasks.writer';
import type { ProjectionContext, ProjectionWriter } from './writer';

/**
 * One writer per table of the read model, in the order they run inside a transition's transaction.
 * A new table (problem progress, countersigns, notices…) gets a writer file of its own and a line
 * here, before the audit event.
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
  queueProblemDecisions, // after writeTasks: it reads the decided tasks' keys
  writeQuarterlyReports,
  writeMembership,
  writeStageHistory,
  writeAuditEvent, // last: the audit chain's lock is held until the commit
];

/** Writes one transition with every writer; call it inside the transition's transaction. */
export async function writeProjection(
  sql: SqlRunner,
  delta: ProjectionDelta,
  context: ProjectionContext,
): Promise<void> {
  for (const write of PROJECTION_WRITERS) await write(sql, delta, context);
}
