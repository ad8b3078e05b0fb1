import type { HistoryEntry } from './types';

/**
 * The facts of a history entry worth a line in the timeline: what a person wrote or chose when
 * completing a task (opinion, reason, quarter …), and when a new task is due. Nested data (the
 * portrait, the problem list) has its own place on the page.
 */
export function keyData(entry: HistoryEntry): [string, string][] {
  const source =
    entry.action === 'task.completed'
      ? (entry.data.data as Record<string, unknown> | undefined)
      : entry.action === 'task.created'
        ? { dueAt: entry.data.dueAt }
        : undefined;
  return Object.entries(source ?? {})
    .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v) && v !== '')
    .map(([k, v]) => [k, String(v)]);
}
