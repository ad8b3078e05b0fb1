import { quarterEnd } from './doubling';
import { FIRST_POOL_YEAR } from './pool-membership';

/** Quarters as "2026Q3". 一季一调度: a dispatch at the start of a quarter asks for the previous one. */
export function quarterOf(date: Date, timeZoneOffsetHours = 8): string {
  const local = new Date(date.getTime() + timeZoneOffsetHours * 3_600_000);
  return `${local.getUTCFullYear()}Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}

export function previousQuarter(quarter: string): string {
  const [year, q] = quarter.split('Q').map(Number);
  return q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`;
}

/** The quarter a dispatch at this instant asks the members to report (Asia/Shanghai). */
export function reportingQuarterAt(date: Date): string {
  return previousQuarter(quarterOf(date));
}

/**
 * The quarters a dispatch by hand may report, newest first: the last one that has ended (the
 * default, what the schedule reports) and the one before it (a dispatch the schedule missed, found
 * late); none before the pool's first year. The administrator's page offers these and the server
 * takes only these: a quarter that has not ended has nothing to report yet, and an older one reaches
 * nobody — each lifecycle ignores a quarter not newer than the last it had, and a member admitted
 * since is not asked for it (tickedForQuarter) — but would announce its 调度会材料 all the same.
 */
export function dispatchQuarterChoices(now: Date): string[] {
  const last = reportingQuarterAt(now);
  return [last, previousQuarter(last)].filter((q) => q >= `${FIRST_POOL_YEAR}Q1`);
}

/**
 * Why a dispatch by hand of `quarter` is refused at `now`, or null when it is one of the choices. A
 * quarter ends at 24:00 Beijing time of its last day (quarterEnd is its last millisecond): 2026Q4 at
 * 2026-12-31T16:00:00Z.
 */
export function dispatchQuarterRefusal(quarter: string, now: Date): 'not_ended' | 'too_old' | null {
  if (now.getTime() <= quarterEnd(quarter).getTime()) return 'not_ended';
  return dispatchQuarterChoices(now).includes(quarter) ? null : 'too_old';
}

/**
 * Whether a member admitted on `admittedOn` (YYYY-MM-DD, Asia/Shanghai, its open membership period's
 * first day) is ticked for `quarter`: for the quarter a dispatch on its admission day would report
 * (the last ended then) and later ones — what the schedule or a dispatch by hand with the default
 * quarter gives a new member — never for an earlier one, a report of a quarter before its time.
 * Admitted on 2026-12-07 (2026Q4): 2026Q3 and later, not 2026Q2.
 */
export function tickedForQuarter(quarter: string, admittedOn: string): boolean {
  return quarter >= reportingQuarterAt(new Date(`${admittedOn}T00:00:00+08:00`));
}

/**
 * 一季一调度: the quarterly dispatch's calendar, 09:00 (Asia/Shanghai) on the first day of each
 * quarter — the Temporal Schedule is built from it (libs/temporal/src/schedules.ts).
 */
export const QUARTERLY_DISPATCH = { months: [1, 4, 7, 10], dayOfMonth: 1, hour: 9, minute: 0 } as const;

/**
 * The day (YYYY-MM-DD, Asia/Shanghai) of the next quarterly dispatch after `now`: what a member
 * between quarters, with no step open, waits for.
 */
export function nextQuarterlyDispatch(now: Date, timeZoneOffsetHours = 8): string {
  const local = new Date(now.getTime() + timeZoneOffsetHours * 3_600_000);
  const { months, dayOfMonth, hour, minute } = QUARTERLY_DISPATCH;
  const at = (year: number, month: number) => Date.UTC(year, month - 1, dayOfMonth, hour, minute);
  const year = local.getUTCFullYear();
  const month = months.find((m) => at(year, m) > local.getTime());
  const [y, m] = month ? [year, month] : [year + 1, months[0]];
  return `${y}-${String(m).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}
