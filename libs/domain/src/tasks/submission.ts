import { FieldError, InvalidInput, RuleViolation } from '../errors';
import { ValidationContext, validateFields } from '../forms/validate';
import { ScreeningReport, failedCriteria } from '../screening';
import { TaskType } from '../task-types';
import { t } from '../text';
import { answerPlanRefusal, ProblemPlan } from '../whistle-plan';
import { TASK_FORMS } from './forms';

/** What the rules of a task need to know about the enterprise, supplied by the workflow. */
export interface SubmissionContext extends ValidationContext {
  screening?: ScreeningReport;
  /** Ids of the enterprise's ledger problems (QUARTERLY_REVIEW may only update those). */
  problemIds?: readonly string[];
  /** Of those, the ones whose close-out (申请销号) awaits the coordinators' PROBLEM_CLOSE. */
  closingProblemIds?: readonly string[];
  /** Quarters already reported (a quarter is reported once). */
  reportedQuarters?: readonly string[];
  /** The quarter a QUARTERLY_REPORT task asks for (一季一调度's tick): the report must be of it. */
  taskQuarter?: string | null;
  /** Today in Asia/Shanghai, YYYY-MM-DD: problem due dates must not lie in the past. */
  today?: string;
  /** The ledger problem a WHISTLE_RESPONSE answers: its answer sets the plan it lacks. */
  whistledProblem?: ProblemPlan;
}

export interface Submission {
  outcome: string;
  data: Record<string, unknown>;
}

/**
 * Checks a task completion: the outcome is one of the task's, the data fits the outcome's form
 * (400), and the policy's rules accept it (422). Pure: the workflow's update validator and the API
 * run the same code.
 */
export function validateSubmission(
  type: TaskType,
  submission: Submission,
  ctx: SubmissionContext = {},
): void {
  const form = TASK_FORMS[type];
  const outcome = form.outcomes[submission.outcome];
  if (!outcome) {
    throw new InvalidInput([
      {
        field: 'outcome',
        text: t(
          `${type} 的结果应为 ${Object.keys(form.outcomes).join(' / ')}`,
          `outcome of ${type} must be one of ${Object.keys(form.outcomes).join(', ')}`,
        ),
      },
    ]);
  }
  const errors = validateFields(outcome.fields, submission.data ?? {}, ctx, 'data');
  if (errors.length) throw new InvalidInput(errors);
  const refusals = RULES[type]?.(submission.outcome, submission.data ?? {}, ctx) ?? [];
  if (refusals.length) throw refusals[0];
}

type Rule = (outcome: string, data: Record<string, any>, ctx: SubmissionContext) => RuleViolation[];

