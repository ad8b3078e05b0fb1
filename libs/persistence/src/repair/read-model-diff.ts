import type { LifecycleView, TaskView } from '@hardtech/temporal';

/** One of the enterprise's tasks as the inbox holds it. */
export interface InboxTask {
  id: string;
  status: 'open' | 'done' | 'cancelled';
  outcome: string | null;
  data: Record<string, unknown> | null;
  completedBy: string | null;
  completedAt: string | null;
  idempotencyKey: string | null;
  assignee: string | null;
}

/** The read model of one enterprise's current lifecycle. */
export interface InboxSnapshot {
  lifecycleNo: number;
  projectionSeq: number;
  stage: string;
  tasks: InboxTask[];
  /** The ledger's problems of the lifecycle, `id:status`. */
  problems: string[];
}

/** Where the inbox and the workflow disagree, and what each disagreement calls for. */
export interface ReadModelDiff {
  /** The inbox is behind by a whole lifecycle (a new run's first projection in flight): not ours. */
  otherLifecycle: boolean;
  /** Done in the inbox, open in the workflow: a completion the workflow never received. Re-sent. */
  lostCompletions: InboxTask[];
  /** Closed in the inbox, open in the workflow: reopened (their authors told). */
  reopen: InboxTask[];
  /** Open in the workflow, absent from the inbox: inserted. */
  missing: TaskView[];
  /** Open in the inbox, not open in the workflow: opened by a transition the workflow does not have. */
  orphans: string[];
  /** Open in both, held by another person in the inbox (a claim the workflow never received). */
  reassign: { id: string; assignee: string | null }[];
  /** The ledger differs from the workflow's problems (added or moved by a lost transition). */
  problemsDiffer: boolean;
  /** Stage or transition number differ. */
  enterpriseDiffers: boolean;
  consistent: boolean;
  /** The inbox's transition number when compared: a repair applies only while it still stands. */
  inboxSeq: number;
}

/**
 * Compares the inbox with the workflow's own state (its query): the workflow is the truth. Pure,
 * so the repair's decisions are unit-tested; docs/design.md ("The read model under faults").
 */
export function readModelDiff(view: LifecycleView, inbox: InboxSnapshot): ReadModelDiff {
  const none: ReadModelDiff = {
    otherLifecycle: true,
    lostCompletions: [],
    reopen: [],
    missing: [],
    orphans: [],
    reassign: [],
    problemsDiffer: false,
    enterpriseDiffers: false,
    consistent: true,
    inboxSeq: inbox.projectionSeq,
  };
  if (view.lifecycleNo !== inbox.lifecycleNo) return none;
  const workflowOpen = new Map(view.openTasks.map((t) => [t.id, t]));
  const byId = new Map(inbox.tasks.map((t) => [t.id, t]));
  const reopen = inbox.tasks.filter((t) => t.status !== 'open' && workflowOpen.has(t.id));
  const lostCompletions = reopen.filter((t) => t.status === 'done' && t.completedBy && t.outcome);
  const missing = view.openTasks.filter((t) => !byId.has(t.id));
  const orphans = inbox.tasks.filter((t) => t.status === 'open' && !workflowOpen.has(t.id)).map((t) => t.id);
  const reassign = inbox.tasks
    .filter((t) => t.status === 'open' && workflowOpen.has(t.id))
    .filter((t) => (workflowOpen.get(t.id)!.assignee ?? null) !== t.assignee)
    .map((t) => ({ id: t.id, assignee: workflowOpen.get(t.id)!.assignee ?? null }));
  const ledger = (view.context?.problems ?? []).map((p) => `${p.id}:${p.status}`).sort();
  const problemsDiffer = JSON.stringify(ledger) !== JSON.stringify([...inbox.problems].sort());
  const enterpriseDiffers = inbox.projectionSeq !== view.transitions || inbox.stage !== view.stage;
  return {
    otherLifecycle: false,
    lostCompletions,
    reopen,
    missing,
    orphans,
    reassign,
    problemsDiffer,
    enterpriseDiffers,
    consistent:
      !reopen.length &&
      !missing.length &&
      !orphans.length &&
      !reassign.length &&
      !problemsDiffer &&
      !enterpriseDiffers,
    inboxSeq: inbox.projectionSeq,
  };
}
