/**
 * What moved a lifecycle when no task, approval action, urge, copy or claim did, as the workflow
 * names it on the transition's projection (its `cause`): the receipt alone cannot tell a quarter
 * tick that opened nothing, ledger work or an overdue follow-up apart. Transitions logged before the
 * field have none. The workflow writes `problem_<ledger work kind>` and `problem_<overdue kind>`,
 * so a kind added there without its cause here fails to compile.
 */
export const TRANSITION_CAUSES = [
  'quarter_tick',
  'whistle_escalated',
  'problem_progress',
  'problem_close_request',
  'problem_extend',
  'problem_handling',
  'problem_reminder',
  'problem_escalation',
] as const;
export type TransitionCause = (typeof TRANSITION_CAUSES)[number];

export function isTransitionCause(value: unknown): value is TransitionCause {
  return (TRANSITION_CAUSES as readonly unknown[]).includes(value);
}
