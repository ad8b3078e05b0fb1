import type { Field } from '@hardtech/domain/forms/schema';
import { TASK_FORMS } from '@hardtech/domain/tasks/forms';
import type { TaskType } from '@hardtech/domain/task-types';
import type { HistoryEntry } from './types';

/**
 * One fact of a timeline entry; `field` when the task's form defines it (its label, its unit, its
 * options); `person` when the value is someone's account, to be shown by name (the entry's `names`).
 */
export interface KeyFact {
  key: string;
  value: string | number | boolean;
  field?: Field;
  person?: true;
}

/** The fields of the form an outcome was submitted with, to read its values in words (26000000 → 2,600 万元). */
function formFields(taskType: unknown, outcome: unknown): Field[] {
  const form = TASK_FORMS[taskType as TaskType] as (typeof TASK_FORMS)[TaskType] | undefined;
  return form?.outcomes?.[String(outcome)]?.fields ?? [];
}

/** 委托代理: who did a step for whom, 王五（代 张三）, when a proxy did it. */
export function bylineOf(entry: HistoryEntry): { zh: string; en: string } | null {
  const byline = entry.data.byline as { zh?: unknown; en?: unknown } | undefined;
  return typeof byline?.zh === 'string' && typeof byline.en === 'string'
    ? { zh: byline.zh, en: byline.en }
    : null;
}

/** Facts of the other entries that are someone's account: whom a task was handed to (转办). */
const PERSON_FACTS = new Set(['to']);

/** What other entries carry worth a line: why a task was delegated, urged, copied, sent back or countersigned, when it is due. */
const ENTRY_FACTS: Record<string, (data: Record<string, unknown>) => Record<string, unknown>> = {
  'task.created': (d) => ({ dueAt: d.dueAt }),
  'task.delegated': (d) => ({ to: d.to, reason: d.reason }),
  'task.urge': (d) => ({ message: d.message }),
  'task.cc': (d) => ({ note: d.note }),
  'task.returned': (d) => ({ reason: d.reason }),
  'task.countersign_requested': (d) => ({ note: d.note }),
};

/**
 * The facts of a history entry worth a line in the timeline: what a person wrote or chose when
 * completing a task (opinion, reason, quarter …), and ENTRY_FACTS of the others.
 */
export function keyData(entry: HistoryEntry): KeyFact[] {
  const source =
    entry.action === 'task.completed'
      ? (entry.data.data as Record<string, unknown> | undefined)
      : ENTRY_FACTS[entry.action]?.(entry.data);
  const step = entry.action === 'task.completed';
  const fields = step ? formFields(entry.data.taskType, entry.data.outcome) : [];
  return Object.entries(source ?? {})
    .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v) && v !== '')
    .map(([key, value]) => {
      const field = fields.find((f) => f.name === key);
      const person = field ? field.kind === 'ref' && field.ref === 'user' : !step && PERSON_FACTS.has(key);
      return { key, value: value as KeyFact['value'], field, ...(person ? { person: true as const } : {}) };
    });
}
