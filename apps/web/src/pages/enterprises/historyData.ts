import type { Field } from '@hardtech/domain/forms/schema';
import { TASK_FORMS } from '@hardtech/domain/tasks/forms';
import type { TaskType } from '@hardtech/domain/task-types';
import type { HistoryEntry } from './types';

/** One fact of a timeline entry; `field` when the task's form defines it (its label, its unit, its options). */
export interface KeyFact {
  key: string;
  value: string | number | boolean;
  field?: Field;
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

/**
 * The facts of a history entry worth a line in the timeline: what a person wrote or chose when
 * completing a task (opinion, reason, quarter …), why a task was delegated or urged, and when a new
 * task is due.
 */
export function keyData(entry: HistoryEntry): KeyFact[] {
  const source =
    entry.action === 'task.completed'
      ? (entry.data.data as Record<string, unknown> | undefined)
      : entry.action === 'task.created'
        ? { dueAt: entry.data.dueAt }
        : entry.action === 'task.delegated'
          ? { to: entry.data.to, reason: entry.data.reason }
          : entry.action === 'task.urge'
            ? { message: entry.data.message }
            : entry.action === 'task.cc'
              ? { note: entry.data.note }
              : undefined;
  const fields = entry.action === 'task.completed' ? formFields(entry.data.taskType, entry.data.outcome) : [];
  return Object.entries(source ?? {})
    .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v) && v !== '')
    .map(([key, value]) => ({
      key,
      value: value as KeyFact['value'],
      field: fields.find((f) => f.name === key),
    }));
}
