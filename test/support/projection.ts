import type { Stage } from '@hardtech/domain';
import type { LifecycleContext } from '@hardtech/temporal/lifecycle-context';
import type { ProjectionDelta } from '@hardtech/temporal/lifecycle.contract';
import { projectionChanges } from '@hardtech/workflows/lifecycle/projection-changes';

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
