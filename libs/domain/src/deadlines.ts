import { addDuration, subtractDuration } from './durations';
import { SlaEntry } from './policy';

export interface TaskDeadlines {
  dueAt: Date;
  /** When the people who can do the task are reminded; never before the task exists. */
  remindAt: Date;
  /** When an open task is escalated (to the city coordinator, or the leader for whistles). */
  escalateAt: Date;
}

/** A task's deadlines from the SLA of the policy version it is created under. */
export function deadlinesFor(createdAt: Date, sla: SlaEntry): TaskDeadlines {
  const dueAt = addDuration(createdAt, sla.due);
  const remind = subtractDuration(dueAt, sla.remindBefore);
  return {
    dueAt,
    remindAt: remind < createdAt ? createdAt : remind,
    escalateAt: addDuration(dueAt, sla.escalateAfter),
  };
}
