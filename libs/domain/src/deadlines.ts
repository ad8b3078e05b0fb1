import { isProvisionalDeadline } from './calendar-coverage';
import { addDuration, subtractDuration } from './durations';
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

const NO_CALENDAR: WorkCalendar = { holidays: [], workdays: [] };

/**
 * A task's deadlines from the SLA of the policy version it is created under. Working days need
 * the calendar; without one, only weekends are days off.
 */
export function deadlinesFor(
  createdAt: Date,
  sla: SlaEntry,
  calendar: WorkCalendar | null = null,
): TaskDeadlines {
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
