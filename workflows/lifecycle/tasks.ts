import type { SnapshotFrom } from 'xstate';
import {
  candidateFactsOf,
  CandidateRule,
  Stage,
  TaskType,
  whistleCandidates,
  whistleKey,
} from '@hardtech/domain';
import { annualTaskSpecs } from './annual-review';
import type { lifecycleMachine, TaskMeta } from './machine';
import { problemTaskSpecs } from './problem-work';

/** A task the current state asks for: keyed by its state node, so re-entering a state opens a new one. */
export interface TaskSpec {
  key: string;
  type: TaskType;
  candidates: CandidateRule;
  /** Ad hoc tasks resolve their candidates from their own facts (a whistle's owner department). */
  groups?: string[];
}

/**
 * The tasks the current state asks for: those of the active states, then one per open whistle, then
 * the coordinators' decisions on ledger problems.
 */
export function taskSpecsOf(snapshot: SnapshotFrom<typeof lifecycleMachine>): TaskSpec[] {
  const meta = snapshot.getMeta() as Record<string, Partial<TaskMeta> | undefined>;
  const ctx = snapshot.context;
  const states: TaskSpec[] = Object.entries(meta)
    .filter(([, m]) => m?.task)
    .map(([key, m]) => ({ key, type: m!.task!.type, candidates: m!.task!.candidates }));
  const whistles: TaskSpec[] = (ctx.whistles ?? [])
    .filter((w) => w.status === 'open')
    .map((w) => ({
      key: whistleKey(w.id),
      type: 'WHISTLE_RESPONSE',
      candidates: { department: true },
      groups: whistleCandidates(w.owner, candidateFactsOf(ctx)),
    }));
  return snapshot.status === 'done'
    ? []
    : [...states, ...whistles, ...problemTaskSpecs(ctx), ...annualTaskSpecs(ctx)];
}

/** The stage is the top-level state: "feedback" for every configuration of the parallel state. */
export function stageOf(value: unknown): Stage {
  return (typeof value === 'string' ? value : Object.keys(value as object)[0]) as Stage;
}
