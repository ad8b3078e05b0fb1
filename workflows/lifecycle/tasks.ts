import type { AnyMachineSnapshot } from 'xstate';
import { CandidateFacts, CandidateRule, Stage, TaskType } from '@hardtech/domain';
import type { LifecycleContext } from './context';
import type { TaskMeta } from './machine';

/** A task the current state asks for: keyed by its state node, so re-entering a state opens a new one. */
export interface TaskSpec {
  key: string;
  type: TaskType;
  candidates: CandidateRule;
}

export function taskSpecsOf(snapshot: AnyMachineSnapshot): TaskSpec[] {
  const meta = snapshot.getMeta() as Record<string, Partial<TaskMeta> | undefined>;
  return Object.entries(meta)
    .filter(([, m]) => m?.task)
    .map(([key, m]) => ({ key, type: m!.task!.type, candidates: m!.task!.candidates }));
}

/** The stage is the top-level state: "feedback" for every configuration of the parallel state. */
export function stageOf(value: unknown): Stage {
  return (typeof value === 'string' ? value : Object.keys(value as object)[0]) as Stage;
}

export function candidateFactsOf(ctx: LifecycleContext): CandidateFacts {
  return {
    creditCode: ctx.creditCode,
    district: ctx.nomination.district,
    leadCluster: ctx.admission?.leadCluster ?? null,
    commissioner: ctx.admission?.commissioner ?? null,
    districtLiaison: ctx.admission?.districtLiaison ?? null,
    nominatorGroups: ctx.nominatorGroups,
  };
}
