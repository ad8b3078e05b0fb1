import { initialTransition } from 'xstate';
import { sampleNomination, Stage } from '@hardtech/domain';
import type { LifecycleContext } from '@hardtech/temporal/lifecycle-context';
import type { ProjectionDelta } from '@hardtech/temporal/lifecycle.contract';
import { lifecycleMachine } from '@hardtech/workflows/lifecycle/machine';
import { projectionChanges } from '@hardtech/workflows/lifecycle/projection-changes';

/** The statechart's own initial context, as a district officer's nomination's first transition projects it. */
export function nominatedContext(
  creditCode: string,
  {
    name,
    district,
    cluster,
    nominator,
  }: { name: string; district: string; cluster: string; nominator: string },
): LifecycleContext {
  return initialTransition(lifecycleMachine, {
    context: {
      creditCode,
      lifecycleNo: 1,
      nomination: sampleNomination({ creditCode, name, district, cluster }),
      nominatedBy: nominator,
      nominatorGroups: [`district_officer:district:${district}`],
      screening: { policyVersion: 1, criteria: [], passed: true } as unknown as LifecycleContext['screening'],
    },
  })[0].context;
}

/**
 * The deltas one lifecycle's workflow would send, transition by transition, as Lifecycle builds
 * them: numbered in turn, each naming what changed since the one before.
 */
export function lifecycleDeltas(creditCode: string, at: (seq: number) => string) {
  let seq = 0;
  let projected: LifecycleContext | null = null;
  return (stage: Stage, context: LifecycleContext, over: Partial<ProjectionDelta> = {}): ProjectionDelta => {
    const delta: ProjectionDelta = {
      workflowId: `enterprise/${creditCode}`,
      creditCode,
      lifecycleNo: 1,
      seq: ++seq,
      stage,
      stateValue: stage,
      context,
      changes: projectionChanges(projected, context),
      opened: [],
      closed: [],
      assigned: [],
      at: at(seq),
      actor: 'coordinator',
      ...over,
    };
    projected = context;
    return delta;
  };
}
