/**
 * The lifecycle workflow's messages and their payloads, shared by the workflow (import only this
 * file and its pure dependencies there) and the client side. Definitions live at module top level,
 * as the Temporal samples do, and are imported, never re-declared by string.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  ActivePolicy,
  Actor,
  AnnualEvaluation,
  AnnualFigures,
  Countersign,
  CountersignMode,
  Nomination,
  NotificationKind,
  Problem,
  ProblemWork,
  Returned,
  Stage,
  TaskType,
  Text,
  TransitionCause,
  WorkCalendar,
} from '@hardtech/domain';
import type { LifecycleContext } from './lifecycle-context';

export type { NotificationKind };

export const LIFECYCLE_WORKFLOW_TYPE = 'enterpriseLifecycle';

export function lifecycleWorkflowId(creditCode: string): string {
  return `enterprise/${creditCode}`;
}

export interface LifecycleInput {
  nomination: Nomination;
  nominatedBy: Actor;
  /** Who answers a SUPPLEMENT (the nominator's office), resolved by the API at nomination. */
  nominatorGroups: string[];
  /** Which lifecycle of this enterprise (a re-nomination after rejection or exit starts the next). */
  lifecycleNo: number;
  /**
   * The active policy as the API read it at nomination (see CompleteTaskRequest.policy): the first
   * run screens with it instead of a local activity. Absent from older inputs and continued runs.
   */
  policy?: ActivePolicy;
  /** Set by continue-as-new: the state carried over from the previous run. */
  carried?: CarriedState;
  /** Tests force continue-as-new early; production leaves it to Temporal's suggestion. */
  continueAsNewAfterQuarters?: number;
}

export interface TaskView {
  id: string;
  type: TaskType;
  stage: Stage;
  candidateGroups: string[];
  assignee: string | null;
  createdAt: string;
  dueAt: string;
  policyVersion: number;
  /** The state node the task belongs to, e.g. "lifecycle.feedback.district.pending". */
  key: string;
  /** Quarter of a QUARTERLY_REPORT / QUARTERLY_REVIEW. */
  quarter?: string | null;
  /** Deadlines from the SLA of the policy version the task was created under. */
  remindAt?: string;
  escalateAt?: string;
  /** Set once sent, so neither is sent twice (also across continue-as-new). */
  remindedAt?: string | null;
  escalatedAt?: string | null;
  /** The outcome the policy gives the task when it is not done by its due date (district feedback). */
  onDue?: 'support' | null;
  /**
   * The due date counts working days into a year the calendar does not cover yet (issue 19.5):
   * recomputed when an administrator enters that year.
   */
  provisional?: boolean;
  /** What the task's form starts from and what the officer weighs (ANNUAL_UPDATE, GRADUATION_REVIEW). */
  details?: TaskDetails | null;
  /** 催办: who urged the task when (the once-per-4-working-hours rule reads it). */
  urges?: { by: string; at: string }[];
  /** 抄送: the users the task was copied to. */
  copiedTo?: string[];
  // ---- approval actions (issue 17; workflows/lifecycle/approval-actions.ts) ----
  /** 退回: the step was sent back to this one, and why. */
  returned?: Returned | null;
  /** 加签: the countersignatures asked on this task. */
  countersigns?: Countersign[];
  /** A COUNTERSIGN task: the task it answers and the round it belongs to. */
  countersignOf?: { taskId: string; countersignId: string; mode: CountersignMode; note: string } | null;
  /** 撤回: the draft the person who withdrew left in it (their data). */
  draft?: Record<string, unknown> | null;
}

/** Facts a task carries for its form: the year and last known figures, or the annual evaluation. */
export interface TaskDetails {
  annualUpdate?: { year: number; prefill: AnnualFigures };
  evaluation?: AnnualEvaluation;
}