const RULES: Partial<Record<TaskType, Rule>> = {
  SCREEN: screenRules,
  QUARTERLY_REPORT: (_outcome, data, ctx) => {
    // The task is the quarter's: a report of another quarter is not what was asked for.
    if (ctx.taskQuarter && data.quarter !== ctx.taskQuarter) {
      return [
        new RuleViolation(
          'QUARTER_NOT_THE_TASKS',
          t(
            `该任务为 ${ctx.taskQuarter} 的季度报告，不能提交 ${data.quarter} 的`,
            `this task is the report for ${ctx.taskQuarter}, not ${data.quarter}`,
          ),
          [{ field: 'data.quarter', text: t(`应为 ${ctx.taskQuarter}`, `must be ${ctx.taskQuarter}`) }],
        ),
      ];
    }
    return ctx.reportedQuarters?.includes(data.quarter)
      ? [
          new RuleViolation(
            'QUARTER_ALREADY_REPORTED',
            t(`${data.quarter} 的季度报告已提交`, `the report for ${data.quarter} was already filed`),
            [{ field: 'data.quarter', text: t('该季度已报告', 'already reported') }],
          ),
        ]
      : [];
  },
  QUARTERLY_REVIEW: (_outcome, data, ctx) => {
    const known = new Set(ctx.problemIds ?? []);
    const closing = new Set(ctx.closingProblemIds ?? []);
    const updates: { u: { problemId: string }; i: number }[] = (data.problemUpdates ?? []).map(
      (u: { problemId: string }, i: number) => ({ u, i }),
    );
    const at = (i: number, zh: string, en: string): FieldError => ({
      field: `data.problemUpdates[${i}].problemId`,
      text: t(zh, en),
    });
    const unknown = updates
      .filter(({ u }) => !known.has(u.problemId))
      .map(({ i }) => at(i, '不是该企业台账中的问题', 'not a problem of this enterprise'));
    // A close-out asked for is the coordinators' to decide (PROBLEM_CLOSE): a review that set the
    // problem's status would take that task from them unseen, or close the problem in their place.
    const awaiting = updates
      .filter(({ u }) => closing.has(u.problemId))
      .map(({ i }) => at(i, '该问题的销号申请正在科技处审核', 'its close-out awaits the coordinators'));
    return [
      ...(unknown.length
        ? [new RuleViolation('UNKNOWN_PROBLEM', t('台账中没有该问题', 'unknown ledger problem'), unknown)]
        : []),
      ...(awaiting.length
        ? [
            new RuleViolation(
              'PROBLEM_CLOSING',
              t(
                '销号审核中的问题由科技处审核决定，季度评审不能更改其状态',
                'a problem whose close-out awaits the coordinators is theirs to decide, not the review’s',
              ),
              awaiting,
            ),
          ]
        : []),
    ];
  },
  WHISTLE_RESPONSE: (_outcome, data, ctx) => {
    const refusal = ctx.whistledProblem && answerPlanRefusal(ctx.whistledProblem, data);
    return refusal ? [refusal] : [];
  },
  DIAGNOSE: (_outcome, data, ctx) => {
    if (!ctx.today) return [];
    const past: FieldError[] = (data.problems ?? [])
      .map((p: { dueAt: string }, i: number) => ({ p, i }))
      .filter(({ p }: { p: { dueAt: string } }) => p.dueAt < ctx.today!)
      .map(({ i }: { i: number }) => ({
        field: `data.problems[${i}].dueAt`,
        text: t('完成时限不能早于今天', 'must not be in the past'),
      }));
    return past.length
      ? [
          new RuleViolation(
            'DUE_DATE_IN_PAST',
            t('问题完成时限不能早于今天', 'a due date lies in the past'),
            past,
          ),
        ]
      : [];
  },
};

/** 二(一): a hard failure blocks "pass"; a soft failure needs a justification; a judgment needs a note. */
function screenRules(outcome: string, data: Record<string, any>, ctx: SubmissionContext): RuleViolation[] {
  if (outcome !== 'pass' || !ctx.screening) return [];
  const hard = failedCriteria(ctx.screening, 'hard');
  if (hard.length) {
    return [
      new RuleViolation(
        'SCREENING_HARD_CRITERION_FAILED',
        t(
          `硬性指标未达标，不能通过：${hard.map((c) => `${c.id} ${c.detail}`).join('；')}`,
          `hard criteria failed: ${hard.map((c) => `${c.id} ${c.detailEn}`).join('; ')}`,
        ),
        hard.map((c) => ({ field: `criteria.${c.id}`, text: t(c.detail, c.detailEn) })),
      ),
    ];
  }
  const unjustified = failedCriteria(ctx.screening, 'soft').filter(
    (c) => !String(data.justifications?.[c.id] ?? '').trim(),
  );
  if (unjustified.length) {
    return [
      new RuleViolation(
        'SCREENING_JUSTIFICATION_REQUIRED',
        t(
          `以下指标未达标，需书面说明理由：${unjustified.map((c) => c.id).join('、')}`,
          `a written justification is required for ${unjustified.map((c) => c.id).join(', ')}`,
        ),
        unjustified.map((c) => ({
          field: `data.justifications.${c.id}`,
          text: t(`${c.detail}，需说明理由`, `${c.detailEn}: justification required`),
        })),
      ),
    ];
  }
  const unaffirmed = (['C2', 'C6'] as const).filter(
    (id) => data.judgments?.[id]?.affirmed !== true || !String(data.judgments?.[id]?.note ?? '').trim(),
  );
  if (unaffirmed.length) {
    return [
      new RuleViolation(
        'SCREENING_JUDGMENT_REQUIRED',
        t(
          `需确认并填写研判意见：${unaffirmed.join('、')}`,
          `${unaffirmed.join(', ')} must be affirmed with a note`,
        ),
        unaffirmed.map((id) => ({
          field: `data.judgments.${id}`,
          text: t('需确认并填写意见', 'must be affirmed with a note'),
        })),
      ),
    ];
  }
  return [];
}
