import { STEP_ACTIONS } from '../approval-actions/allowed';
import { RETURNED_OUTCOME } from '../approval-actions/return';
import { CLOSE_WITHDRAWN_OUTCOME } from '../ledger';
import { TaskType } from '../task-types';
import { Reader } from './readers';

/**
 * What a field of a completed step is, for the purpose of who may read it:
 * - `deliberation`: an officer's judgment, note, opinion, score or comment;
 * - `ledger_note`: an officer's progress note on a ledger item (departments work the ledger), and
 *   the coordinators' reason for refusing a department's request on it (销号退回, 延期未批准);
 * - `ledger`: the ledger items themselves (问题, 措施, 目标, 责任部门, 时限, 状态);
 * - `ledger_handling`: the coordinators' classification of an item as a 重大疑难问题 handled
 *   一企一策 / 一事一议 (二(五): their 分析研判 of the hard cases, for 统筹协调和资源调度 among the
 *   departments): the departments who work the item read it, the enterprise does not;
 * - `assignment`: who serves the enterprise from now on (牵头处室, 服务专员, 区县联络人);
 * - `decision_reason`: the reason a final decision gives the enterprise (不予入库, 毕业移出, 退出);
 * - `request`: what the enterprise is asked to supply;
 * - `reply`: a department's answer to the enterprise's whistle;
 * - `submission`: what the enterprise itself submitted.
 */
export const FIELD_CLASSES = [
  'deliberation',
  'ledger_note',
  'ledger',
  'ledger_handling',
  'assignment',
  'decision_reason',
  'request',
  'reply',
  'submission',
] as const;
export type FieldClass = (typeof FIELD_CLASSES)[number];

/** A field's class, or, for a list of objects, the class of each item's fields. */
export type FieldRule = FieldClass | { item: Record<string, FieldClass> };

const allBut = (...hidden: FieldClass[]): ReadonlySet<FieldClass> =>
  new Set(FIELD_CLASSES.filter((c) => !hidden.includes(c)));

/** Each reader reads every class but what is kept from it. */
export const READABLE_CLASSES: Record<Reader, ReadonlySet<FieldClass>> = {
  officer: allBut(),
  department: allBut('deliberation'),
  enterprise: allBut('deliberation', 'ledger_note', 'ledger_handling'),
};

const ENTERPRISE_STEPS = [
  'SUPPLEMENT',
  'ENTERPRISE_CONFIRM',
  'QUARTERLY_REPORT',
  'ANNUAL_UPDATE',
] as const satisfies readonly TaskType[];
export type EnterpriseTaskType = (typeof ENTERPRISE_STEPS)[number];

/** Task types the enterprise does itself: it reads its own steps whole, and who did them. */
export const ENTERPRISE_TASK_TYPES: readonly TaskType[] = ENTERPRISE_STEPS;

const REVIEW_FIELDS: Record<string, FieldRule> = {
  problemUpdates: { item: { problemId: 'ledger', status: 'ledger', note: 'ledger_note' } },
  comment: 'deliberation',
};

/** A problem the diagnosis lists (PROBLEM_FIELDS of tasks/forms.ts): the ledger item, and its handling. */
const DIAGNOSED_PROBLEM_FIELDS: Record<string, FieldClass> = {
  title: 'ledger',
  category: 'ledger',
  measures: 'ledger',
  target: 'ledger',
  ownerDepartment: 'ledger',
  dueAt: 'ledger',
  special: 'ledger_handling',
};

/**
 * The class of every field of every outcome (the forms are in tasks/forms.ts). A field missing here
 * is a deliberation: a field added to a form stays hidden from the enterprise until it is classed.
 */
