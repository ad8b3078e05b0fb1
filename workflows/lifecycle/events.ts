import type { Actor, ScreeningReport } from '@hardtech/domain';

/**
 * Events of the statechart. A completed task becomes `<TASK TYPE>.<outcome>` carrying the form
 * data and the actor; everything else that moves a lifecycle is listed here too.
 */
export interface TaskEvent {
  type: `${string}.${string}`;
  taskId: string;
  data: Record<string, any>;
  actor: Actor;
  at: string;
  /** Problem ids minted by the workflow for a DIAGNOSE, in the order of data.problems. */
  ids?: string[];
  /** A fresh screening of corrected data (SUPPLEMENT.submit). */
  screening?: ScreeningReport;
}

export interface QuarterTickEvent {
  type: 'QUARTER_TICK';
  quarter: string;
  at: string;
}

export type LifecycleEvent = TaskEvent | QuarterTickEvent;
