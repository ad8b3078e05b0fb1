import type { TaskType } from '../task-types';

/**
 * The approval actions officers know from 钉钉/企业微信/飞书 beside 同意/不同意 (issue 17):
 * 退回 return, 撤回 withdraw, 催办 urge, 加签/会签 countersign, 抄送 cc, 转办 delegate.
 */
export const APPROVAL_ACTIONS = ['return', 'withdraw', 'urge', 'countersign', 'cc', 'delegate'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

/**
 * What a step allows. `return` names the step a task is sent back to (null: not allowed); the
 * statechart's RETURN transitions (workflows/lifecycle/machine.ts) go there, and its spec checks
 * that they agree with this table. The others say whether the action is offered on the step.
 */
export interface StepActions {
  return: TaskType | null;
  withdraw: boolean;
  urge: boolean;
  countersign: boolean;
  cc: boolean;
  delegate: boolean;
}

const step = (over: Partial<StepActions> = {}): StepActions => ({
  return: null,
  withdraw: false,
  urge: true,
  countersign: false,
  cc: true,
  delegate: true,
  ...over,
});

/**
 * The one definition of which action each step allows, read by the statechart's meta (so the
 * workflow's validators), the API (the task's `actions`) and the UI (its buttons).
 *
 * Withdraw is left out where the completion did something the lifecycle cannot take back by
 * itself: ADMIT reserved a seat in the pool, DIAGNOSE wrote the ledger's problems under fresh ids.
 * A countersignature and a whistle's response open nothing to withdraw into.
 */
export const STEP_ACTIONS: Record<TaskType, StepActions> = {
  SCREEN: step({ withdraw: true, countersign: true }),
  SUPPLEMENT: step({ withdraw: true }),
  DISTRICT_FEEDBACK: step({ withdraw: true, countersign: true }),
  ENTERPRISE_CONFIRM: step({ withdraw: true }),
  ADMIT: step({ return: 'SCREEN', countersign: true }),
  DIAGNOSE: step({ countersign: true }),
  QUARTERLY_REPORT: step({ withdraw: true }),
  QUARTERLY_REVIEW: step({ return: 'QUARTERLY_REPORT', withdraw: true, countersign: true }),
  GRADUATION_REVIEW: step({ return: 'QUARTERLY_REVIEW', withdraw: true, countersign: true }),
  WHISTLE_RESPONSE: step({ countersign: true }),
  // Ledger decisions (issue 19.1): the coordinators may ask a colleague's opinion; the request
  // is the department's, so nothing to send back or withdraw into.
  PROBLEM_CLOSE: step({ countersign: true }),
  PROBLEM_EXTENSION: step({ countersign: true }),
  // The enterprise's yearly figures (issue 19.3): its submission may open a graduation review.
  ANNUAL_UPDATE: step(),
  // A countersignature is asked of one person: it is not passed on, copied or countersigned again.
  COUNTERSIGN: step({ cc: false, delegate: false }),
};

/** Whether a 退回 can send some step back to this one (it then reopens for its last doer). */
export function isReturnTarget(type: TaskType): boolean {
  return Object.values(STEP_ACTIONS).some((s) => s.return === type);
}

export function stepActions(type: TaskType): StepActions {
  return STEP_ACTIONS[type];
}
