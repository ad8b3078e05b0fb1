import { shanghaiDate } from './calendar';
import { Text } from './text';

/**
 * Which years the working-day calendar knows (issue 19.5): the State Council publishes each year's
 * holiday schedule in November or December of the year before. The `chinese-days` package carries
 * the years up to its last release; an administrator enters the years after it and confirms each
 * one. A deadline counted in working days that ends in a year nobody confirmed is a guess: it is
 * marked `provisional` and recomputed when the year is entered.
 */

/** The last year covered without a gap: the package's years, then each confirmed year after it. */
export function coveredThrough(packageLastYear: number, confirmedYears: readonly number[]): number {
  const confirmed = new Set(confirmedYears);
  let year = packageLastYear;
  while (confirmed.has(year + 1)) year++;
  return year;
}

/** A working-day deadline is provisional when it ends in a year the calendar does not cover. */
export function isProvisionalDeadline(dueAt: Date, coveredThroughYear: number | null | undefined): boolean {
  if (coveredThroughYear === null || coveredThroughYear === undefined) return false;
  return Number(shanghaiDate(dueAt).slice(0, 4)) > coveredThroughYear;
}

/** From 1 November on, the coming year's schedule is due: administrators are told each day it is missing. */
export const COVERAGE_NOTICE_FROM = '11-01';

/**
 * The year whose schedule administrators must enter now, or null: from 1 November, next year while
 * it is not covered; at any time, the current year when even that is missing.
 */
export function missingCalendarYear(today: string, coveredThroughYear: number): number | null {
  const year = Number(today.slice(0, 4));
  if (coveredThroughYear < year) return year;
  if (today.slice(5) >= COVERAGE_NOTICE_FROM && coveredThroughYear < year + 1) return year + 1;
  return null;
}

/** Who is told each day that a year's schedule is missing: the system administrators. */
export const CALENDAR_NOTICE_AUDIENCE = ['system_admin'];

/** The daily notice while a year's schedule is missing (the calendar page says how to enter it). */
export function calendarNoticeText(year: number): Text {
  return {
    zh: `【工作日历】尚未录入 ${year} 年的节假日安排，跨入该年的办理时限为暂定。请在“工作日历”页录入并确认。`,
    en: `Working-day calendar: the holiday schedule of ${year} is not entered; deadlines into ${year} are provisional. Enter and confirm it on the calendar page.`,
  };
}