export interface CarriedState {
  stateValue: unknown;
  /** Runs carried over from before whistles existed have no list of them. */
  context: Omit<LifecycleContext, 'whistles'> & Partial<Pick<LifecycleContext, 'whistles'>>;
  tasks: TaskView[];
  transitions: number;
  runsBefore: number;
  /** Tasks closed in earlier runs, so a late completion gets 409 rather than 404. */
  closedTaskIds: string[];
  /** The last of them that were cancelled, not done (absent in older runs: they carried none). */
  cancelledTaskIds?: string[];
  /** Who last completed each step, so a step sent back reopens for them (absent in older runs). */
  completers?: Partial<Record<TaskType, string>>;
}

export interface LifecycleView {
  creditCode: string;
  lifecycleNo: number;
  stage: Stage;
  stateValue: unknown;
  openTasks: TaskView[];
  transitions: number;
  /** Null only before the lifecycle has opened (its first workflow task). */
  context: LifecycleContext | null;
}

export interface CompleteTaskRequest {
  taskId: string;
  outcome: string;
  data: Record<string, unknown>;
  /** From the verified token, set by the API. */
  actor: Actor;
  /** The client's Idempotency-Key, recorded with the completion. */
  idempotencyKey?: string;
  /**
   * The active policy as the API read it (cached by version): the workflow then reads none itself.
   * Absent from Updates sent before this field existed (and from other clients): it reads it then.
   */
  policy?: ActivePolicy;
  /**
   * The taxonomy's active cluster codes as the API read them (ADMIT's lead cluster, a SUPPLEMENT's
   * corrected cluster): the workflow reads no table. Absent from Updates sent before this field
   * existed (and from other clients): the built-in "33618" codes.
   */
  clusters?: string[];
  /**
   * 委托代理: the principal the actor stands in for, as the API found them with an active proxy
   * (issue 17.6). The task's rule is checked for the principal; history names both.
   */
  onBehalfOf?: Actor;
}

export interface CompleteTaskResult {
  stage: Stage;
  nextTasks: TaskView[];
}

export type AssignKind = 'claim' | 'unclaim' | 'delegate';

export interface AssignTaskRequest {
  taskId: string;
  kind: AssignKind;
  actor: Actor;
  /** For delegate: the user who receives the task, as the API found them (role and scope checked here). */
  to?: Actor;
  /** For delegate (转办): why, recorded in history and shown with the task. */
  reason?: string;
  /** 委托代理: the principal a proxy hands the task on for (the API found the proxy active). */
  onBehalfOf?: Actor;
}

export interface AssignTaskResult {
  taskId: string;
  assignee: string | null;
}

/** 退回: send the task back to the step before (STEP_ACTIONS says which). */
export interface ReturnTaskRequest {
  taskId: string;
  reason: string;
  actor: Actor;
  policy?: ActivePolicy;
  /** 委托代理: the principal the actor stands in for (the API found the proxy active), as in a completion. */
  onBehalfOf?: Actor;
}

/** 撤回: take back a completion while the tasks it opened are untouched. */
export interface WithdrawTaskRequest {
  taskId: string;
  actor: Actor;
  /** Tasks the completion opened that have comments (the API knows them; the workflow does not). */
  commented: string[];
  policy?: ActivePolicy;
}

/** A refusal as the task page shows it beside a disabled button. */
export interface WithdrawalRefusal {
  code: string;
  message: Text;
}

export interface WithdrawTaskResult {
  stage: Stage;
  task: TaskView;
  cancelled: string[];
}

/** 加签/会签: COUNTERSIGN tasks for other people; the API resolved and scope-checked them. */
export interface CountersignRequest {
  taskId: string;
  actor: Actor;
  users: Actor[];
  mode: CountersignMode;
  note: string;
  policy?: ActivePolicy;
  /** 委托代理: the principal a proxy asks for; the task stays the principal's. */
  onBehalfOf?: Actor;
}

export interface CountersignResult {
  countersign: Countersign;
  tasks: TaskView[];
}

export interface QuarterTick {
  /** The quarter to report, e.g. "2026Q3". A tick for a quarter already ticked is ignored. */
  quarter: string;
  dispatchId: string;
  /** The active policy as the dispatch read it once for all members (see CompleteTaskRequest.policy). */
  policy?: ActivePolicy;
}

export interface WhistleRequest {
  problemId?: string;
  title: string;
  description: string;
  actor: Actor;
}

