import { FieldError, RuleViolation } from './errors';
import { Problem, PROBLEM_TARGET_LABEL } from './ledger';
import { t } from './text';

/**
 * 二(五) 对照化解问题台账，提出化解措施、明确目标任务: every ledger problem has its measures and its
 * target. A whistle on a new problem puts it in the ledger without them, so the department that
 * answers it (部门报到) sets them with its answer. A problem that has them (diagnosed, or answered
 * so before) keeps them: its answer neither asks for them nor changes them.
 */
export const PROBLEM_PLAN_FIELDS = ['measures', 'target'] as const;
export type ProblemPlanField = (typeof PROBLEM_PLAN_FIELDS)[number];
export type ProblemPlan = Pick<Problem, ProblemPlanField>;

/** What of its plan a problem lacks: both for a whistled new problem, nothing for a diagnosed one. */
export function missingPlan(problem: ProblemPlan): ProblemPlanField[] {
  return PROBLEM_PLAN_FIELDS.filter((field) => !problem[field].trim());
}

function given(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** 422 PROBLEM_PLAN_REQUIRED naming each field the problem lacks and the answer leaves empty. */
export function answerPlanRefusal(
  problem: ProblemPlan,
  data: Partial<Record<ProblemPlanField, unknown>>,
): RuleViolation | null {
  const unset = missingPlan(problem).filter((field) => !given(data[field]));
  if (!unset.length) return null;
  const details: FieldError[] = unset.map((field) => ({
    field: `data.${field}`,
    text:
      field === 'measures'
        ? t('新问题须填写化解措施', 'a new problem needs its measures')
        : t(`新问题须填写${PROBLEM_TARGET_LABEL.zh}`, 'a new problem needs its target'),
  }));
  return new RuleViolation(
    'PROBLEM_PLAN_REQUIRED',
    t(
      `该问题由企业吹哨新增，台账中尚无化解措施和${PROBLEM_TARGET_LABEL.zh}：部门报到时须一并填写`,
      'the whistle put this problem in the ledger without measures or a target: the answer sets them',
    ),
    details,
  );
}

/**
 * The problem with the answer's plan where it had none. Answers recorded before the form had these
 * fields carry none, so the problems of their replays stay as they were.
 */
export function withAnswerPlan<P extends ProblemPlan>(
  problem: P,
  data: Partial<Record<ProblemPlanField, unknown>>,
): P {
  const set = missingPlan(problem).filter((field) => given(data[field]));
  if (!set.length) return problem;
  return { ...problem, ...Object.fromEntries(set.map((field) => [field, String(data[field]).trim()])) };
}
