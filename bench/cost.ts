/**
 * What one completion costs (issue 21, item 4): CPU per process and history events, from a phase's
 * totals. Pure, so bench/cost.spec.ts can check the arithmetic.
 */

import type { TemporalCalls } from './temporal-calls';
import type { HistoryLengths } from './histories';

/** Events counted in a phase: per workflow type, per event type (`timerStarted`, `markerRecorded`…). */
export type EventCounts = Record<string, Record<string, number>>;

export interface CompletionCost {
  /** CPU milliseconds per completion for each process role (workers, apis, temporal, postgres) and `total`. */
  cpuMs: Record<string, number>;
  /** History events added per completion, all workflows together. */
  events: number;
  /** The same by event type (all workflow types added up), most frequent first. */
  eventsByType: Record<string, number>;
  /** History events added per completion by workflow type. */
  eventsByWorkflow: Record<string, number>;
  completions: number;
  /** The gRPC calls to Temporal per completion (bench/temporal-calls.ts); absent in older runs. */
  calls?: TemporalCalls;
  /** The lifecycles' histories at the end of the phase (bench/histories.ts); absent in older runs. */
  histories?: HistoryLengths;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** The name of a history event: its one `…EventAttributes` field, without the suffix. */
export function eventName(event: Record<string, unknown>): string {
  const key = Object.keys(event).find((k) => k.endsWith('EventAttributes') && event[k] != null);
  return key ? key.slice(0, -'EventAttributes'.length) : 'unknown';
}

/**
 * Per completion: `cpu` is cpuBetween()'s record (`<role>CpuSeconds`, other keys ignored), `events`
 * the events the phase added. The phase's other requests (nominations, inbox reads) are part of
 * what a completion costs: they are what a client does to make one.
 */
export function completionCost(
  cpu: Record<string, number>,
  events: EventCounts,
  completions: number,
): CompletionCost {
  if (!(completions > 0)) throw new Error(`no completions to divide by (${completions})`);
  const cpuMs: Record<string, number> = {};
  let total = 0;
  for (const [key, seconds] of Object.entries(cpu)) {
    if (!key.endsWith('CpuSeconds')) continue;
    cpuMs[key.slice(0, -'CpuSeconds'.length)] = round1((seconds * 1000) / completions);
    total += seconds;
  }
  cpuMs.total = round1((total * 1000) / completions);
  const byType = new Map<string, number>();
  const eventsByWorkflow: Record<string, number> = {};
  let all = 0;
  for (const [workflow, counts] of Object.entries(events)) {
    let sum = 0;
    for (const [type, n] of Object.entries(counts)) {
      byType.set(type, (byType.get(type) ?? 0) + n);
      sum += n;
    }
    eventsByWorkflow[workflow] = round2(sum / completions);
    all += sum;
  }
  const eventsByType = Object.fromEntries(
    [...byType]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([t, n]) => [t, round2(n / completions)]),
  );
  return { cpuMs, events: round2(all / completions), eventsByType, eventsByWorkflow, completions };
}
