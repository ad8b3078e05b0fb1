import type { AnyStateNode } from 'xstate';
import { CandidateRule, Stage, STAGE_LABELS, TASK_LABELS, TaskForm, TaskType, Text } from '@hardtech/domain';
import { AdhocTaskMeta, lifecycleMachine, TaskMeta } from './machine';

export interface TransitionView {
  event: string;
  targets: string[];
  guarded: boolean;
}

export interface StateNodeView {
  id: string;
  key: string;
  type: string;
  label: Text | null;
  task: { type: TaskType; label: Text; candidates: CandidateRule } | null;
  transitions: TransitionView[];
  states: StateNodeView[];
}

export interface TaskDefinition {
  type: TaskType;
  label: Text;
  stage: Stage;
  stateId: string;
  candidates: CandidateRule;
  outcomes: { outcome: string; label: Text; targets: string[] }[];
  form: TaskForm;
}

function view(node: AnyStateNode): StateNodeView {
  const meta = node.meta as Partial<TaskMeta> | undefined;
  const transitions: TransitionView[] = [];
  for (const [event, defs] of node.transitions) {
    for (const def of defs) {
      transitions.push({
        event,
        targets: (def.target ?? []).map((n: AnyStateNode) => n.id),
        guarded: !!def.guard,
      });
    }
  }
  for (const def of node.always ?? []) {
    transitions.push({
      event: 'always',
      targets: (def.target ?? []).map((n: AnyStateNode) => n.id),
      guarded: !!def.guard,
    });
  }
  const isStage = node.parent?.id === lifecycleMachine.root.id;
  return {
    id: node.id,
    key: node.key,
    type: node.type,
    label: isStage ? STAGE_LABELS[node.key as Stage] : null,
    task: meta?.task
      ? { type: meta.task.type, label: TASK_LABELS[meta.task.type], candidates: meta.task.candidates }
      : null,
    transitions,
    states: Object.values(node.states as Record<string, AnyStateNode>).map(view),
  };
}

/** The statechart as data: what GET /api/enterprises/:creditCode/statechart returns and the UI draws. */
export function describeStatechart(): StateNodeView {
  return view(lifecycleMachine.root);
}

function collectTasks(node: StateNodeView, stage: Stage | null, out: TaskDefinition[]): TaskDefinition[] {
  const here = stage ?? (node.label ? (node.key as Stage) : null);
  if (node.task) {
    const meta = (lifecycleMachine.getStateNodeById(node.id).meta as TaskMeta).task;
    const prefix = `${node.task.type}.`;
    out.push({
      type: node.task.type,
      label: node.task.label,
      stage: here!,
      stateId: node.id,
      candidates: node.task.candidates,
      outcomes: node.transitions
        .filter((tr) => tr.event.startsWith(prefix))
        .map((tr) => {
          const outcome = tr.event.slice(prefix.length);
          return {
            outcome,
            label: meta.form.outcomes[outcome]?.label ?? { zh: outcome, en: outcome },
            targets: tr.targets,
          };
        }),
      form: meta.form,
    });
  }
  for (const child of node.states) collectTasks(child, here, out);
  return out;
}

/** Ad hoc tasks (whistles) from the root's meta: answered by a task, not by a state's transition. */
function adhocTasks(): TaskDefinition[] {
  const meta = lifecycleMachine.root.meta as AdhocTaskMeta;
  return meta.adhocTasks.map((task) => ({
    type: task.type,
    label: TASK_LABELS[task.type],
    stage: 'supporting',
    stateId: lifecycleMachine.root.id,
    candidates: task.candidates,
    outcomes: Object.entries(task.form.outcomes).map(([outcome, o]) => ({
      outcome,
      label: o.label,
      targets: [],
    })),
    form: task.form,
  }));
}

/** Every task type with its stage, candidates, outcomes and form, read off the statechart. */
export const TASK_DEFINITIONS: ReadonlyMap<TaskType, TaskDefinition> = new Map(
  [...collectTasks(describeStatechart(), null, []), ...adhocTasks()].map((d) => [d.type, d]),
);
