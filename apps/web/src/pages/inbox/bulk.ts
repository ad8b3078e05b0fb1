import { principalOnTask } from '@hardtech/domain/approval-actions/proxy';
import { urgeRefusal } from '@hardtech/domain/approval-actions/urge';
import type { Actor } from '@hardtech/domain/roles';
import { allowedTaskActions } from '@hardtech/domain/task-permissions';
import { TASK_FORMS } from '@hardtech/domain/tasks/forms';
import type { OutcomeForm } from '@hardtech/domain/forms/schema';
import { api } from '../../api/client';
import { urgeWaiting } from '../tasks/approvalActions';
import { randomKey } from '../tasks/idempotency';
import type { TaskItem } from '../tasks/taskTypes';

export type BulkAction = 'claim' | 'unclaim' | 'reassign' | 'complete' | 'urge';

export interface BulkResult {
  taskId: string;
  ok: boolean;
  status: number;
  code?: string;
  message?: string;
}

export interface BulkAnswer {
  results: BulkResult[];
  succeeded: number;
  failed: number;
}

/** What a bulk action sends besides its tasks. */
export interface BulkBody {
  action: BulkAction;
  to?: string;
  /** reassign: why (转办); urge: the message. */
  reason?: string;
  outcome?: string;
  data?: Record<string, unknown>;
}

/**
 * A bulk action as sent: its body, tasks and Idempotency-Key, kept to send its failed tasks again
 * with the same key (the server answers a task done with its first result, tries the others again).
 */
export interface BulkSent {
  body: BulkBody;
  taskIds: string[];
  key: string;
  /** What the results say above the rows, from the answer (批量催办: how many were urged). */
  note?: (answer: BulkAnswer) => string;
}

/** Sends a bulk action with a new Idempotency-Key; answers the answer and how it was sent. */
export async function runBulk(
  body: BulkBody,
  taskIds: string[],
  note?: (answer: BulkAnswer) => string,
): Promise<{ answer: BulkAnswer; sent: BulkSent }> {
  const sent = { body, taskIds, key: randomKey(), note };
  return { answer: await sendBulk(sent, taskIds), sent };
}

function sendBulk(sent: BulkSent, taskIds: string[]): Promise<BulkAnswer> {
  return api<BulkAnswer>('/tasks/bulk', {
    body: { ...sent.body, taskIds },
    headers: { 'Idempotency-Key': sent.key },
  });
}

/**
 * The rows to send again: not done and answered 503 (WORKFLOW_TASK_RETRYING: the lifecycle's
 * workflow task is being retried; BULK_NOT_TRIED, SERVICE_UNAVAILABLE): nothing of them was applied.
 */
export function retryableRows(answer: BulkAnswer): string[] {
  return answer.results.filter((r) => !r.ok && r.status === 503).map((r) => r.taskId);
}

/**
 * 重试失败项: sends the retryable rows again with the bulk's key and puts their new answers in
 * place of the old, the other rows as they were.
 */
