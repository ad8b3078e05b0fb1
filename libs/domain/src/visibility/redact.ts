import { Role } from '../roles';
import { TaskType } from '../task-types';
import { readerOf } from './readers';
import { ENTERPRISE_TASK_TYPES, FieldRule, READABLE_CLASSES, stepFieldRules } from './step-fields';
import { DONE_OUTCOME, outcomeIsDecision } from './step-outcomes';

/** A completed step as an output carries it: the task's type, its outcome, its data and who did it. */
export interface Step<A = string | null> {
  taskType: TaskType | null;
  outcome: string;
  data: Record<string, unknown>;
  actor: A;
}

/**
 * The one rule for what a reader receives of a completed step (docs/security.md). Every output that
 * carries steps — history, tasks, case files, notifications, exports, PDFs — goes through it, and
 * shows the outcome it gives back, not the step's. `actor` comes back null when the reader may not
 * know who decided (an enterprise reading an officer's step); `data` keeps only the fields the
 * reader may read; of an officer's opinion (OFFICER_STEP_OUTCOMES) an enterprise gets the outcome
 * `done` and no data.
 */
export function visibleStep<A>(role: Role, step: Step<A>): Step<A | null> {
  const reader = readerOf(role);
  if (reader === 'officer') return step;
  const own = step.taskType !== null && ENTERPRISE_TASK_TYPES.includes(step.taskType);
  if (reader === 'enterprise' && own) return step;
  // An officer's opinion or recommendation: the enterprise reads that it was done, and when.
  if (reader === 'enterprise' && !outcomeIsDecision(step.taskType, step.outcome)) {
    return { ...step, outcome: DONE_OUTCOME, data: {}, actor: null };
  }
  const rules = stepFieldRules(step.taskType, step.outcome);
  const readable = READABLE_CLASSES[reader];
  const data: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(step.data ?? {})) {
    const kept = keep(rules[name], value, readable);
    if (kept !== undefined) data[name] = kept;
  }
  return { ...step, data, actor: reader === 'enterprise' && !own ? null : step.actor };
}

function keep(rule: FieldRule | undefined, value: unknown, readable: ReadonlySet<string>): unknown {
  if (rule === undefined) return undefined;
  if (typeof rule === 'string') return readable.has(rule) ? value : undefined;
  if (!Array.isArray(value)) return undefined;
  return value.map((item) => {
    const out: Record<string, unknown> = {};
    for (const [name, v] of Object.entries((item ?? {}) as Record<string, unknown>)) {
      const cls = rule.item[name];
      if (cls && readable.has(cls)) out[name] = v;
    }
    return out;
  });
}

/**
 * History actions an enterprise sees (an allowlist: a new kind of entry stays hidden until it is
 * named here). Who claimed, handed on or was reminded of an officer's task, timers, the pool's seat
 * keeping and what the engine did are the officers' business.
 */
const ENTERPRISE_HISTORY_ACTIONS = new Set([
  'nominated',
  'stage.changed',
  'task.created',
  'task.completed',
  'task.cancelled',
  // 撤回: a step it read as done is open again (reading 重新办理 of an officer's step, visibleHistoryEntry).
  'task.withdrawn',
  'whistle.blown',
  'quarter.ticked',
  'lifecycle.ended',
]);

export function historyActionVisible(role: Role, action: string): boolean {
  return readerOf(role) !== 'enterprise' || ENTERPRISE_HISTORY_ACTIONS.has(action);
}

/**
 * Whether the reader may know who did something: an enterprise knows its own users' doings and
 * never which officer decided (actorRole null: the system or unknown, shown as no one).
 */
export function actorVisible(role: Role, actorRole: Role | null): boolean {
  return readerOf(role) !== 'enterprise' || actorRole === 'enterprise_user';
}

/**
 * Whether the screening's criteria are shown: they hold the coordinator's manual judgments (C2, C6)
 * and the exceptions it accepted, so an enterprise sees only the step's outcome.
 */
export function screeningVisible(role: Role): boolean {
  return readerOf(role) !== 'enterprise';
}
