import { RETURNED_LABEL, RETURNED_OUTCOME } from '../approval-actions/return';
import { HISTORY_LABELS } from '../history-labels';
import { CLOSE_WITHDRAWN_LABEL, CLOSE_WITHDRAWN_OUTCOME } from '../ledger';
import { Role } from '../roles';
import { TASK_FORMS } from '../tasks/forms';
import { TaskType } from '../task-types';
import { t, Text } from '../text';
import { readerOf } from './readers';
import type { EnterpriseTaskType } from './step-fields';

/**
 * What an officer's outcome is to the enterprise it is about:
 * - `decision`: a decision about its path the city owes it (a stage change, an end, a request to it,
 *   the answer to its whistle, what becomes of its ledger items): it reads the outcome;
 * - `opinion`: an opinion or a recommendation that feeds someone else's decision: it reads only that
 *   the step was done, and when (`DONE_OUTCOME`).
 */
export type OutcomeKind = 'decision' | 'opinion';

export type OfficerTaskType = Exclude<TaskType, EnterpriseTaskType>;

/** Every outcome of an officer's step (its form's, and `returned` where a 退回 is allowed), and why. */
export interface OfficerStepOutcomes {
  outcomes: Record<string, OutcomeKind>;
  why: string;
}

/**
 * The one table of officers' outcomes (docs/security.md, "Who sees what"). An outcome missing here,
 * or a step without a type, is an opinion: a new outcome stays hidden from the enterprise until it is
 * classed, and `step-outcomes.spec.ts` fails until it is.
 */
export const OFFICER_STEP_OUTCOMES: Record<OfficerTaskType, OfficerStepOutcomes> = {
  SCREEN: {
    outcomes: { pass: 'decision', reject: 'decision', request_info: 'decision' },
    why: "科技处's screening decides whether the nomination goes on, ends (with a reason it is owed) or comes back to it for more",
  },
  DISTRICT_FEEDBACK: {
    outcomes: { support: 'opinion', oppose: 'opinion' },
    why: "the district's opinion on the nomination (区县反馈意见): the enterprise learns the path's decision from its stage (入库审定 or 未入库), never the district's view of it",
  },
  ADMIT: {
    outcomes: { admit: 'decision', reject: 'decision', [RETURNED_OUTCOME]: 'opinion' },
    why: "admission is the city's decision on membership, with who serves it from now on; a 退回 to the screening is one officer's judgment on a colleague's work",
  },
  DIAGNOSE: {
    outcomes: { submit: 'decision' },
    why: 'the diagnosis lays down the ledger of problems the enterprise is helped with; its outcome says nothing of the portrait, which stays a deliberation',
  },
  QUARTERLY_REVIEW: {
    outcomes: {
      continue: 'opinion',
      recommend_graduation: 'opinion',
      recommend_exit: 'opinion',
      [RETURNED_OUTCOME]: 'decision',
    },
    why: "the lead cluster's recommendation (继续帮扶 / 建议毕业 / 建议退出) feeds the coordinator's graduation review; a 退回 of the enterprise's own report is a request to it, with its reason",
  },
  GRADUATION_REVIEW: {
    outcomes: { graduate: 'decision', exit: 'decision', continue: 'decision', [RETURNED_OUTCOME]: 'opinion' },
    why: "the city's decision to graduate, exit or keep supporting the enterprise; a 退回 to the quarterly review is one officer's judgment on a colleague's work",
  },
  WHISTLE_RESPONSE: {
    outcomes: { respond: 'decision' },
    why: "the department's answer to the enterprise's own whistle, addressed to it",
  },
  // A refusal answers the department that asked, as the request was its (decisionToldToEnterprise).
  PROBLEM_CLOSE: {
    outcomes: { confirm: 'decision', reject: 'opinion' },
    why: "销号确认 is the city's decision that one of the enterprise's problems is solved, which it is told; 退回继续化解 answers the department's request, the departments' business",
  },
  PROBLEM_EXTENSION: {
    outcomes: { approve: 'decision', reject: 'opinion' },
    why: "延期批准 moves the due date of the enterprise's problem, which it is told; a refusal answers the department's request, the departments' business",
  },
  COUNTERSIGN: {
    outcomes: { agree: 'opinion', disagree: 'opinion' },
    why: '加签/会签: a colleague’s opinion asked by the holder of another step, feeding that step’s decision',
  },
};

