import type { TaskView } from '@hardtech/temporal/lifecycle.contract';

export interface FollowUpEffects {
  /** Sleeps until `at` unless cancelled under `key`; false when cancelled. */
  sleepUntil(at: Date, key: string): Promise<boolean>;
  cancelSleep(key: string): void;
  patched(id: string): boolean;
}

/** Patch id: tasks get durable reminder and escalation timers (lifecycles before had none). */
export const DEADLINES_PATCH = 'task-deadlines';

/** reminder before due, the policy's default outcome at due (if any), escalation after due. */
export type FollowUpKind = 'reminder' | 'default' | 'escalation';

type Watched = TaskView & { completing: boolean };

/**
 * What happens to an open task on durable timers as its deadlines pass. A task's timers are
 * cancelled when it closes; each step is marked done before it is acted on, so nothing is done
 * twice, also across continue-as-new.
 */
export class FollowUps {
  private inFlight = 0;

  constructor(
    private readonly fx: FollowUpEffects,
    private readonly lookup: (taskId: string) => Watched | undefined,
    private readonly act: (task: Watched, kind: FollowUpKind) => Promise<void>,
  ) {}

  /** Nothing is being acted on (continue-as-new waits for that). */
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

  private steps(task: Watched): { kind: FollowUpKind; at?: string; done: boolean }[] {
    return [
      { kind: 'reminder', at: task.remindAt, done: !!task.remindedAt },
      { kind: 'default', at: task.dueAt, done: !task.onDue },
      { kind: 'escalation', at: task.escalateAt, done: !!task.escalatedAt },
    ];
  }

  private async follow(taskId: string): Promise<void> {
    for (let i = 0; i < 3; i++) {
      const task = this.lookup(taskId);
      if (!task) return;
      const step = this.steps(task)[i];
      if (step.done || !step.at) continue;
      if (!(await this.fx.sleepUntil(new Date(step.at), taskId))) return;
      const current = this.lookup(taskId);
      if (!current || current.completing) return;
      this.inFlight++;
      try {
        await this.act(current, step.kind);
      } finally {
        this.inFlight--;
      }
    }
  }
}