export const STEP_FIELD_CLASSES: Record<TaskType, Record<string, Record<string, FieldRule>>> = {
  SCREEN: {
    pass: { judgments: 'deliberation', justifications: 'deliberation', note: 'deliberation' },
    reject: { reason: 'decision_reason' },
    request_info: { questions: 'request' },
  },
  SUPPLEMENT: { submit: { corrections: 'submission', note: 'submission' } },
  DISTRICT_FEEDBACK: { support: { opinion: 'deliberation' }, oppose: { opinion: 'deliberation' } },
  ENTERPRISE_CONFIRM: { confirm: { note: 'submission' }, decline: { note: 'submission' } },
  ADMIT: {
    admit: {
      leadCluster: 'assignment',
      commissioner: 'assignment',
      districtLiaison: 'assignment',
      reason: 'deliberation',
    },
    reject: { reason: 'decision_reason' },
  },
  DIAGNOSE: { submit: { portrait: 'deliberation', problems: { item: DIAGNOSED_PROBLEM_FIELDS } } },
  QUARTERLY_REPORT: {
    submit: {
      quarter: 'submission',
      revenue: 'submission',
      rdExpense: 'submission',
      headcount: 'submission',
      newClassOneIp: 'submission',
      financing: 'submission',
      listingProgress: 'submission',
      note: 'submission',
    },
  },
  QUARTERLY_REVIEW: {
    continue: REVIEW_FIELDS,
    recommend_graduation: REVIEW_FIELDS,
    recommend_exit: REVIEW_FIELDS,
  },
  GRADUATION_REVIEW: {
    graduate: { reason: 'decision_reason', note: 'deliberation' },
    exit: { reason: 'decision_reason', note: 'deliberation' },
    continue: { note: 'deliberation' },
  },
  // The plan a department sets on a whistled new problem is the ledger's (whistle-plan.ts).
  WHISTLE_RESPONSE: {
    respond: { response: 'reply', resolved: 'reply', measures: 'ledger', target: 'ledger' },
  },
  PROBLEM_CLOSE: { confirm: { opinion: 'deliberation' }, reject: { opinion: 'ledger_note' } },
  PROBLEM_EXTENSION: { approve: { opinion: 'deliberation' }, reject: { opinion: 'ledger_note' } },
  ANNUAL_UPDATE: {
    submit: {
      revenuePrevYear: 'submission',
      rdExpensePrevYear: 'submission',
      classOneIpCount: 'submission',
      techCenter: 'submission',
      listed: 'submission',
      note: 'submission',
    },
  },
  COUNTERSIGN: { agree: { opinion: 'deliberation' }, disagree: { opinion: 'deliberation' } },
};

/**
 * A 退回 (outcome `returned`, workflows/lifecycle returnTask) carries the reason the step sent back
 * must be redone for. Sent back to the enterprise's own step (QUARTERLY_REVIEW → QUARTERLY_REPORT)
 * it is what the enterprise is asked to correct, a request it reads on the reopened task too; sent
 * back to an officer's step (ADMIT → SCREEN, GRADUATION_REVIEW → QUARTERLY_REVIEW) it is an
 * officer's judgment on a colleague's work, so unclassed: a deliberation.
 */
function returnedFields(type: TaskType): Record<string, FieldRule> {
  const target = STEP_ACTIONS[type]?.return;
  return target && ENTERPRISE_TASK_TYPES.includes(target) ? { reason: 'request' } : {};
}

/** Why the close request was withdrawn (a ledger note) and the department's reply to the enterprise. */
const CLOSE_WITHDRAWN_FIELDS: Record<string, FieldRule> = { reason: 'ledger_note', response: 'reply' };

/** The classes of a completed step's fields: its outcome's in STEP_FIELD_CLASSES, or a 退回's. */
export function stepFieldRules(type: TaskType | null, outcome: string): Record<string, FieldRule> {
  if (!type) return {};
  if (outcome === RETURNED_OUTCOME) return returnedFields(type);
  // Not the coordinators' outcome: the department's answer to a whistle withdrew the request (ledger.ts).
  if (type === 'PROBLEM_CLOSE' && outcome === CLOSE_WITHDRAWN_OUTCOME) return CLOSE_WITHDRAWN_FIELDS;
  return STEP_FIELD_CLASSES[type]?.[outcome] ?? {};
}
