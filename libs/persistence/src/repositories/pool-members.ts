import { DOUBLED_GROWTH, DoublingStanding, LeftAs, NO_REASON } from '@hardtech/domain';
import type { Predicate } from '../access/access.service';

/**
 * `inPoolOn` of libs/domain/src/pool-membership.ts in SQL, the one predicate every count of members
 * uses: membership period `m` in the pool as `date` ends (an SQL expression: a parameter such as
 * `:poolDate` or a column), admitted by then and not yet left — not on the day it left. (Never name
 * the parameter `date`: TypeORM would take the cast `::date` for it.)
 */
export function inPoolOnSql(m: string, date: string): string {
  return `(${m}.from_date <= ${date}::date AND (${m}.to_date IS NULL OR ${m}.to_date > ${date}::date))`;
}

/** Period `m` began (was admitted) in calendar year `year` (an SQL expression). */
export function admittedInSql(m: string, year: string): string {
  return `(${m}.from_date BETWEEN make_date(${year}, 1, 1) AND make_date(${year}, 12, 31))`;
}

/**
 * The latest quarterly report `r` of period `m`'s lifecycle up to quarter `lastQuarter` (an SQL
 * expression, e.g. '2026Q4'): where the member stands on 三年倍增 then. A report sent back (退回)
 * and not yet sent again does not count.
 */
export function latestReportJoin(m: string, lastQuarter: string): string {
  return `LEFT JOIN LATERAL (
    SELECT * FROM quarterly_reports q
    WHERE q.credit_code = ${m}.credit_code AND q.lifecycle_no = ${m}.lifecycle_no AND q.quarter <= ${lastQuarter}
      AND q.returned_at IS NULL
    ORDER BY q.quarter DESC LIMIT 1) r ON true`;
}

/** `hasStanding` (libs/domain) on report `r`. */
const STANDING_SQL: Record<DoublingStanding, string> = {
  reporting: 'r.growth_ratio IS NOT NULL',
  on_track: 'r.on_track IS TRUE',
  behind: 'r.on_track IS FALSE',
  doubled: `r.growth_ratio >= ${DOUBLED_GROWTH}`,
};

/** The membership filters of the enterprise list: what a number on the dashboard counts. */
export interface MemberFilter {
  /** In the pool on this day (YYYY-MM-DD). */
  inPoolOn?: string;
  /** Admitted in this year (a cohort). */
  admittedIn?: number;
  /** 三年倍增 standing by the latest report up to the year of `inPoolOn` (else any). */
  doubling?: DoublingStanding;
}

export function hasMemberFilter(f: MemberFilter): boolean {
  return f.inPoolOn !== undefined || f.admittedIn !== undefined || f.doubling !== undefined;
}

/**
 * Enterprise `e` has one membership period meeting every filter given (the same period: a cohort
 * bar counts members of that cohort in the pool on the day).
 */
export function memberOf(e: string, f: MemberFilter): Predicate {
  const where = [`m.credit_code = ${e}.credit_code`];
  const params: Record<string, unknown> = {};
  if (f.inPoolOn !== undefined) {
    where.push(inPoolOnSql('m', ':memberOn'));
    params.memberOn = f.inPoolOn;
  }
  if (f.admittedIn !== undefined) {
    where.push(admittedInSql('m', ':memberAdmittedIn::int'));
    params.memberAdmittedIn = f.admittedIn;
  }
  let join = '';
  if (f.doubling !== undefined) {
    join = latestReportJoin('m', ':memberLastQuarter');
    where.push(STANDING_SQL[f.doubling]);
    params.memberLastQuarter = f.inPoolOn ? `${f.inPoolOn.slice(0, 4)}Q4` : '9999Q4';
  }
  return {
    sql: `EXISTS (SELECT 1 FROM membership_periods m ${join} WHERE ${where.join(' AND ')})`,
    params,
  };
}

/** Lifecycle `l` ended in calendar year `year` (an SQL expression), as a day in Shanghai. */
export function endedInSql(l: string, year: string): string {
  return `((${l}.ended_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN make_date(${year}, 1, 1) AND make_date(${year}, 12, 31))`;
}

/** The list's "left the pool" filters: what a bar of the dashboard's endings chart counts. */
export interface LeftFilter {
  /** Graduated or exited in this year. */
  leftIn?: number;
  leftAs?: LeftAs;
  /** The recorded reason, or NO_REASON for none. */
  leftFor?: string;
}

export function hasLeftFilter(f: LeftFilter): boolean {
  return f.leftIn !== undefined || f.leftAs !== undefined || f.leftFor !== undefined;
}

/**
 * Enterprise `e` has a lifecycle that graduated or exited (a rejected nomination never was in the
 * pool) meeting every filter given: ReportsRepository.endings counts the same.
 */
export function leftPoolOf(e: string, f: LeftFilter): Predicate {
  const where = [`l.credit_code = ${e}.credit_code`, `l.final_stage IN ('graduated', 'exited')`];
  const params: Record<string, unknown> = {};
  if (f.leftIn !== undefined) {
    where.push(endedInSql('l', ':leftIn::int'));
    params.leftIn = f.leftIn;
  }
  if (f.leftAs !== undefined) {
    where.push('l.final_stage = :leftAs');
    params.leftAs = f.leftAs;
  }
  if (f.leftFor === NO_REASON) where.push('l.reason IS NULL');
  else if (f.leftFor !== undefined) {
    where.push('l.reason = :leftFor');
    params.leftFor = f.leftFor;
  }
  return { sql: `EXISTS (SELECT 1 FROM lifecycles l WHERE ${where.join(' AND ')})`, params };
}
