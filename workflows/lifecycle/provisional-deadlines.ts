import { CalendarDayRule, deadlinesFor, DEFAULT_POLICY } from '@hardtech/domain';
import type { ProjectionDelta, TaskView } from '@hardtech/temporal/lifecycle.contract';
import type { RecomputeDeadlinesRequest } from '@hardtech/temporal/yearly.contract';

/**
 * A calendar that never silently guesses (issue 19.5): a deadline counted in working days into a
 * year whose holiday schedule nobody has entered is `provisional`; when the year is entered the
 * lifecycle computes it again (here) and restarts the task's timers.
 */

/** Patch id: lifecycles recompute their provisional deadlines when a calendar year is entered. */
export const PROVISIONAL_DEADLINES_PATCH = 'provisional-deadlines';

type Rescheduled = NonNullable<ProjectionDelta['rescheduled']>[number];

/** The new deadlines of the provisional tasks among `tasks` (tasks being completed are left alone). */
export function recomputeProvisional(
  tasks: readonly (TaskView & { completing?: boolean })[],
  req: RecomputeDeadlinesRequest,
  calendarDays: CalendarDayRule,
): Rescheduled[] {
  return tasks
    .filter((task) => task.provisional && !task.completing)
    .map((task) => {
      const sla = req.slaByVersion[task.policyVersion]?.[task.type] ?? DEFAULT_POLICY.sla[task.type];
      const d = deadlinesFor(new Date(task.createdAt), sla, req.calendar, calendarDays);
      return {
        id: task.id,
        dueAt: d.dueAt.toISOString(),
        remindAt: d.remindAt.toISOString(),
        escalateAt: d.escalateAt.toISOString(),
        provisional: d.provisional,
      };
    });
}
