import { isProvisionalDeadline } from './calendar-coverage';
import { DAY_MS, SHANGHAI_OFFSET_MS, shanghaiDate } from './calendar';
import { addDuration, parseDuration, subtractDuration } from './durations';
import { SlaEntry } from './policy';
import { addWorkingDays, WorkCalendar, workingDayOnOrAfter } from './working-days';

export interface TaskDeadlines {
  dueAt: Date;
  /** When the people who can do the task are reminded; never before the task exists. */
  remindAt: Date;
  /** When an open task is escalated (to the city coordinator, or the leader for whistles). */
  escalateAt: Date;
  /** Counted in working days into a year the calendar does not cover yet (issue 19.5). */
  provisional: boolean;
}

/**
 * How a due of whole calendar days ('P10D') is counted: `day-end-rolled` from the next day to the
 * end of the N-th Shanghai day, or of the first working day after it when that day is a rest day
 * (docs/design.md, "Deadlines"); `day-end` the same without the roll, as lifecycles recorded before
 * patch `calendar-days-roll-past-rest-days` counted it; `exact` to the minute from creation, as
 * lifecycles recorded before patch `calendar-days-end-with-the-day` counted it.
 */
export type CalendarDayRule = 'day-end-rolled' | 'day-end' | 'exact';

const NO_CALENDAR: WorkCalendar = { holidays: [], workdays: [] };

/**
 * Reminders and escalations counted in whole days from a day's end would fall at midnight, when
 * 企业微信 / 钉钉 push them to phones: they come at the start of that office day instead.
 */
export const OFFICE_MORNING = { hour: 9, minute: 0 };
const OFFICE_MORNING_MS = (OFFICE_MORNING.hour * 60 + OFFICE_MORNING.minute) * 60_000;

/** A non-zero duration of whole days, weeks, months or years (no time part). */
function isWholeDays(value: string): boolean {
  const d = parseDuration(value);
  if (!d || d.hours || d.minutes || d.seconds) return false;
  return d.years + d.months + d.weeks + d.days > 0;
}

/** 24:00 Asia/Shanghai of `date` (YYYY-MM-DD): the exclusive end of that day. */
function endOfDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS - SHANGHAI_OFFSET_MS);
}

/**
 * `midnight` (00:00 Shanghai, a day's end) moved to that day's office morning; with a calendar, to
 * the office morning of the first working day from that day: nobody is reminded or escalated to
 * on a rest day, and neither comes earlier than counted.
 */
function officeMorningOf(midnight: Date, offset: string, calendar: WorkCalendar | null): Date {
  if (!isWholeDays(offset)) return midnight;
  const day = shanghaiDate(midnight);
  const start = endOfDay(calendar ? workingDayOnOrAfter(day, calendar) : day).getTime() - DAY_MS;
  return new Date(start + OFFICE_MORNING_MS);
}

/**
 * The last day (YYYY-MM-DD, Asia/Shanghai) of a period of whole days, months or years after `from`
 * (自次日起算); null for a duration with a time part ('PT12H', 'P1DT12H'), which stays exact. A month
 * or a year ends on the same date, or on the month's last day when it has no such date (31 January
 * + P1M → 28 February).
 */
export function lastDayOfCalendarDays(from: Date, value: string): string | null {
  const d = parseDuration(value);
  if (!d) throw new Error(`not an ISO 8601 duration: ${value}`);
  if (d.hours || d.minutes || d.seconds) return null;
  const [year, month, day] = shanghaiDate(from).split('-').map(Number);
  const months = month - 1 + d.months + d.years * 12;
  const lastOfMonth = new Date(Date.UTC(year, months + 1, 0)).getUTCDate();
  const lastDay = Date.UTC(year, months, Math.min(day, lastOfMonth) + d.weeks * 7 + d.days);
  return new Date(lastDay).toISOString().slice(0, 10);
}

/**
 * The end of a period of whole days, months or years after `from` (期间最后一日的二十四时), as the
 * exclusive instant 24:00 Asia/Shanghai; null for a duration with a time part.
 */
export function endOfCalendarDays(from: Date, value: string): Date | null {
  const last = lastDayOfCalendarDays(from, value);
  return last ? endOfDay(last) : null;
}

/**
 * A task's deadlines from the SLA of the policy version it is created under. Working days need
 * the calendar; without one, only weekends are days off. Under the day-end rules a due of whole
 * calendar days is counted by deadlinesOnDay; under `exact`, and for working days and dues with a
 * time part, the reminder and escalation are the SLA's offsets from the due, to the minute.
 */
export function deadlinesFor(
  createdAt: Date,
  sla: SlaEntry,
  calendar: WorkCalendar | null,
  calendarDays: CalendarDayRule,
): TaskDeadlines {
  if (typeof sla.due === 'string' && calendarDays !== 'exact') {
    const lastDay = lastDayOfCalendarDays(createdAt, sla.due);
    if (lastDay) return deadlinesOnDay(createdAt, lastDay, sla, calendar, calendarDays);
  }
  const dueAt =
    typeof sla.due === 'string'
      ? addDuration(createdAt, sla.due)
      : addWorkingDays(createdAt, sla.due.workingDays, calendar ?? NO_CALENDAR);
  const remind = subtractDuration(dueAt, sla.remindBefore);
  return {
    dueAt,
    remindAt: remind < createdAt ? createdAt : remind,
    escalateAt: addDuration(dueAt, sla.escalateAfter),
    provisional: typeof sla.due !== 'string' && isProvisionalDeadline(dueAt, calendar?.coveredThrough),
  };
}

/**
 * The deadlines of a task due with the whole of `lastDay` (a period's last day, or a fixed date such
 * as the annual update's `dueOn`). The due is the last millisecond of that day (23:59:59.999, so
 * every screen shows that day); under `day-end-rolled` a last day that is a rest day (a weekend or
 * a public holiday, not a make-up working day 调休) gives way to the first working day after it
 * (民法典第二百零三条). The reminder and escalation are counted from its 24:00, at 09:00 of the day
 * they fall on when they are whole days (P2D before it: 09:00 two days before; PT12H after it: 12:00
 * the next day), and under `day-end-rolled` on a working day. Without a calendar only weekends
 * are rest days; a last day in a year the calendar does not cover is provisional, as working days.
 */
export function deadlinesOnDay(
  createdAt: Date,
  lastDay: string,
  sla: SlaEntry,
  calendar: WorkCalendar | null,
  rule: Exclude<CalendarDayRule, 'exact'>,
): TaskDeadlines {
  const rest = rule === 'day-end-rolled' ? (calendar ?? NO_CALENDAR) : null;
  const end = endOfDay(rest ? workingDayOnOrAfter(lastDay, rest) : lastDay);
  const dueAt = new Date(end.getTime() - 1);
  const remind = officeMorningOf(subtractDuration(end, sla.remindBefore), sla.remindBefore, rest);
  return {
    dueAt,
    remindAt: remind < createdAt ? createdAt : remind,
    escalateAt: officeMorningOf(addDuration(end, sla.escalateAfter), sla.escalateAfter, rest),
    provisional: rest !== null && isProvisionalDeadline(dueAt, calendar?.coveredThrough),
  };
}
