import { HISTORY_LABELS } from '../history-labels';
import { isRole, Role } from '../roles';
import { isTaskType, TaskType } from '../task-types';
import { Text } from '../text';
import { HistoryEntry } from '../views';
import { closingReasonVisible } from './closing';
import { readerOf } from './readers';
import { actorVisible, historyActionVisible, visibleStep } from './redact';
import { completionLabel } from './step-outcomes';

/**
 * Entries whose data is only ids, types, stages, times and the enterprise's own words: shown as
 * they are once the action is visible. Any other entry (an Update or signal this reader does not
 * know, a reminder's result) keeps its data from non-officers: a new kind stays closed until named.
 */
const PLAIN_DATA_ACTIONS = new Set([
  'nominated',
  'stage.changed',
  'task.created',
  'task.cancelled',
  'task.claimed',
  'task.unclaimed',
  'task.delegated',
  'task.withdrawn',
  'whistle.blown',
  'quarter.ticked',
  'lifecycle.continued',
  'pool.seat_reserved',
  'pool.full',
]);

/**
 * Officers' steps the enterprise does not read at all: a 加签 is one officer asking another's
 * opinion, and that one was asked is the officers' business. Every other officers' step opened
 * reads in the enterprise's terms (HISTORY_LABELS.taskOpenedToEnterprise; history.spec checks each
 * is one or the other, so a new step is decided, not leaked).
 */
export const ENTERPRISE_UNSEEN_STEPS: readonly TaskType[] = ['COUNTERSIGN'];

/**
 * One history entry as the reader may see it, or null when the entry is not for them: completed
 * (and refused) steps through `visibleStep`, a lifecycle's end reason through
 * `closingReasonVisible` (given `endedBy`, the event that ended it), the actor only where `actorVisible` allows it.
 */
export function visibleHistoryEntry(
  role: Role,
  entry: HistoryEntry,
  endedBy: string | null = null,
): HistoryEntry | null {
  if (!historyActionVisible(role, entry.action)) return null;
  if (readerOf(role) === 'officer') return entry;
  if (readerOf(role) === 'enterprise' && ENTERPRISE_UNSEEN_STEPS.includes(entry.data.taskType as TaskType)) {
    return null;
  }
  const actorRole = isRole(entry.data.actorRole) ? entry.data.actorRole : null;
  const showActor = actorVisible(role, actorRole);
  const actor = showActor ? entry.actor : null;
  // 委托代理: who stood in for whom is as closed as the actor.
  const { actorRole: _role, onBehalfOf: _principal, byline: _byline, ...rest } = entry.data;
  const data: Record<string, unknown> = showActor ? { ...entry.data } : rest;
  if (isStepEntry(entry.data)) {
    const taskType = isTaskType(entry.data.taskType) ? entry.data.taskType : null;
    const step = visibleStep(role, { taskType, outcome: entry.data.outcome, data: entry.data.data, actor });
    // An opinion kept from the reader leaves its line too (区县反馈意见：已办理, not ：同意).
    const label = step.outcome === entry.data.outcome ? entry.label : completionLabel(taskType, step.outcome);
    return { ...entry, actor: step.actor, label, data: { ...data, outcome: step.outcome, data: step.data } };
  }
  if (entry.action === 'lifecycle.ended') {
    const stage = typeof data.stage === 'string' ? data.stage : '';
    return {
      ...entry,
      actor,
      data: closingReasonVisible(role, { stage, outcome: endedBy }) ? data : { ...data, reason: null },
    };
  }
  const label = (readerOf(role) === 'enterprise' && enterpriseLabel(entry, showActor)) || entry.label;
  return { ...entry, actor, label, data: PLAIN_DATA_ACTIONS.has(entry.action) ? data : {} };
}

/**
 * An officers' step in the enterprise's terms: opened (taskOpenedToEnterprise), and taken back by
 * its officer (撤回) as open again, 重新办理, without whose doing it was: the enterprise read it 已办理.
 */
function enterpriseLabel(entry: HistoryEntry, showActor: boolean): Text | undefined {
  const type = isTaskType(entry.data.taskType) ? entry.data.taskType : null;
  if (entry.action === 'task.created' && type) return HISTORY_LABELS.taskOpenedToEnterprise(type);
  if (entry.action === 'task.withdrawn' && !showActor) return HISTORY_LABELS.reopened(type);
  return undefined;
}

/**
 * The history as the reader may see it. A `lifecycle.ended` entry (the workflow's result keeps only
 * the stage and the reason) is judged by the step completed last before it, the one that ended it.
 */
export function visibleHistory(role: Role, entries: HistoryEntry[]): HistoryEntry[] {
  let lastStep: string | null = null;
  return entries.flatMap((e) => {
    const shown = visibleHistoryEntry(role, e, lastStep);
    if (e.action === 'task.completed' && isStepEntry(e.data) && typeof e.data.taskType === 'string') {
      lastStep = `${e.data.taskType}.${e.data.outcome}`;
    }
    return shown ?? [];
  });
}

function isStepEntry(
  data: Record<string, unknown>,
): data is { taskType: unknown; outcome: string; data: Record<string, unknown> } {
  return typeof data.outcome === 'string' && !!data.data && typeof data.data === 'object';
}