export interface WhistleResult {
  whistleId: string;
  problemId: string;
  task: TaskView;
}

/** Ledger work on one of the lifecycle's problems (progress, 申请销号, 延期, 一企一策). */
export interface ProblemWorkRequest {
  work: ProblemWork;
  /** From the verified token, set by the API. */
  actor: Actor;
  /** The active policy as the API read it (see CompleteTaskRequest.policy). */
  policy?: ActivePolicy;
}

export interface ProblemWorkResult {
  problem: Problem;
  /** The PROBLEM_CLOSE or PROBLEM_EXTENSION the work opened, if any. */
  task: TaskView | null;
}

/** 催办 (issue 17.3): the assignee, else the candidates, are notified; once per 4 working hours. */
export interface UrgeTaskRequest {
  taskId: string;
  actor: Actor;
  message?: string;
  /** The working-day calendar the interval is counted in, as the API read it with the policy. */
  calendar: WorkCalendar | null;
}

export interface UrgeTaskResult {
  taskId: string;
  /** Who was told: `user:<assignee>`, else the task's candidate groups (the API names the people). */
  audienceGroups: string[];
  at: string;
}

/** 抄送 (issue 17.5): the users (the API checked they may see the enterprise) are told, read-only. */
export interface CcTaskRequest {
  taskId: string;
  actor: Actor;
  users: string[];
  note?: string;
  /** 委托代理: the principal a proxy copies the task for. */
  onBehalfOf?: Actor;
}

export interface CcTaskResult {
  taskId: string;
  users: string[];
  at: string;
}

export interface LifecycleResult {
  stage: Stage;
  reason: string | null;
}

export const completeTaskUpdate = defineUpdate<CompleteTaskResult, [CompleteTaskRequest]>('completeTask');
export const assignTaskUpdate = defineUpdate<AssignTaskResult, [AssignTaskRequest]>('assignTask');
/** 企业吹哨·部门报到: the enterprise raises a problem; the owner department gets a WHISTLE_RESPONSE. */
export const blowWhistleUpdate = defineUpdate<WhistleResult, [WhistleRequest]>('blowWhistle');
/** Ledger work (issue 19): each change of a problem is an Update, in history and the audit log. */
export const workProblemUpdate = defineUpdate<ProblemWorkResult, [ProblemWorkRequest]>('workProblem');
export const returnTaskUpdate = defineUpdate<CompleteTaskResult, [ReturnTaskRequest]>('returnTask');
export const withdrawTaskUpdate = defineUpdate<WithdrawTaskResult, [WithdrawTaskRequest]>('withdrawTask');
export const countersignUpdate = defineUpdate<CountersignResult, [CountersignRequest]>('countersign');
/** Answers once the lifecycle's first task is in the inbox (the nomination's read-your-writes). */
export const awaitOpenedUpdate = defineUpdate<LifecycleView>('awaitOpened');
/** 催办: tells the assignee (else the candidates) again; in history and the audit log. */
export const urgeTaskUpdate = defineUpdate<UrgeTaskResult, [UrgeTaskRequest]>('urgeTask');
/** 抄送: copies the task to users, who are told and may read it. */
export const ccTaskUpdate = defineUpdate<CcTaskResult, [CcTaskRequest]>('ccTask');
export const lifecycleStateQuery = defineQuery<LifecycleView>('lifecycleState');
/** Why 撤回 of a completion would be refused now (its button's reason), or null: asks, changes nothing. */
export const withdrawalRefusalQuery = defineQuery<WithdrawalRefusal | null, [WithdrawTaskRequest]>(
  'withdrawalRefusal',
);
export const quarterTickSignal = defineSignal<[QuarterTick]>('quarterTick');

/** What the lifecycle's activities offer the workflow. Implemented in activities/. */
export interface LifecycleActivities {
  activePolicy(): Promise<ActivePolicy>;
  project(delta: ProjectionDelta): Promise<ProjectionReceipt>;
  reservePoolSeat(req: SeatRequest): Promise<SeatResult>;
  notify(notification: TaskNotification | ProblemNotification): Promise<NotificationReceipt>;
}

