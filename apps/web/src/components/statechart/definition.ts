import type { Text } from '../../api/types';

/** A state node of GET /api/enterprises/:creditCode/statechart (workflows/lifecycle/definition.ts). */
export interface StateNodeView {
  id: string;
  key: string;
  type: string;
  label: Text | null;
  task: { type: string; label: Text } | null;
  transitions: { event: string; targets: string[]; guarded: boolean }[];
  states: StateNodeView[];
}

export interface Statechart {
  definition: StateNodeView;
  current: { stage: string; stateValue: unknown };
}

/**
 * Whether the node at this path of keys (below the root) is in the xstate state value: a string
 * names one active child, an object one entry per active child (all regions of a parallel state).
 */
export function isActive(path: string[], stateValue: unknown): boolean {
  let value = stateValue;
  for (const key of path) {
    if (typeof value === 'string') return value === key && path[path.length - 1] === key;
    if (!value || typeof value !== 'object' || !(key in value)) return false;
    value = (value as Record<string, unknown>)[key];
  }
  return true;
}

/** The top-level state a node id belongs to, e.g. "lifecycle.feedback.district.pending" → "feedback". */
export function topLevelKey(rootId: string, id: string): string {
  return id.slice(rootId.length + 1).split('.')[0];
}

/** Every transition leaving a node or one of its descendants, by the top-level state it reaches. */
export function targetsOf(rootId: string, node: StateNodeView): Set<string> {
  const targets = new Set<string>();
  const visit = (n: StateNodeView) => {
    for (const tr of n.transitions) for (const id of tr.targets) targets.add(topLevelKey(rootId, id));
    n.states.forEach(visit);
  };
  visit(node);
  targets.delete(node.key);
  return targets;
}
