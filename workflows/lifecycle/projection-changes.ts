import type { Problem } from '@hardtech/domain';
import type { ProjectionChanges } from '@hardtech/temporal/lifecycle.contract';
import type { LifecycleContext, Whistle } from './context';

/** The facts the enterprise row holds besides its stage (the statechart assigns them anew when they change). */
const ENTERPRISE_FACTS = [
  'nomination',
  'screening',
  'nominatedBy',
  'admission',
  'diagnosis',
  'closing',
] as const;

/**
 * What a transition changed in the facts the read model keeps, from the context projected last
 * (null: nothing projected yet, the lifecycle's first transition) to the context now. The
 * statechart replaces what it changes and keeps the rest, so most comparisons end at `===`.
 */
export function projectionChanges(
  before: LifecycleContext | null,
  after: LifecycleContext,
): ProjectionChanges {
  if (!before) return allChanges(after);
  const problemsBefore = new Map(before.problems.map((p) => [p.id, p]));
  const whistlesBefore = latestWhistles(before.whistles);
  const whistlesAfter = latestWhistles(after.whistles);
  const reported = new Set(before.quarterlyReports.map((r) => r.quarter));
  return {
    enterprise: ENTERPRISE_FACTS.some((fact) => !same(before[fact], after[fact])),
    lifecycle: before.nomination.name !== after.nomination.name || !same(before.closing, after.closing),
    servedBy: !same(before.nomination, after.nomination) || !same(before.admission, after.admission),
    problems: after.problems
      .filter(
        (p) =>
          !same(problemsBefore.get(p.id) as Problem | undefined, p) ||
          !same(whistlesBefore.get(p.id), whistlesAfter.get(p.id)),
      )
      .map((p) => p.id),
    quarterlyReports: after.quarterlyReports.filter((r) => !reported.has(r.quarter)).map((r) => r.quarter),
    membership: !same(before.admission, after.admission) || !same(before.closing, after.closing),
  };
}

/** Everything the context holds: a lifecycle's first transition, or a projection made afresh. */
export function allChanges(context: LifecycleContext): ProjectionChanges {
  return {
    enterprise: true,
    lifecycle: true,
    servedBy: true,
    problems: context.problems.map((p) => p.id),
    quarterlyReports: context.quarterlyReports.map((r) => r.quarter),
    membership: true,
  };
}

/** A problem's latest whistle (企业吹哨): the ledger shows it with the problem. */
function latestWhistles(whistles: readonly Whistle[] | undefined): Map<string, Whistle> {
  return new Map((whistles ?? []).map((w) => [w.problemId, w]));
}

function same<T>(a: T, b: T): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