/** The activities' names, as the worker registers them and the histories record them. */
export const LIFECYCLE_ACTIVITIES: { readonly [K in keyof LifecycleActivities]: K } = {
  activePolicy: 'activePolicy',
  project: 'project',
  reservePoolSeat: 'reservePoolSeat',
  notify: 'notify',
};

/** A reminder before a task's due date or an escalation after it; its id makes it once-only. */
export interface TaskNotification {
  id: string;
  kind: NotificationKind;
  taskId: string;
  taskType: TaskType;
  creditCode: string;
  enterpriseName: string;
  dueAt: string;
  /** Who is told: candidate groups and/or users (see libs/domain/src/access.ts). */
  audienceGroups: string[];
  at: string;
  /** An urge's or a copy's own words (`{text}`), which the channels and the feed show. */
  data?: { text: Text };
}

/** An overdue ledger problem: its owners are reminded, then the coordinators told (no task). */
export interface ProblemNotification {
  id: string;
  kind: 'reminder' | 'escalation';
  problemId: string;
  problemTitle: string;
  creditCode: string;
  enterpriseName: string;
  /** The problem's due date, YYYY-MM-DD. */
  dueAt: string;
  audienceGroups: string[];
  at: string;
}

/**
 * What `notify` sent, returned so that the local activity's marker in the history names it (the
 * enterprise history shows it as `task.reminded` / `task.escalated`, under `label`).
 */
export interface NotificationReceipt {
  kind: 'notification';
  action:
    | 'task.reminded'
    | 'task.escalated'
    | 'task.urged'
    | 'task.copied'
    | 'problem.reminded'
    | 'problem.escalated';
  id: string;
  /** The task followed up; null for an overdue ledger problem (problemId). */
  taskId: string | null;
  taskType: TaskType | null;
  problemId?: string;
  audienceGroups: string[];
  dueAt: string;
  label: Text;
}

export interface SeatRequest {
  creditCode: string;
  lifecycleNo: number;
  capacity: number;
  /** Admission date, Asia/Shanghai. */
  fromDate: string;
}

export interface SeatResult {
  reserved: boolean;
  members: number;
  capacity: number;
}

export interface ClosedTask {
  id: string;
  status: 'done' | 'cancelled';
  outcome: string | null;
  data: Record<string, unknown> | null;
  completedBy: string | null;
  /** 委托代理: the principal a proxy completed the task for. */
  onBehalfOf?: string | null;
  completedAt: string;
  idempotencyKey: string | null;
  result: CompleteTaskResult | null;
}

/**
 * What a transition changed in the lifecycle's facts, so that each table's writer writes only that
 * (workflows/lifecycle/projection-changes.ts works it out; a full re-projection names everything).
 */
export interface ProjectionChanges {
  /** The enterprise's facts (nomination, screening, admission, diagnosis, closing) changed. */
  enterprise: boolean;
  /** The lifecycle's row: opened (its first transition), renamed by a supplement, or ended. */
  lifecycle: boolean;
  /**
   * Who serves the lifecycle changed (its nomination as supplemented, admission's lead cluster and
   * commissioner): the lifecycle row follows them. Absent in deltas of workflows older than it.
   */
  servedBy?: boolean;
  /** Ledger problems added or changed (status, whistle), by id. */
  problems: string[];
  /** Quarterly reports added, by quarter. */
  quarterlyReports: string[];
  /** The membership period: opened at admission, closed at graduation or exit. */
  membership: boolean;
}

