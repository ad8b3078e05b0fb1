import {
  ActivePolicy,
  AnnualEvaluation,
  AnnualFigures,
  annualFiguresOf,
  annualUpdateDueAt,
  DEFAULT_ANNUAL_REVIEW,
  evaluateAnnualReview,
  slaFor,
  subtractDuration,
  addDuration,
  TaskDeadlines,
  CalendarDayRule,
  deadlinesFor,
  deadlinesOnDay,
  annualUpdateLastDay,
} from '@hardtech/domain';
import type { TaskDetails } from '@hardtech/temporal/lifecycle.contract';
import type { AnnualReviewRecord, LifecycleContext } from './context';
import type { TaskSpec } from './tasks';

/**
 * 动态管理 in the lifecycle (issue 19.3): the annual review opens an ANNUAL_UPDATE for the member's
 * enterprise users; its submission is evaluated against the current policy and, when the member
 * outgrew the pool or no longer qualifies, moves a supporting member to GRADUATION_REVIEW with the
 * evaluation. The statechart (machine.ts) calls these pure functions from its actions and guards.
 */

/** Patch id: lifecycles answer the annual review (and run ANNUAL_UPDATE tasks). */
export const ANNUAL_REVIEW_PATCH = 'annual-review';

/** The yearly update opens for the year (ANNUAL_REVIEW_OPEN). */
export interface AnnualReviewOpenEvent {
  type: 'ANNUAL_REVIEW_OPEN';
  year: number;
  at: string;
}

const ANNUAL_KEY = 'annual:';

export function annualKey(year: number): string {
  return `${ANNUAL_KEY}${year}`;
}

/** The review year of an ANNUAL_UPDATE task, from its key. */
export function annualYearOf(taskKey: string): number | undefined {
  return taskKey.startsWith(ANNUAL_KEY) ? Number(taskKey.slice(ANNUAL_KEY.length)) : undefined;
}

export function annualReviewsOf(ctx: LifecycleContext): AnnualReviewRecord[] {
  return ctx.annualReviews ?? [];
}

export function hasAnnualReview(ctx: LifecycleContext, year: number): boolean {
  return annualReviewsOf(ctx).some((r) => r.year === year);
}

export function openAnnualReview(ctx: LifecycleContext, e: AnnualReviewOpenEvent): Partial<LifecycleContext> {
  const record: AnnualReviewRecord = {
    year: e.year,
    openedAt: e.at,
    status: 'open',
    figures: null,
    evaluation: null,
    submittedBy: null,
    submittedAt: null,
  };
  return { annualReviews: [...annualReviewsOf(ctx), record] };
}

export function recordAnnualUpdate(
  ctx: LifecycleContext,
  e: {
    taskYear?: number;
    evaluation?: AnnualEvaluation;
    data: Record<string, any>;
    actor: { username: string };
    at: string;
  },
): Partial<LifecycleContext> {
  return {
    annualReviews: annualReviewsOf(ctx).map((r) =>
      r.year === e.taskYear
        ? {
            ...r,
            status: 'submitted' as const,
            figures: figuresFrom(e.data),
            evaluation: e.evaluation ?? null,
            submittedBy: e.actor.username,
            submittedAt: e.at,
          }
        : r,
    ),
  };
}

/** The submission proposes graduation or exit: a supporting member goes to GRADUATION_REVIEW. */
export function proposesChange(e: { evaluation?: AnnualEvaluation }): boolean {
  return !!e.evaluation && e.evaluation.proposal !== 'continue';
}

/**
 * Leaving `supporting` for the review before the quarter's report came in: the quarter is queued
 * again, so a member kept in the pool still reports it. A quarter already reported is not.
 */
export function requeueQuarter(ctx: LifecycleContext): Partial<LifecycleContext> {
  const current = ctx.quarter.current;
  if (!current || ctx.quarterlyReports.some((r) => r.quarter === current)) return {};
  return { quarter: { ...ctx.quarter, current: null, queued: ctx.quarter.queued ?? current } };
}