export async function retryFailed(sent: BulkSent, answer: BulkAnswer): Promise<BulkAnswer> {
  const again = await sendBulk(sent, retryableRows(answer));
  const byId = new Map(again.results.map((r) => [r.taskId, r]));
  const results = answer.results.map((r) => byId.get(r.taskId) ?? r);
  const succeeded = results.filter((r) => r.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}

/**
 * The outcomes the selected tasks can be completed with together: only when they are all of one
 * type, and only those its form marks `bulk` (e.g. 区县同意 of DISTRICT_FEEDBACK).
 */
export function bulkOutcomes(tasks: TaskItem[]): { type: string; outcome: string; form: OutcomeForm }[] {
  const types = new Set(tasks.map((t) => t.type));
  if (types.size !== 1) return [];
  const [type] = types;
  return Object.entries(TASK_FORMS[type].outcomes)
    .filter(([, form]) => form.bulk)
    .map(([outcome, form]) => ({ type, outcome, form }));
}

/**
 * What the caller may do with one open row, by the rule the server applies: claim, release and urge
 * as themselves; 委托代理: on the personal task of one they stand in for (`standingInFor`, GET
 * /api/me/proxy) 转办 and 办理 are the principal's, recorded 代 X (`actingFor`: the principal by name,
 * as the row names who holds it), and 催办 is not offered: it would reach only the absent principal.
 */
export function deskActions(
  user: Actor,
  task: TaskItem,
  standingInFor: readonly string[],
): Record<'claim' | 'unclaim' | 'delegate' | 'complete' | 'urge', boolean> & { actingFor: string | null } {
  const principal = principalOnTask(user, task, standingInFor);
  const own = allowedTaskActions(user, task);
  // Same role, and the proxy's scope covers the principal's: their desk is the caller's, renamed.
  const desk = principal ? allowedTaskActions({ ...user, username: principal }, task) : own;
  return {
    claim: own.claim,
    unclaim: own.unclaim,
    delegate: desk.delegate,
    complete: desk.complete,
    urge: !principal && !urgeRefusal(user, task, new Date(), null),
    actingFor: principal ? (task.assignee === principal && task.assigneeName) || principal : null,
  };
}

/** What deskActions answers for one row. */
export type Desk = ReturnType<typeof deskActions>;

/**
 * 催办 in the inbox, ONE rule for the row's own button and the bulk bar (批量催办), so neither offers
 * an urge the other hides for the same row: an open task that is overdue (past its dueAt, or the
 * server's `overdue`) and that the caller may urge at all (deskActions: not their own, not theirs to
 * claim, not a principal's they stand in for). 'now': it may be urged now; 'waiting': the caller
 * urged it within the 4 working hours, so it is shown off until its urgeableAt (the server's 429);
 * null: not offered. The server accepts an urge of any task the caller may see (docs/api.md): the
 * list keeps to the overdue ones, the late work a leader or coordinator chases, and the task page
 * offers the rest (its own actions.urge).
 */
export function inboxUrge(
  task: TaskItem,
  desk: Pick<Desk, 'urge'>,
  now = new Date(),
): 'now' | 'waiting' | null {
  if (task.status !== 'open' || !desk.urge) return null;
  if (!task.overdue && Date.parse(task.dueAt) >= now.getTime()) return null;
  return urgeWaiting(task.urgeableAt, now.getTime()) ? 'waiting' : 'now';
}

/** The selected open tasks, each with what the caller may do to it (deskActions, once a row). */
function openDesks(user: Actor, tasks: TaskItem[], standingInFor: readonly string[]) {
  return tasks
    .filter((task) => task.status === 'open')
    .map((task) => ({ task, desk: deskActions(user, task, standingInFor) }));
}

/** The urgeableAt of rows that wait, earliest first. */
const urgeableTimes = (waiting: TaskItem[]) =>
  waiting.map((task) => task.urgeableAt!).sort((a, b) => Date.parse(a) - Date.parse(b));

/** 批量催办's split of rows the caller already weighed (inboxUrge): see bulkUrgeable. */
function splitUrges(desks: { task: TaskItem; desk: Desk }[], now: Date): BulkUrge {
  const urges = desks.map(({ task, desk }) => ({ task, urge: inboxUrge(task, desk, now) }));
  const waiting = urges.filter((u) => u.urge === 'waiting').map((u) => u.task);
  const until = urgeableTimes(waiting).at(-1) ?? null;
  return { now: urges.filter((u) => u.urge === 'now').map((u) => u.task), waiting, until };
}

export interface BulkUrge {
  now: TaskItem[];
  waiting: TaskItem[];
  until: string | null;
}

/**
 * Which of the bulk bar's assignment actions the caller may take on at least one selected task, by
 * the rule the server applies per task (deskActions): an enterprise's users claim and hand on nothing
 * (403 ENTERPRISE_DOES_NOT_ASSIGN), so the bar offers them neither 认领 nor 转办; a proxy hands the
 * principal's tasks on for them. 催办 is offered where some selected row offers its own (inboxUrge);
 * `urgeableAt`: when none of them may be urged now, when the first may (the bar's button is off
 * until then, as the rows' are), else null.
 */
export function bulkOffers(
  user: Actor,
  tasks: TaskItem[],
  standingInFor: readonly string[] = [],
  now = new Date(),
): Record<'claim' | 'unclaim' | 'reassign' | 'urge', boolean> & { urgeableAt: string | null } {
  const desks = openDesks(user, tasks, standingInFor);
  const urges = splitUrges(desks, now);
  return {
    claim: desks.some(({ desk }) => desk.claim),
    unclaim: desks.some(({ desk }) => desk.unclaim),
    reassign: desks.some(({ desk }) => desk.delegate),
    urge: urges.now.length + urges.waiting.length > 0,
    urgeableAt: urges.now.length ? null : (urgeableTimes(urges.waiting)[0] ?? null),
  };
}

/**
 * 批量催办: the selected rows that offer 催办 (inboxUrge), split into those the caller may urge now
 * and those they urged within the hours (urgeableAt still ahead: the server's 429, which the row's
 * own button shows greyed); `until`: when the last of those may be urged again. Only `now` is sent.
 */
export function bulkUrgeable(
  user: Actor,
  tasks: TaskItem[],
  standingInFor: readonly string[] = [],
  now = new Date(),
): BulkUrge {
  return splitUrges(openDesks(user, tasks, standingInFor), now);
}

/**
 * 委托代理: the principals the selected open tasks are handed on for, by name, for the 批量转办
 * dialog's 代 X; empty when they are all the caller's own.
 */
export function bulkActingFor(user: Actor, tasks: TaskItem[], standingInFor: readonly string[]): string[] {
  const names = tasks
    .filter((task) => task.status === 'open')
    .map((task) => deskActions(user, task, standingInFor).actingFor)
    .filter((name): name is string => !!name);
  return [...new Set(names)];
}

/**
 * Whether the list's tasks offer anything to do in bulk, so that rows are selectable at all: an
 * assignment action or a bulk outcome (of a task the caller may complete). An enterprise's own
 * reports and confirmations offer nothing.
 */
export function bulkPossible(user: Actor, tasks: TaskItem[], standingInFor: readonly string[] = []): boolean {
  return (
    Object.values(bulkOffers(user, tasks, standingInFor)).some(Boolean) ||
    bulkCompletable(user, tasks, standingInFor).some((task) => bulkOutcomes([task]).length > 0)
  );
}

/**
 * The selected rows a bulk action is sent for: open, and the caller's to claim, release, hand on or
 * do by the rule the server applies per task (deskActions; the principal's for a proxy). A row a
 * colleague has claimed would only come back 409 TASK_CLAIMED: it is left out, and the bar says how
 * many were (批量同意 and 批量认领 sent every selected row: ui-walk-10, ui-walk-11).
 */
export function bulkRowsFor(
  action: 'claim' | 'unclaim' | 'delegate' | 'complete',
  user: Actor,
  tasks: TaskItem[],
  standingInFor: readonly string[] = [],
): TaskItem[] {
  return openDesks(user, tasks, standingInFor)
    .filter(({ desk }) => desk[action])
    .map(({ task }) => task);
}

/** The rows a bulk outcome (批量同意) is sent for (bulkRowsFor). */
export const bulkCompletable = (user: Actor, tasks: TaskItem[], standingInFor: readonly string[] = []) =>
  bulkRowsFor('complete', user, tasks, standingInFor);
