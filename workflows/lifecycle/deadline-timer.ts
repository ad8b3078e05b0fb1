import type { FollowUpEffects } from './follow-ups';

/**
 * Patch id: one lifecycle-level timer for the earliest pending follow-up of all open tasks and
 * problems, instead of a timer per task cancelled on every completion (issue 21.4). Decided once
 * per run at open(): runs recorded before keep their per-task timers until they continue as new.
 */
export const DEADLINE_TIMER_PATCH = 'lifecycle-deadline-timer';

/** A follow-up step (reminder, default outcome, escalation, problem overdue) and when it is due. */
export interface DueStep {
  at: number;
  /** Names the step, so one wake never acts on it twice. */
  key: string;
  /** Called synchronously once the step is found due; marks it done before its first await. */
  act(): Promise<void>;
}

/**
 * The lifecycle's one deadline timer. A closed task's deadline is not cancelled: a wake that
 * finds nothing due re-arms for the next earliest, which costs less than a TimerCanceled and a
 * TimerStarted on every completion. A new timer starts only for a deadline earlier than the armed one.
 */
export class DeadlineTimer {
  private armed: { at: number; key: string } | null = null;
  private started = 0;
  private waking = false;

  constructor(
    private readonly fx: FollowUpEffects & { now(): Date },
    private readonly pending: () => DueStep[],
  ) {}

  /** Nothing is being acted on (continue-as-new waits for that). */
  get idle(): boolean {
    return !this.waking;
  }

  /** After every transition: arms the timer for the earliest pending step unless one as early is. */
  sync(): void {
    if (this.waking) return; // the wake re-arms when it is done
    const steps = this.pending();
    if (!steps.length) return;
    const next = Math.min(...steps.map((s) => s.at));
    if (this.armed && this.armed.at <= next) return;
    if (this.armed) this.fx.cancelSleep(this.armed.key);
    const key = `deadline:${++this.started}`;
    this.armed = { at: next, key };
    void this.fx.sleepUntil(new Date(next), key).then((fired) => {
      if (this.armed?.key === key) this.armed = null;
      if (fired) return this.wake();
    });
  }

  /** Acts on every due step, earliest first, each once; then re-arms for what is left. */
  private async wake(): Promise<void> {
    this.waking = true;
    const done = new Set<string>();
    try {
      for (;;) {
        const now = this.fx.now().getTime();
        const due = this.pending()
          .filter((s) => s.at <= now && !done.has(s.key))
          .sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        done.add(due.key);
        await due.act();
      }
    } finally {
      this.waking = false;
    }
    this.sync();
  }
}