/** One transition's effect on the read model. Applied idempotently; `seq` orders them. */
export interface ProjectionDelta {
  workflowId: string;
  creditCode: string;
  lifecycleNo: number;
  seq: number;
  stage: Stage;
  stateValue: unknown;
  /** The lifecycle's facts after the transition. */
  context: LifecycleContext;
  /** Which of those facts the transition changed. */
  changes: ProjectionChanges;
  opened: TaskView[];
  closed: ClosedTask[];
  /** Open tasks whose deadlines were computed again (a calendar year was entered). */
  rescheduled?: { id: string; dueAt: string; remindAt: string; escalateAt: string; provisional: boolean }[];
  assigned: { id: string; assignee: string | null; reason?: string | null }[];
  /** 催办: tasks urged by this step. */
  urged?: { id: string; by: string; at: string; message: string | null }[];
  /** 抄送: tasks copied to users by this step. */
  copied?: { id: string; users: string[]; by: string; at: string; note: string | null }[];
  at: string;
  /** Who caused the transition (username); absent for the system's own (quarter ticks, timers). */
  actor?: string | null;
  /** 委托代理: the principal the actor stood in for (a proxy's 退回, 加签, 抄送 or 转办). */
  onBehalfOf?: string | null;
  /** Done tasks opened again by a withdrawal, with the assignee and draft they reopen with. */
  reopened?: { id: string; assignee: string | null; draft: Record<string, unknown> | null }[];
  /** Open tasks whose countersignatures changed (asked or answered). */
  countersigned?: { id: string; countersigns: Countersign[] }[];
  /** The approval action that made this transition (issue 17), for the audit log and the history. */
  approvalAction?: ApprovalActionRecord | null;
  /** What moved the lifecycle when nothing above says (a quarter tick, ledger work, a follow-up), for the audit log. */
  cause?: TransitionCause;
}

/** Who did which approval action on which task, when and why. */
export interface ApprovalActionRecord {
  kind: 'return' | 'withdraw' | 'countersign';
  taskId: string;
  taskType: TaskType;
  by: string;
  /** 委托代理: the principal `by` stood in for. */
  onBehalfOf?: string | null;
  at: string;
  reason?: string | null;
  users?: string[];
  mode?: CountersignMode;
}

/**
 * What a projection applied, returned by the `project` activity so that the local activity's
 * marker in the workflow history names the tasks each transition opened and closed (inputs of
 * local activities are not recorded; results are). The enterprise history reads it back.
 */
export interface ProjectionReceipt {
  kind: 'projection';
  lifecycleNo: number;
  seq: number;
  stage: Stage;
  actor: string | null;
  /** 委托代理: the principal the actor stood in for. */
  onBehalfOf?: string;
  opened: { id: string; type: TaskType; candidateGroups: string[]; dueAt: string; quarter: string | null }[];
  /** Deadlines recomputed once a calendar year was entered (absent otherwise). */
  rescheduled?: ProjectionDelta['rescheduled'];
  closed: {
    id: string;
    status: ClosedTask['status'];
    outcome: string | null;
    completedBy: string | null;
    onBehalfOf?: string | null;
  }[];
  assigned: { id: string; assignee: string | null; reason?: string | null }[];
  urged?: ProjectionDelta['urged'];
  copied?: ProjectionDelta['copied'];
  approvalAction?: ApprovalActionRecord;
  cause?: TransitionCause;
}

export function projectionReceipt(delta: ProjectionDelta): ProjectionReceipt {
  return {
    kind: 'projection',
    lifecycleNo: delta.lifecycleNo,
    seq: delta.seq,
    stage: delta.stage,
    actor: delta.actor ?? null,
    ...(delta.onBehalfOf ? { onBehalfOf: delta.onBehalfOf } : {}),
    opened: delta.opened.map((t) => ({
      id: t.id,
      type: t.type,
      candidateGroups: t.candidateGroups,
      dueAt: t.dueAt,
      quarter: t.quarter ?? null,
    })),
    closed: delta.closed.map((c) => ({
      id: c.id,
      status: c.status,
      outcome: c.outcome,
      completedBy: c.completedBy,
      ...(c.onBehalfOf ? { onBehalfOf: c.onBehalfOf } : {}),
    })),
    assigned: delta.assigned,
    ...(delta.rescheduled?.length ? { rescheduled: delta.rescheduled } : {}),
    ...(delta.urged?.length ? { urged: delta.urged } : {}),
    ...(delta.copied?.length ? { copied: delta.copied } : {}),
    ...(delta.approvalAction ? { approvalAction: delta.approvalAction } : {}),
    ...(delta.cause ? { cause: delta.cause } : {}),
  };
}
