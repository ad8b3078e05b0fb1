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

/** Counts follow-ups being acted on: continue-as-new waits until none is. */
export class InFlight {
  private n = 0;

  get idle(): boolean {
    return this.n === 0;
  }

  async run(act: () => Promise<void>): Promise<void> {
    this.n++;
    try {
      await act();
    } finally {
      this.n--;
    }
  }
}

/**
 * What happens to an open task on durable timers as its deadlines pass. A task's timers are
 * cancelled when it closes; each step is marked done before it is acted on, so nothing is done
 * twice, also across continue-as-new.
 */
export class FollowUps {
  private readonly inFlight = new InFlight();

  constructor(
    private readonly fx: FollowUpEffects,
    private readonly lookup: (taskId: string) => Watched | undefined,
    private readonly act: (task: Watched, kind: FollowUpKind) => Promise<void>,
  ) {}

  /** Nothing is being acted on (continue-as-new waits for that). */
  get idle(): boolean {
    return this.inFlight.idle;
  }

  watch(taskId: string): void {
    if (!this.fx.patched(DEADLINES_PATCH)) return;
    void this.follow(taskId);
  }

  cancel(taskId: string): void {
    this.fx.cancelSleep(taskId);
  }

  /** The task's next step still to do, for the lifecycle's one deadline timer (deadline-timer.ts). */
  nextStep(task: Watched): { kind: FollowUpKind; at: number } | undefined {
    if (task.completing) return undefined;
    const step = this.steps(task).find((s) => !s.done && s.at);
    return step && { kind: step.kind, at: Date.parse(step.at!) };
  }

  /** Acts on a step the deadline timer found due, counted like a step of a task's own timer. */
  actOn(task: Watched, kind: FollowUpKind): Promise<void> {
    return this.inFlight.run(() => this.act(task, kind));
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
      await this.inFlight.run(() => this.act(current, step.kind));
    }
  }
}
