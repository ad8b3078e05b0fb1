import { isStage, Stage } from './stages';
import { isTaskType, TaskType } from './task-types';

/** What kind of step a workflow transition in the audit log was. */
export const TRANSITION_KINDS = [
  'opened',
  'completed',
  'return',
  'withdraw',
  'countersign',
  'urged',
  'copied',
  'assigned',
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
  /** The completed step's outcome code (`pass`, `reject` …); null for any other kind. */
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
  closed?: { status?: unknown; outcome?: unknown; onBehalfOf?: unknown }[];
  opened?: { type?: unknown }[];
  assigned?: unknown[];
  urged?: unknown[];
  copied?: unknown[];
  approvalAction?: { kind?: unknown; taskType?: unknown } | null;
};

const APPROVAL_KINDS = new Set<TransitionKind>(['return', 'withdraw', 'countersign']);

/** The business event a transition's receipt (its audit row's `data`) and facts describe. */
export function transitionSummary(
  data: Record<string, unknown>,
  facts: TransitionFacts,
  names: (username: string) => string | null = () => null,
): AuditTransitionSummary {
  const r = data as Receipt;
  const closed = Array.isArray(r.closed) ? r.closed : [];
  const done = closed.find((c) => c?.status === 'done');
  const approval = r.approvalAction?.kind as TransitionKind | undefined;
  const kind: TransitionKind =
    approval && APPROVAL_KINDS.has(approval)
      ? approval
      : done
        ? 'completed'
        : r.seq === 1 && closed.length === 0
          ? 'opened'
          : r.urged?.length
            ? 'urged'
            : r.copied?.length
              ? 'copied'
              : r.assigned?.length
                ? 'assigned'
                : 'other';
  const taskType = [facts.taskType, r.approvalAction?.taskType].find(isTaskType) ?? null;
  const onBehalfOf = kind === 'completed' && typeof done?.onBehalfOf === 'string' ? done.onBehalfOf : null;
  const opened = (Array.isArray(r.opened) ? r.opened : []).map((o) => o?.type).filter(isTaskType);
  const change = facts.stageChange;
  return {
    kind,
    taskType: kind === 'opened' ? null : taskType,
    outcome: kind === 'completed' && typeof done?.outcome === 'string' ? done.outcome : null,
    onBehalfOf,
    onBehalfOfName: onBehalfOf ? names(onBehalfOf) : null,
    stageChange:
      change && isStage(change.to)
        ? { from: isStage(change.from) ? change.from : null, to: change.to }
        : null,
    opened: [...new Set(opened)],
  };
}
