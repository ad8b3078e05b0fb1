import { DAY_MS, SHANGHAI_OFFSET_MS } from './calendar';

/**
 * Working days (工作日) per the State Council's holiday schedule: Monday to Friday, except public
 * holidays, plus the make-up working days (调休) that fall on weekends. The calendar is data
 * (libs/persistence CalendarRepository: a maintained package plus administrators' overrides),
 * passed in so that workflows compute deadlines deterministically.
 */
export interface WorkCalendar {
  /** Weekdays that are days off. */
  holidays: string[];
  /** Weekend days that are working days (调休). */
  workdays: string[];
  /**
   * The last year whose schedule is known (calendar-coverage.ts): a deadline counted into a later
   * year is provisional. Absent where it was not read (calendars recorded before it existed).
   */
  coveredThrough?: number;
}

/** Deadlines counted in working days end with the office day, Asia/Shanghai. */
export const END_OF_WORKING_DAY = { hour: 18, minute: 0 };

function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  if (cal.workdays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * `date` when it is a working day, else the first working day after it: where a period whose last
 * day is a rest day ends (民法典第二百零三条: 以法定休假日结束的次日为期间的最后一日).
 */
export function workingDayOnOrAfter(date: string, cal: WorkCalendar): string {
  let day = Date.parse(`${date}T00:00:00Z`);
  while (!isWorkingDay(dateOf(day), cal)) day += DAY_MS;
  return dateOf(day);
}

/**
 * The end of the n-th working day after the day of `from` (自次日起算第n个工作日), as an instant.
 */
export function addWorkingDays(from: Date, n: number, cal: WorkCalendar): Date {
  let day = Date.parse(`${dateOf(from.getTime() + SHANGHAI_OFFSET_MS)}T00:00:00Z`);
  for (let counted = 0; counted < n;) {
    day += DAY_MS;
    if (isWorkingDay(dateOf(day), cal)) counted++;
  }
  const end = (END_OF_WORKING_DAY.hour * 60 + END_OF_WORKING_DAY.minute) * 60_000;
  return new Date(day + end - SHANGHAI_OFFSET_MS);
}