/** The figures last known: the latest submitted update, else the nomination's. */
export function lastKnownFigures(ctx: LifecycleContext): AnnualFigures {
  const submitted = annualReviewsOf(ctx).filter((r) => r.figures);
  return submitted.length ? submitted[submitted.length - 1].figures! : annualFiguresOf(ctx.nomination);
}

function figuresFrom(data: Record<string, any>): AnnualFigures {
  return {
    revenuePrevYear: data.revenuePrevYear,
    rdExpensePrevYear: data.rdExpensePrevYear,
    classOneIpCount: data.classOneIpCount,
    techCenter: data.techCenter,
    listed: data.listed,
  };
}

/** One ANNUAL_UPDATE per open review year, for the enterprise's users. */
export function annualTaskSpecs(ctx: LifecycleContext): TaskSpec[] {
  return annualReviewsOf(ctx)
    .filter((r) => r.status === 'open')
    .map((r) => ({
      key: annualKey(r.year),
      type: 'ANNUAL_UPDATE',
      candidates: { role: 'enterprise_user', scope: 'enterprise' },
    }));
}

/** The evaluation of a submitted ANNUAL_UPDATE (the event carries it into the statechart). */
export function evaluateSubmission(
  ctx: LifecycleContext,
  year: number,
  data: Record<string, unknown>,
  policy: ActivePolicy,
): AnnualEvaluation {
  return evaluateAnnualReview(
    year,
    ctx.nomination,
    figuresFrom(data),
    ctx.admission?.baselineRevenue ?? null,
    policy.thresholds,
    policy.version,
  );
}

/**
 * What a task carries for its form: an ANNUAL_UPDATE its year and the last known figures; a
 * GRADUATION_REVIEW opened by an annual update (in the same transition, at `at`) its evaluation.
 */
export function taskDetailsOf(spec: TaskSpec, ctx: LifecycleContext, at: string): TaskDetails | null {
  if (spec.type === 'ANNUAL_UPDATE') {
    return { annualUpdate: { year: annualYearOf(spec.key)!, prefill: lastKnownFigures(ctx) } };
  }
  if (spec.type === 'GRADUATION_REVIEW') {
    const cause = annualReviewsOf(ctx).find((r) => r.submittedAt === at && r.evaluation);
    return cause ? { evaluation: cause.evaluation! } : null;
  }
  return null;
}

/**
 * The ANNUAL_UPDATE's deadlines: due on the policy's `dueOn` of the review year; a review opened
 * after that (run by hand) gets the SLA's time from now. Since patch
 * `calendar-days-roll-past-rest-days` the day ends as a calendar-day period's last day does (at its
 * end, rolled past rest days, reminded and escalated at 09:00 of working days); before it, at 18:00
 * with the SLA's offsets to the minute.
 */
export function annualUpdateDeadlines(
  year: number,
  policy: ActivePolicy,
  at: Date,
  calendarDays: CalendarDayRule,
): TaskDeadlines {
  const sla = slaFor(policy, 'ANNUAL_UPDATE');
  const calendar = policy.calendar ?? null;
  const settings = policy.annualReview ?? DEFAULT_ANNUAL_REVIEW;
  const fallback = deadlinesFor(at, sla, calendar, calendarDays);
  if (calendarDays === 'day-end-rolled') {
    const onDay = deadlinesOnDay(at, annualUpdateLastDay(year, settings), sla, calendar, calendarDays);
    // Never provisional: recomputeProvisional counts from the SLA and would lose `dueOn` (a review
    // of next year run by hand before its calendar is entered rolls past weekends only).
    return onDay.dueAt > at ? { ...onDay, provisional: false } : fallback;
  }
  const dueAt = annualUpdateDueAt(year, settings, at, fallback.dueAt);
  if (dueAt === fallback.dueAt) return fallback;
  const remind = subtractDuration(dueAt, sla.remindBefore);
  return {
    dueAt,
    remindAt: remind < at ? at : remind,
    escalateAt: addDuration(dueAt, sla.escalateAfter),
    provisional: false,
  };
}
