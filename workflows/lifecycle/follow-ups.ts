import type { NotificationKind, TaskView } from '@hardtech/temporal/lifecycle.contract';

export interface FollowUpEffects {
  /** Sleeps until `at` unless cancelled under `key`; false when cancelled. */
  sleepUntil(at: Date, key: string): Promise<boolean>;
  cancelSleep(key: string): void;
  patched(id: string): boolean;
}

/** Patch id: tasks get durable reminder and escalation timers (lifecycles before had none). */
export const DEADLINES_PATCH = 'task-deadlines';

/**
 * Reminders and escalations of open tasks, on durable timers. A task's timers are cancelled when
 * it closes; a follow-up is marked sent before it is sent, so it never goes out twice.
 */
export class FollowUps {
  private inFlight = 0;

  constructor(
    private readonly fx: FollowUpEffects,
    private readonly lookup: (taskId: string) => (TaskView & { completing: boolean }) | undefined,
    private readonly send: (task: TaskView, kind: NotificationKind) => Promise<void>,
  ) {}

  /** No follow-up is being sent (continue-as-new waits for that). */
  get idle(): boolean {
    return this.inFlight === 0;
  }

  watch(taskId: string): void {
    if (!this.fx.patched(DEADLINES_PATCH)) return;
    void this.follow(taskId);
  }

  cancel(taskId: string): void {
    this.fx.cancelSleep(taskId);
  }

  private async follow(taskId: string): Promise<void> {
    for (const kind of ['reminder', 'escalation'] as const) {
      const task = this.lookup(taskId);
      if (!task) return;
      const [due, sent] =
        kind === 'reminder' ? [task.remindAt, task.remindedAt] : [task.escalateAt, task.escalatedAt];
      if (sent || !due) continue;
      if (!(await this.fx.sleepUntil(new Date(due), taskId))) return;
      const current = this.lookup(taskId);
      if (!current || current.completing) return;
      this.inFlight++;
      try {
        await this.send(current, kind);
      } finally {
        this.inFlight--;
      }
    }
  }
}