/** The outcome an enterprise reads of an officer's opinion: that the step was done. */
export const DONE_OUTCOME = 'done';
export const DONE_LABEL = t('已办理', 'Done');

/** Whether an officer's outcome is a decision the enterprise reads; unknown outcomes are opinions. */
export function outcomeIsDecision(type: TaskType | null, outcome: string): boolean {
  const step =
    type === null
      ? undefined
      : (OFFICER_STEP_OUTCOMES as Partial<Record<TaskType, OfficerStepOutcomes>>)[type];
  return !!step && Object.hasOwn(step.outcomes, outcome) && step.outcomes[outcome] === 'decision';
}

/** A step's outcome in words: its form's label, 退回 for a step sent back, 已办理 for an opinion kept from the reader; null when unknown. */
export function stepOutcomeLabel(taskType: TaskType, outcome: string): Text | null {
  if (outcome === RETURNED_OUTCOME) return RETURNED_LABEL;
  if (outcome === DONE_OUTCOME) return DONE_LABEL;
  if (taskType === 'PROBLEM_CLOSE' && outcome === CLOSE_WITHDRAWN_OUTCOME) return CLOSE_WITHDRAWN_LABEL;
  return TASK_FORMS[taskType]?.outcomes[outcome]?.label ?? null;
}

/** A completed step's line in the history: 区县反馈意见：同意, or ：已办理 as the enterprise reads an opinion. */
export function completionLabel(type: TaskType | null, outcome: string): Text {
  return HISTORY_LABELS.completed(type, outcome, type && stepOutcomeLabel(type, outcome));
}

/** The feedback stage and the district's lane in it (区县和企业反馈, workflows/lifecycle/machine.ts). */
const FEEDBACK = 'feedback';
const DISTRICT_LANE = 'district';

/**
 * The statechart's state as the reader may see it. While the district and the enterprise answer side
 * by side (区县和企业反馈), the district's branch reads `agreed` once it supported the nomination:
 * its opinion, which an enterprise does not read (`DISTRICT_FEEDBACK` above). The enterprise sees
 * its own branch only; the stage says the rest.
 */
export function visibleStateValue(role: Role, stateValue: unknown): unknown {
  if (readerOf(role) !== 'enterprise' || !isRecord(stateValue) || !isRecord(stateValue[FEEDBACK])) {
    return stateValue;
  }
  const { [DISTRICT_LANE]: _opinion, ...own } = stateValue[FEEDBACK];
  return { ...stateValue, [FEEDBACK]: own };
}

/** A state of the statechart's definition (`StateNodeView` of workflows/lifecycle/definition.ts). */
export interface StatechartNode<N> {
  key: string;
  states: N[];
}

/**
 * The statechart's definition as the reader may see it, drawn with `visibleStateValue`: an
 * enterprise's chart has its own lane of the feedback and not the district's, whose 区县反馈意见 →
 * 已同意 it would see drawn beside its path without ever being lit (that state is kept from it).
 */
export function visibleStatechart<N extends StatechartNode<N>>(role: Role, root: N): N {
  if (readerOf(role) !== 'enterprise') return root;
  const ownLanes = (stage: N): N =>
    stage.key === FEEDBACK
      ? { ...stage, states: stage.states.filter((s) => s.key !== DISTRICT_LANE) }
      : stage;
  return { ...root, states: root.states.map(ownLanes) };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
