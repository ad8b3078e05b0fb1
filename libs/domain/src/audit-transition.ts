import { isSystemActor } from './roles';
import { isStage, Stage } from './stages';
import { isTaskType, TaskType } from './task-types';
import { isTransitionCause, TRANSITION_CAUSES } from './transition-causes';

/**
 * What kind of step a workflow transition in the audit log was: a person's step or action on one,
 * what the receipt shows the system did (a default outcome, a whistle, an annual review opened,
 * deadlines recomputed), or the cause the workflow named (quarter tick, ledger work, follow-ups).
 * `other` is left for transitions logged before causes were named.
 */
export const TRANSITION_KINDS = [
  'opened',
  'completed',
  'defaulted',
  'return',
  'withdraw',
  'countersign',
  'urged',
  'copied',
  'assigned',
  'whistle',
  'annual_review_opened',
  'deadlines_recomputed',
  ...TRANSITION_CAUSES,
  'other',
] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

/**
 * A `workflow.transition` row of the audit log read as a business event (GET /api/audit), in codes
 * the web names in words (TASK_LABELS, stepOutcomeLabel, STAGE_LABELS): which step, with which
 * outcome, for whom, and the stage it moved the lifecycle to. Only codes the receipt already holds
 * (no opinion, no comment).
 */
export interface AuditTransitionSummary {
  kind: TransitionKind;
  /** The step: the task it completed or acted on (the row's `taskId`); null when none. */
  taskType: TaskType | null;
  /** The completed (or defaulted) step's outcome code (`pass`, `support` …); null for any other kind. */
  outcome: string | null;
  /** 委托代理: the principal a proxy completed the step for, and their display name. */
  onBehalfOf: string | null;
  onBehalfOfName: string | null;
  /** The stage before and after, when the transition changed it (`from` null at a lifecycle's opening). */
  stageChange: { from: Stage | null; to: Stage } | null;
  /** The steps it opened, by type (each once). */
  opened: TaskType[];
}

/** What the read model knows about a transition beyond its receipt (tasks, stage history). */
export interface TransitionFacts {
  /** The type of the row's task. */
  taskType: string | null;
  /** The stage before and after, when this transition changed it. */
  stageChange: { from: string | null; to: string } | null;
}

type Receipt = {
  seq?: unknown;
  cause?: unknown;
  closed?: Closed[];
  opened?: { type?: unknown }[];
  assigned?: unknown[];
  urged?: unknown[];
  copied?: unknown[];
  rescheduled?: unknown[];
  approvalAction?: { kind?: unknown; taskType?: unknown } | null;
  /** 委托代理: the principal of a proxy's 退回, 加签, 抄送 or 转办 (a completion's is on its task). */
  onBehalfOf?: unknown;
};
type Closed = {
  status?: unknown;
  outcome?: unknown;
  onBehalfOf?: unknown;
  completedBy?: unknown;
  data?: unknown;
};

const APPROVAL_KINDS = new Set<unknown>(['return', 'withdraw', 'countersign']);
const WITH_OUTCOME = new Set<TransitionKind>(['completed', 'defaulted']);

/** The policy's outcome for a step nobody did in time: done by the system, its data says so. */
function isDefault(done: Closed): boolean {
  const data = done.data as { defaulted?: unknown } | null | undefined;
  return isSystemActor(done.completedBy) && data?.defaulted === true;
}

/** First what a person did, then the cause the workflow named, then what the receipt shows. */
function kindOf(r: Receipt, closed: Closed[], done: Closed | undefined, opened: TaskType[]): TransitionKind {
  const approval = r.approvalAction?.kind;
  if (APPROVAL_KINDS.has(approval)) return approval as TransitionKind;
  if (isTransitionCause(r.cause)) return r.cause;
  if (done) return isDefault(done) ? 'defaulted' : 'completed';
  if (r.seq === 1 && closed.length === 0) return 'opened';
  if (r.urged?.length) return 'urged';
  if (r.copied?.length) return 'copied';
  if (r.assigned?.length) return 'assigned';
  if (r.rescheduled?.length) return 'deadlines_recomputed';
  // Only a whistle opens its response, only the yearly review its update (approval actions aside).
  if (opened.includes('WHISTLE_RESPONSE')) return 'whistle';
  if (opened.includes('ANNUAL_UPDATE')) return 'annual_review_opened';
  return 'other';
}

/** The business event a transition's receipt (its audit row's `data`) and facts describe. */
export function transitionSummary(
  data: Record<string, unknown>,
  facts: TransitionFacts,
  names: (username: string) => string | null = () => null,
): AuditTransitionSummary {
  const r = data as Receipt;
  const closed = Array.isArray(r.closed) ? r.closed : [];
  const done = closed.find((c) => c?.status === 'done');
  const opened = (Array.isArray(r.opened) ? r.opened : []).map((o) => o?.type).filter(isTaskType);
  const kind = kindOf(r, closed, done, opened);
  const taskType = [facts.taskType, r.approvalAction?.taskType].find(isTaskType) ?? null;
  const principal = kind === 'completed' ? done?.onBehalfOf : r.onBehalfOf;
  const onBehalfOf = typeof principal === 'string' ? principal : null;
  const change = facts.stageChange;
  return {
    kind,
    taskType: kind === 'opened' ? null : taskType,
    outcome: WITH_OUTCOME.has(kind) && typeof done?.outcome === 'string' ? done.outcome : null,
    onBehalfOf,
    onBehalfOfName: onBehalfOf ? names(onBehalfOf) : null,
    stageChange:
      change && isStage(change.to)
        ? { from: isStage(change.from) ? change.from : null, to: change.to }
        : null,
    opened: [...new Set(opened)],
  };
}
