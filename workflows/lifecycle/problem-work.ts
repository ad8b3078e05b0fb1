import { pendingProblemFollowUps, Problem, problemCloseKey, problemExtensionKey } from '@hardtech/domain';
import type { LifecycleContext } from './context';
import { FollowUpEffects, InFlight } from './follow-ups';
import type { TaskSpec } from './tasks';

/**
 * Ledger work (issue 19) inside the lifecycle: the coordinators' tasks a problem asks for, and the
 * durable timers that follow an unresolved problem past its due date.
 */

/** A PROBLEM_CLOSE while a problem is `closing`; a PROBLEM_EXTENSION while more time is asked for. */
export function problemTaskSpecs(ctx: LifecycleContext): TaskSpec[] {
  const coordinators = { role: 'city_coordinator' as const };
  return ctx.problems.flatMap((p): TaskSpec[] => [
    ...(p.status === 'closing'
      ? [{ key: problemCloseKey(p.id), type: 'PROBLEM_CLOSE' as const, candidates: coordinators }]
      : []),
    ...(p.extension
      ? [{ key: problemExtensionKey(p.id), type: 'PROBLEM_EXTENSION' as const, candidates: coordinators }]
      : []),
  ]);
}

/** Patch id: unresolved problems get overdue reminders and escalations (lifecycles before had none). */
export const PROBLEM_DEADLINES_PATCH = 'problem-deadlines';

export type ProblemFollowUpKind = 'reminder' | 'escalation';

/**
 * Follows every unresolved problem past its due date: one timer per problem and due date, so a
 * moved due date (an approved extension) starts afresh and a closed-out problem stops. Each step
 * is marked in the context by the act, so nothing is sent twice, also across continue-as-new.
 */
export class ProblemDeadlines {
  private readonly watching = new Map<string, string>();
  private readonly inFlight = new InFlight();

  constructor(
    private readonly fx: FollowUpEffects,
    private readonly problems: () => readonly Problem[],
    private readonly act: (problem: Problem, kind: ProblemFollowUpKind) => Promise<void>,
  ) {}

  get idle(): boolean {
    return this.inFlight.idle;
  }

  /** After every transition: starts timers for problems that need them, stops the others'. */
  sync(): void {
    const problems = new Map(this.problems().map((p) => [p.id, p]));
    for (const [id, dueAt] of [...this.watching]) {
      const p = problems.get(id);
      if (p && p.dueAt === dueAt && pendingProblemFollowUps(p).length) continue;
      this.watching.delete(id);
      this.fx.cancelSleep(timerKey(id, dueAt));
    }
    const fresh = [...problems.values()].filter(
      (p) => !this.watching.has(p.id) && pendingProblemFollowUps(p).length,
    );
    // Lifecycles recorded before the patch had no such timers: replaying them must start none.
    if (!fresh.length || !this.fx.patched(PROBLEM_DEADLINES_PATCH)) return;
    for (const p of fresh) {
      this.watching.set(p.id, p.dueAt);
      void this.follow(p.id, p.dueAt);
    }
  }

  /** Acts on a step the lifecycle's one deadline timer found due (deadline-timer.ts). */
  actOn(problem: Problem, kind: ProblemFollowUpKind): Promise<void> {
    return this.inFlight.run(() => this.act(problem, kind));
  }

  private current(id: string, dueAt: string): Problem | undefined {
    const p = this.problems().find((x) => x.id === id);
    return p && p.dueAt === dueAt ? p : undefined;
  }

  private async follow(id: string, dueAt: string): Promise<void> {
    const key = timerKey(id, dueAt);
    try {
      for (;;) {
        const next = pendingProblemFollowUps(this.current(id, dueAt) ?? NONE)[0];
        if (!next) return;
        if (!(await this.fx.sleepUntil(next.at, key))) return;
        const p = this.current(id, dueAt);
        if (!p || !pendingProblemFollowUps(p).some((s) => s.kind === next.kind)) return;
        await this.inFlight.run(() => this.act(p, next.kind));
      }
    } finally {
      if (this.watching.get(id) === dueAt) this.watching.delete(id);
    }
  }
}

const NONE = { status: 'resolved' } as Problem;

function timerKey(problemId: string, dueAt: string): string {
  return `problem:${problemId}:${dueAt}`;
}
