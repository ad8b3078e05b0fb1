import { ANNUAL_REVIEW_PATCH } from './annual-review';
import { APPROVAL_ACTIONS_PATCH } from './approval-actions';
import { DEADLINE_TIMER_PATCH } from './deadline-timer';
import { DEADLINES_PATCH } from './follow-ups';
import { CARRIED_POLICY_PATCH, POOL_SEAT_PATCH, URGE_AND_CC_PATCH } from './lifecycle';
import { PROBLEM_DEADLINES_PATCH } from './problem-work';
import { PROVISIONAL_DEADLINES_PATCH } from './provisional-deadlines';

/** Patch id: District and Cluster follow supplements and the lead cluster assigned at admission. */
export const CURRENT_SEARCH_ATTRIBUTES_PATCH = 'search-attributes-current';

/**
 * Patch id, asked once at the very start of every run (issue 21): the run was started by code in
 * which every patch of PATCHES_IN_EFFECT_AT_START is in effect, so it asks none of them again.
 *
 * Why: a patch asked in the middle of a run is answered, on replay, by whether its marker is among
 * the events of the workflow task being replayed. When a local activity outlives a workflow task
 * (a heartbeat, or a task that timed out under load), the code after it may replay one task earlier
 * than it first ran, ask the patch there, be told "not patched", and take the old path: under the
 * fault tests a completion replayed that way read the projection's receipt as the policy, and the
 * lifecycle's workflow task failed on every retry. Asked in the run's first activation, before any
 * local activity, the answer cannot move. It also records one marker a run instead of one per patch.
 */
export const RUN_START_PATCH = 'lifecycle-patches-at-run-start';

/**
 * The patches in effect when RUN_START_PATCH was introduced. FROZEN: a run that recorded
 * RUN_START_PATCH ran with exactly these; adding one here would make its replay take a path it
 * never took. A later patch is asked where it applies, or gets a run-start patch of its own.
 */
export const PATCHES_IN_EFFECT_AT_START: readonly string[] = [
  DEADLINES_PATCH,
  POOL_SEAT_PATCH,
  CARRIED_POLICY_PATCH,
  CURRENT_SEARCH_ATTRIBUTES_PATCH,
  PROBLEM_DEADLINES_PATCH,
  APPROVAL_ACTIONS_PATCH,
  URGE_AND_CC_PATCH,
  ANNUAL_REVIEW_PATCH,
  PROVISIONAL_DEADLINES_PATCH,
  DEADLINE_TIMER_PATCH,
];

/**
 * Temporal's `patched()` as the lifecycle asks it: call once, synchronously, at the start of a run.
 * In a run that began with RUN_START_PATCH the listed patches are true without asking; in a run
 * recorded before it (replayed from its history) every patch is asked where it was, as before.
 */
export function patchesOfRun(patched: (id: string) => boolean): (id: string) => boolean {
  const allInEffect = patched(RUN_START_PATCH);
  return (id) => (allInEffect && PATCHES_IN_EFFECT_AT_START.includes(id)) || patched(id);
}
