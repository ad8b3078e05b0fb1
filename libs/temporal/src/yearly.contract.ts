/**
 * The yearly cycle's messages (issue 19.3 and 19.5): the annual review (动态管理) that opens each
 * member's ANNUAL_UPDATE, and the recomputation of deadlines that were provisional because the
 * working-day calendar did not cover their year. Shared by the lifecycle workflow, the annual
 * review workflow, its activities and the API.
 */
import { defineUpdate } from '@temporalio/workflow';
import type { ActivePolicy, SlaEntry, TaskType, WorkCalendar } from '@hardtech/domain';

export const ANNUAL_REVIEW_WORKFLOW_TYPE = 'annualReview';
export const ANNUAL_REVIEW_SCHEDULE_ID = 'annual-review';

export interface OpenAnnualReviewRequest {
  /** The review year: members report the figures of the year before it. */
  year: number;
  /** The active policy as the caller read it (its annualReview dates, SLA and calendar). */
  policy: ActivePolicy;
}

export interface OpenAnnualReviewResult {
  /** True when this request opened the year's ANNUAL_UPDATE; false when the member already had it. */
  opened: boolean;
  /** Null when the lifecycle is not (or no longer) a member. */
  taskId: string | null;
}

export interface RecomputeDeadlinesRequest {
  /** The calendar as entered now, with the years it covers. */
  calendar: WorkCalendar;
  /** The SLA of every policy version the lifecycle's provisional tasks were created under. */
  slaByVersion: Record<number, Partial<Record<TaskType, SlaEntry>>>;
}

export interface RecomputeDeadlinesResult {
  /** Tasks whose deadlines were computed again. */
  recomputed: number;
  /** Of those, the tasks that are still provisional (their year is still not covered). */
  stillProvisional: number;
}

/** 动态管理: opens the year's ANNUAL_UPDATE for a member; a year it has had changes nothing. */
export const openAnnualReviewUpdate = defineUpdate<OpenAnnualReviewResult, [OpenAnnualReviewRequest]>(
  'openAnnualReview',
);

/** A year's schedule was entered: the lifecycle recomputes its provisional deadlines and timers. */
export const recomputeDeadlinesUpdate = defineUpdate<RecomputeDeadlinesResult, [RecomputeDeadlinesRequest]>(
  'recomputeDeadlines',
);

export interface AnnualReviewInput {
  /** The review year; by default the year the run starts (Asia/Shanghai) when today is its opening day. */
  year?: number;
}

export interface AnnualReviewResult {
  year: number | null;
  members: number;
  opened: number;
}

export interface AnnualReviewActivities {
  /**
   * From 1 November, while next year's holiday schedule is missing, the administrators' daily
   * notice (once per day); the year it asks for, or null.
   */
  calendarNotice(req: { date: string }): Promise<number | null>;
  /** The year whose review opens on `date` (YYYY-MM-DD) by the active policy, or null. */
  annualReviewOpening(req: { date: string }): Promise<number | null>;
  /** Credit codes of the pool's members (admitted, not ended), in order, after the cursor. */
  poolMembers(req: { after: string | null; limit: number }): Promise<string[]>;
  /** Opens the year's ANNUAL_UPDATE in each member; members that had the year are left alone. */
  openAnnualReviews(req: { creditCodes: string[]; year: number }): Promise<{ opened: number }>;
}
