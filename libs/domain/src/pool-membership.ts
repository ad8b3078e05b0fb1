/**
 * Membership periods run from admission to graduation or exit, both days included: an enterprise
 * graduating today was a member today, and the membership check of 二(六) (GET /api/pool/membership)
 * grants the +3 points for that day (`memberOn`). Counting the pool is another question: an officer
 * reads 在库 as who is in the pool as the day ends, and a graduate has left on its graduation day,
 * where the stage chips already say 已毕业 (`inPoolOn`).
 */
export interface MembershipSpan {
  /** Admission day, YYYY-MM-DD (Asia/Shanghai). */
  from: string;
  /** The day it left, or null while it is a member. */
  to: string | null;
}

/** A member at some time on `date`, both ends of the period included: the 二(六) check. */
export function memberOn(period: MembershipSpan, date: string): boolean {
  return period.from <= date && (period.to === null || period.to >= date);
}

/**
 * "In the pool on date D", the one definition every count of members uses (issue 19 item 4): the
 * KPI card and its charts, the enterprise list behind them, the pool export and the meeting pack.
 * Admitted by the end of D and not yet left: the day it graduates or exits it is no longer counted.
 * libs/persistence's `inPoolOnSql` is the same rule in SQL.
 */
export function inPoolOn(period: MembershipSpan, date: string): boolean {
  return period.from <= date && (period.to === null || period.to > date);
}

/** The pool started with the 2023 work plan (渝经信科技〔2023〕21号); reports refuse earlier years. */
export const FIRST_POOL_YEAR = 2023;

/**
 * The day a year's figures are taken on: today for this year, the year's last day for a past one.
 * The card 在库, the last point of the month chart and the cohort bars all count that day.
 */
export function poolDateOf(year: number, today: string): string {
  const lastDay = `${year}-12-31`;
  return lastDay < today ? lastDay : today;
}

/** The admission years up to `year`, oldest first: the rows of "admitted per year against the target". */
export function admissionYears(year: number): number[] {
  return Array.from({ length: Math.max(0, year - FIRST_POOL_YEAR + 1) }, (_, i) => FIRST_POOL_YEAR + i);
}

/** 三年倍增: growth at or above this multiple of the admission baseline is doubled. */
export const DOUBLED_GROWTH = 2;

/**
 * Where a member stands on 三年倍增, as its latest quarterly report says: the cohort chart's bars
 * and the enterprise list's `doubling` filter. `behind` is reporting and below the path.
 */
export const DOUBLING_STANDINGS = ['reporting', 'on_track', 'behind', 'doubled'] as const;
export type DoublingStanding = (typeof DOUBLING_STANDINGS)[number];

export function hasStanding(
  report: { growth: number | null; onTrack: boolean | null },
  standing: DoublingStanding,
): boolean {
  switch (standing) {
    case 'reporting':
      return report.growth !== null;
    case 'on_track':
      return report.onTrack === true;
    case 'behind':
      return report.onTrack === false;
    case 'doubled':
      return report.growth !== null && report.growth >= DOUBLED_GROWTH;
  }
}

/** The ways a member leaves the pool (移出帮扶库): the endings chart's bars and the list's `leftAs`. */
export const LEFT_AS = ['graduated', 'exited'] as const;
export type LeftAs = (typeof LEFT_AS)[number];

/**
 * The list's `leftFor`: a reason of GRADUATION_REASONS or EXIT_REASONS, or `none` for an ending
 * recorded without one (the endings chart has a bar for those too).
 */
export const NO_REASON = 'none';
