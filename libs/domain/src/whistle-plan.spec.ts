import { Problem } from './ledger';
import { changeProblems } from './problem-work';
import { validateSubmission } from './tasks/submission';
import { visibleStep } from './visibility';
import { answerPlanRefusal, missingPlan, withAnswerPlan } from './whistle-plan';

const whistled: Problem = {
  id: 'p1',
  title: '扩产用地无法落实',
  category: 'enterprise_specific',
  measures: '',
  target: '',
  ownerDepartment: 'industry',
  dueAt: '2027-03-07',
  status: 'open',
  special: null,
};
const diagnosed: Problem = {
  ...whistled,
  measures: '银企对接',
  target: '年内授信',
  ownerDepartment: 'finance',
};
const plan = { measures: '协调规划部门调剂用地指标', target: '年内落实二期用地' };
const answer = (data: Record<string, unknown>) => ({
  outcome: 'respond',
  data: { response: '已协调规划部门', resolved: false, ...data },
});

describe('部门报到 on a whistled new problem sets its plan (二(五) 化解措施、目标任务)', () => {
  it('asks for what the problem lacks: both for a whistled one, nothing for a diagnosed one', () => {
    expect(missingPlan(whistled)).toEqual(['measures', 'target']);
    expect(missingPlan({ measures: '  ', target: '年内' })).toEqual(['measures']);
    expect(missingPlan(diagnosed)).toEqual([]);
  });

  it('refuses an answer that leaves a missing one empty (422 PROBLEM_PLAN_REQUIRED, each field named)', () => {
    expect(answerPlanRefusal(whistled, {})).toMatchObject({
      status: 422,
      code: 'PROBLEM_PLAN_REQUIRED',
      details: [{ field: 'data.measures' }, { field: 'data.target' }],
    });
    expect(answerPlanRefusal(whistled, { measures: plan.measures, target: ' ' })?.details).toEqual([
      { field: 'data.target', text: expect.objectContaining({ zh: '新问题须填写目标任务' }) },
    ]);
    expect(answerPlanRefusal(whistled, plan)).toBeNull();
    expect(answerPlanRefusal(diagnosed, {})).toBeNull();
  });

  it('is checked with the task’s other rules: 400 for a bad field first, then 422 for a missing plan', () => {
    const ctx = { whistledProblem: whistled };
    expect(() => validateSubmission('WHISTLE_RESPONSE', answer({}), ctx)).toThrow(
      expect.objectContaining({ status: 422, code: 'PROBLEM_PLAN_REQUIRED' }),
    );
    expect(() =>
      validateSubmission('WHISTLE_RESPONSE', answer({ ...plan, target: 'x'.repeat(501) }), ctx),
    ).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => validateSubmission('WHISTLE_RESPONSE', answer(plan), ctx)).not.toThrow();
    // A diagnosed problem's answer is as before, with or without the fields.
    expect(() =>
      validateSubmission('WHISTLE_RESPONSE', answer({}), { whistledProblem: diagnosed }),
    ).not.toThrow();
  });

  it('writes the plan where the problem has none, trimmed, and never over the diagnosis’s', () => {
    expect(withAnswerPlan(whistled, { measures: ` ${plan.measures} `, target: plan.target })).toMatchObject(
      plan,
    );
    expect(withAnswerPlan(diagnosed, plan)).toBe(diagnosed);
    // Answers recorded before the form had the fields: the problem stays as it was.
    expect(withAnswerPlan(whistled, {})).toBe(whistled);
  });

  it('enters the ledger with the answer, whatever the answer says of the problem', () => {
    const change = {
      type: 'whistle_answered' as const,
      problemId: 'p1',
      response: '已协调',
      closeReview: true,
      actor: 'industry-t2',
      at: '2026-12-07T08:00:00Z',
      ...plan,
    };
    expect(changeProblems([whistled], { ...change, resolved: false })[0]).toMatchObject({
      ...plan,
      status: 'in_progress',
    });
    expect(changeProblems([whistled], { ...change, resolved: true })[0]).toMatchObject({
      ...plan,
      status: 'closing',
    });
    expect(changeProblems([diagnosed], { ...change, resolved: false })[0]).toMatchObject({
      measures: '银企对接',
      target: '年内授信',
    });
  });

  it('is read by the enterprise as the ledger’s facts, the reply as before', () => {
    const step = {
      taskType: 'WHISTLE_RESPONSE' as const,
      outcome: 'respond',
      data: { response: '已协调', resolved: false, ...plan },
      actor: 'industry-t2',
    };
    expect(visibleStep('enterprise_user', step)).toEqual({ ...step, actor: null });
  });
});
