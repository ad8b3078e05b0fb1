import type { HistoryEntry } from './types';

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
export function keyData(entry: HistoryEntry): [string, string][] {
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
  return Object.entries(source ?? {})
    .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v) && v !== '')
    .map(([k, v]) => [k, String(v)]);
}
