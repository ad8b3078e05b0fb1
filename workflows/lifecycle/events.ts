import type { Actor, AnnualEvaluation, ProblemWork, ScreeningReport } from '@hardtech/domain';
import type { AnnualReviewOpenEvent } from './annual-review';

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
  /** The whistle a WHISTLE_RESPONSE answers. */
  whistleId?: string;
  /** The ledger problem a PROBLEM_CLOSE or PROBLEM_EXTENSION decides. */
  problemId?: string;
  /** The review year of an ANNUAL_UPDATE, and its evaluation against the current policy. */
  taskYear?: number;
  evaluation?: AnnualEvaluation;
  /** A QUARTERLY_REVIEW's notes enter each problem's progress (REVIEW_PROGRESS_PATCH). */
  reviewProgress?: boolean;
  /** A WHISTLE_RESPONSE answered resolved opens a close request (WHISTLE_CLOSE_REVIEW_PATCH). */
  closeReview?: boolean;
  /** A WHISTLE_RESPONSE answered not resolved while its problem's PROBLEM_CLOSE is open: that problem. */
  problemOfWhistle?: string;
  /** …and that PROBLEM_CLOSE closes as withdrawn, with the reason (WHISTLE_UNRESOLVED_WITHDRAWS_CLOSE_PATCH). */
  withdrawClose?: boolean;
}

/** Ledger work on a problem (issue 19). */
export interface ProblemWorkEvent {
  type: 'PROBLEM_WORK';
  work: ProblemWork;
  actor: Actor;
  at: string;
}

/** An unresolved problem's due date passed: its owners were reminded, or the coordinators told. */
export interface ProblemOverdueEvent {
  type: 'PROBLEM_OVERDUE';
  problemId: string;
  kind: 'reminder' | 'escalation';
  dueAt: string;
  at: string;
}

/** The enterprise blows the whistle on a ledger problem or a new one. */
export interface WhistleEvent {
  type: 'WHISTLE';
  id: string;
  /** An existing ledger problem, or the id of the problem the whistle opens. */
  problemId: string;
  newProblem: boolean;
  title: string;
  description: string;
  actor: Actor;
  at: string;
  /**
   * The new problem's due date (YYYY-MM-DD, whistledProblemDueOn), under WHISTLE_NEW_PROBLEM_DUE_PATCH.
   * Absent in whistles recorded before it: the problem was due the whistle's UTC day.
   */
  dueAt?: string;
}

export interface QuarterTickEvent {
  type: 'QUARTER_TICK';
  quarter: string;
  at: string;
}

/** A whistle's response deadline passed unanswered (escalated to the leader). */
export interface WhistleEscalatedEvent {
  type: 'WHISTLE_ESCALATED';
  whistleId: string;
  at: string;
}

/** 退回: the open step is sent back to the one before (workflows/lifecycle/approval-actions.ts). */
export interface ReturnEvent {
  type: 'RETURN';
  taskType: string;
  reason: string;
  actor: Actor;
  at: string;
}

export type LifecycleEvent =
  | TaskEvent
  | QuarterTickEvent
  | WhistleEvent
  | WhistleEscalatedEvent
  | ProblemWorkEvent
  | ProblemOverdueEvent
  | AnnualReviewOpenEvent
  | ReturnEvent;
