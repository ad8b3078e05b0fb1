import { isProvisionalDeadline } from './calendar-coverage';
import { SHANGHAI_OFFSET_MS, shanghaiDate } from './calendar';
import { addDuration, parseDuration, subtractDuration } from './durations';
import { SlaEntry } from './policy';
import { addWorkingDays, WorkCalendar } from './working-days';

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
 * How a due of whole calendar days ('P10D') is counted: `day-end` from the next day to the end of
 * the N-th Shanghai day (docs/design.md, "Deadlines"); `exact` to the minute from creation, as
 * lifecycles recorded before patch `calendar-days-end-with-the-day` counted it.
 */
export type CalendarDayRule = 'day-end' | 'exact';

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

/** `midnight` (00:00 Shanghai, a day's end) moved to that day's office morning. */
function officeMorningOf(midnight: Date, offset: string): Date {
  return isWholeDays(offset) ? new Date(midnight.getTime() + OFFICE_MORNING_MS) : midnight;
}

/**
 * The end of a period of whole days, months or years after `from` (自次日起算, 期间最后一日的
 * 二十四时), as the exclusive instant 24:00 Asia/Shanghai; null for a duration with a time part
 * ('PT12H', 'P1DT12H'), which stays exact. A month or a year ends on the same date, or on the
 * month's last day when it has no such date (31 January + P1M → 28 February).
 */
export function endOfCalendarDays(from: Date, value: string): Date | null {
  const d = parseDuration(value);
  if (!d) throw new Error(`not an ISO 8601 duration: ${value}`);
  if (d.hours || d.minutes || d.seconds) return null;
  const [year, month, day] = shanghaiDate(from).split('-').map(Number);
  const months = month - 1 + d.months + d.years * 12;
  const lastOfMonth = new Date(Date.UTC(year, months + 1, 0)).getUTCDate();
  const lastDay = Date.UTC(year, months, Math.min(day, lastOfMonth) + d.weeks * 7 + d.days);
  return new Date(lastDay + 86_400_000 - SHANGHAI_OFFSET_MS);
}

/**
 * A task's deadlines from the SLA of the policy version it is created under. Working days need
 * the calendar; without one, only weekends are days off. Under `day-end`, a due of whole calendar
 * days is the last millisecond of its last day (23:59:59.999, so every screen shows that day), and
 * the reminder and escalation are counted from its 24:00, at 09:00 of the day they fall on when
 * they are whole days (P2D before it: 09:00 two days before; PT12H after it: 12:00 the next day).
 */
export function deadlinesFor(
  createdAt: Date,
  sla: SlaEntry,
  calendar: WorkCalendar | null,
  calendarDays: CalendarDayRule,
): TaskDeadlines {
  const dayEnd =
    typeof sla.due === 'string' && calendarDays === 'day-end' ? endOfCalendarDays(createdAt, sla.due) : null;
  const dueAt = dayEnd
    ? new Date(dayEnd.getTime() - 1)
    : typeof sla.due === 'string'
      ? addDuration(createdAt, sla.due)
      : addWorkingDays(createdAt, sla.due.workingDays, calendar ?? NO_CALENDAR);
  const end = dayEnd ?? dueAt;

  const remindFrom = subtractDuration(end, sla.remindBefore);
  const remind = dayEnd ? officeMorningOf(remindFrom, sla.remindBefore) : remindFrom;
  const escalateFrom = addDuration(end, sla.escalateAfter);
  return {
    dueAt,
    remindAt: remind < createdAt ? createdAt : remind,
    escalateAt: dayEnd ? officeMorningOf(escalateFrom, sla.escalateAfter) : escalateFrom,
    provisional: typeof sla.due !== 'string' && isProvisionalDeadline(dueAt, calendar?.coveredThrough),
  };
}
