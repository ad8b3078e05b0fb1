import { isRole, Role } from '../roles';
import { isTaskType, TaskType } from '../task-types';
import { t, Text } from '../text';
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
  'whistle.blown',
  'quarter.ticked',
  'lifecycle.continued',
  'pool.seat_reserved',
  'pool.full',
]);

/**
 * What the enterprise reads where the history opened an officers' step, whose inbox name
 * (生成待办：企业吹哨·部门报到) is the officers' business: what happened, in its own terms. No
 * department or officer is named: the entry's data says which groups were asked, no more. Its own
 * steps (补充材料, 企业确认, 季度报告, 年度数据更新) keep 生成待办: they are its to-dos.
 * `null`: the enterprise does not read the step at all — a 加签 is one officer asking another's
 * opinion, and that one was asked is the officers' business.
 * Every officers' step is named here (history.spec checks), so a new one is decided, not leaked.
 */
export const ENTERPRISE_OPENED_LABELS: Partial<Record<TaskType, Text | null>> = {
  SCREEN: t('进入市级筛选', 'City screening began'),
  DISTRICT_FEEDBACK: t('已请区县反馈意见', 'The district was asked for its feedback'),
  ADMIT: t('进入入库审定', 'The admission decision began'),
  DIAGNOSE: t('进入成长诊断', 'The growth diagnosis began'),
  QUARTERLY_REVIEW: t('进入季度调度评审', 'The quarterly review began'),
  GRADUATION_REVIEW: t('进入移出帮扶库评审', 'The graduation review began'),
  WHISTLE_RESPONSE: t('已通知责任部门报到', 'The responsible department was asked to respond'),
  PROBLEM_CLOSE: t('问题销号审核中', 'The problem’s close-out is under review'),
  PROBLEM_EXTENSION: t('问题延期审核中', 'The problem’s extension is under review'),
  COUNTERSIGN: null,
};

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
  if (readerOf(role) === 'enterprise' && ENTERPRISE_OPENED_LABELS[entry.data.taskType as TaskType] === null) {
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
  const label = (readerOf(role) === 'enterprise' && openedLabel(entry)) || entry.label;
  return { ...entry, actor, label, data: PLAIN_DATA_ACTIONS.has(entry.action) ? data : {} };
}

function openedLabel(entry: HistoryEntry): Text | null | undefined {
  const type = entry.data.taskType;
  return entry.action === 'task.created' && isTaskType(type) ? ENTERPRISE_OPENED_LABELS[type] : undefined;
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
