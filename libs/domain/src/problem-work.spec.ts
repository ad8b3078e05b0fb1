import { CLOSE_WITHDRAWN_OUTCOME, Problem } from './ledger';
import {
  changeProblems,
  closeWithdrawnData,
  pendingProblemFollowUps,
  problemWorkEnded,
  problemWorkEndedError,
  ProblemDecision,
  problemDecisionAudience,
  problemDecisionText,
  problemFollowUps,
  problemWorkKinds,
  problemWorkRefusal,
} from './problem-work';
import { visibleStep } from './visibility';
import { visibleProblemWork } from './visibility/problem-work';

const problem: Problem = {
  id: 'p1',
  title: '融资难',
  category: 'policy_support',
  measures: '对接',
  target: '授信',
  ownerDepartment: 'district',
  dueAt: '2026-03-10',
  status: 'open',
};
const facts = { creditCode: 'X', district: '500112', commissioner: 'zhuanyuan', nominatorGroups: [] };

describe('ledger work rules', () => {
  it('lets the owner department (a district problem: its district officers) and the commissioner work it', () => {
    const work = { kind: 'progress' as const, problemId: 'p1', fields: { note: '进展' } };
    const district = { username: 'd', role: 'district_officer' as const, scope: { districts: ['500112'] } };
    const other = { username: 'o', role: 'district_officer' as const, scope: { districts: ['500113'] } };
    const commissioner = { username: 'zhuanyuan', role: 'commissioner' as const, scope: {} };
    expect(problemWorkRefusal(district, work, problem, facts, '2026-03-01')).toBeNull();
    expect(problemWorkRefusal(commissioner, work, problem, facts, '2026-03-01')).toBeNull();
    expect(problemWorkRefusal(other, work, problem, facts, '2026-03-01')).toMatchObject({ status: 403 });
  });

  it('offers each kind of work the rule lets through, none once the lifecycle has ended', () => {
    const district = { username: 'd', role: 'district_officer' as const, scope: { districts: ['500112'] } };
    const finance = { username: 'f', role: 'finance_officer' as const, scope: { department: 'finance' } };
    const coordinator = { username: 'c', role: 'city_coordinator' as const, scope: {} };
    const financeProblem = { ...problem, ownerDepartment: 'finance' as const };
    expect(problemWorkKinds(district, problem, facts, 'supporting')).toEqual([
      'progress',
      'close_request',
      'extend',
    ]);
    expect(problemWorkKinds(district, financeProblem, facts, 'supporting')).toEqual([]);
    expect(problemWorkKinds(finance, financeProblem, facts, 'supporting')).toEqual([
      'progress',
      'close_request',
      'extend',
    ]);
    expect(problemWorkKinds(coordinator, financeProblem, facts, 'supporting')).toEqual(['handling']);
    // A pending request is not asked for twice; a closed-out problem is not worked; an ended lifecycle not at all.
    const pending = {
      ...problem,
      status: 'closing' as const,
      extension: { dueAt: '2026-04-01', reason: '原因', by: 'd', at: '2026-03-01T00:00:00Z' },
    };
    expect(problemWorkKinds(district, pending, facts, 'supporting')).toEqual(['progress']);
    expect(problemWorkKinds(district, { ...problem, status: 'resolved' }, facts, 'supporting')).toEqual([]);
    expect(problemWorkKinds(district, problem, facts, 'graduated')).toEqual([]);
    expect(problemWorkKinds(coordinator, problem, facts, 'exited')).toEqual([]);
  });

  it('closes a resolved problem to all work, the coordinators’ 一企一策 / 一事一议 too (422 PROBLEM_RESOLVED)', () => {
    const coordinator = { username: 'c', role: 'city_coordinator' as const, scope: {} };
    const district = { username: 'd', role: 'district_officer' as const, scope: { districts: ['500112'] } };
    const resolved = { ...problem, status: 'resolved' as const };
    const handling = {
      kind: 'handling' as const,
      problemId: 'p1',
      fields: { handling: 'one_matter_one_discussion' },
    };
    expect(problemWorkKinds(coordinator, problem, facts, 'supporting')).toEqual(['handling']);
    expect(problemWorkKinds(coordinator, resolved, facts, 'supporting')).toEqual([]);
    expect(problemWorkRefusal(coordinator, handling, problem, facts, '2026-03-01')).toBeNull();
    for (const fields of [{ handling: 'one_enterprise_one_policy' }, { handling: null }]) {
      expect(
        problemWorkRefusal(coordinator, { ...handling, fields }, resolved, facts, '2026-03-01'),
      ).toMatchObject({
        status: 422,
        code: 'PROBLEM_RESOLVED',
        text: { zh: '该问题已销号，不再办理' },
      });
    }
    // Who may do it is answered first, as for the owners' work: others are still not coordinators.
    expect(problemWorkRefusal(district, handling, resolved, facts, '2026-03-01')).toMatchObject({
      status: 403,
      code: 'NOT_A_COORDINATOR',
    });
  });

  it('asks for a later due date that is not in the past', () => {
    const district = { username: 'd', role: 'district_officer' as const, scope: { districts: ['500112'] } };
    const extend = (dueAt: string) => ({
      kind: 'extend' as const,
      problemId: 'p1',
      fields: { dueAt, reason: '原因' },
    });
    expect(problemWorkRefusal(district, extend('2026-03-10'), problem, facts, '2026-03-01')).toMatchObject({
      code: 'DUE_DATE_NOT_LATER',
    });
    const late = { ...problem, dueAt: '2026-01-10' };
    expect(problemWorkRefusal(district, extend('2026-02-01'), late, facts, '2026-03-01')).toMatchObject({
      code: 'DUE_DATE_NOT_LATER',
    });
    expect(problemWorkRefusal(district, extend('2026-04-01'), late, facts, '2026-03-01')).toBeNull();
  });

  it('follows an unresolved problem from the day after its due date (Asia/Shanghai), escalating three days later', () => {
    expect(problemFollowUps('2026-03-10')).toEqual({
      remindAt: new Date('2026-03-10T16:00:00Z'),
      escalateAt: new Date('2026-03-13T16:00:00Z'),
    });
    const reminded = changeProblems([problem], {
      type: 'overdue',
      problemId: 'p1',
      kind: 'reminder',
      dueAt: '2026-03-10',
      at: '2026-03-11T00:00:00Z',
    })[0];
    expect(pendingProblemFollowUps(reminded).map((s) => s.kind)).toEqual(['escalation']);
    expect(pendingProblemFollowUps({ ...reminded, dueAt: '2026-06-30' }).map((s) => s.kind)).toEqual([
      'reminder',
      'escalation',
    ]);
    expect(pendingProblemFollowUps({ ...problem, status: 'closing' })).toEqual([]);
    // A follow-up for a due date that has moved meanwhile changes nothing.
    const moved = { ...problem, dueAt: '2026-06-30' };
    expect(
      changeProblems([moved], {
        type: 'overdue',
        problemId: 'p1',
        kind: 'escalation',
        dueAt: '2026-03-10',
        at: 'x',
      }),
    ).toEqual([moved]);
  });

  it('keeps the departments’ notes from the enterprise', () => {
    const work = {
      progress: [{ at: 'a', actor: 'fin', actorName: '金融处', note: '已对接' }],
      closeSummary: '已解决',
      extension: { dueAt: '2026-06-30', reason: '审批' },
    };
    expect(visibleProblemWork('finance_officer', work)).toEqual(work);
    expect(visibleProblemWork('enterprise_user', work)).toEqual({
      progress: [{ at: 'a', actor: null, actorName: null, note: null }],
      closeSummary: null,
      extension: { dueAt: '2026-06-30', reason: null },
    });
  });
});

describe('decision notices (销号 / 延期)', () => {
  const decided = (taskType: ProblemDecision['taskType'], outcome: string, opinion: string | null) =>
    problemDecisionText({
      taskType,
      outcome,
      enterpriseName: '重庆芯测',
      title: '融资难',
      dueAt: '2026-06-30',
      opinion,
    });

  it('says the outcome, the new due date and the opinion, in Chinese first', () => {
    expect(decided('PROBLEM_CLOSE', 'confirm', null).zh).toBe(
      '【销号确认】「重庆芯测」的问题「融资难」已销号。',
    );
    expect(decided('PROBLEM_CLOSE', 'reject', '材料不全').zh).toBe(
      '【销号退回】「重庆芯测」的问题「融资难」销号申请未通过，请继续化解：“材料不全”',
    );
    expect(decided('PROBLEM_EXTENSION', 'approve', null).zh).toBe(
      '【延期批准】「重庆芯测」的问题「融资难」时限延至 2026-06-30。',
    );
    const refused = decided('PROBLEM_EXTENSION', 'reject', '理由不充分');
    expect(refused.zh).toBe(
      '【延期未批准】「重庆芯测」的问题「融资难」延期申请未通过，时限仍为 2026-06-30：“理由不充分”',
    );
    expect(refused.en).toBe(
      'More time refused: the problem “融资难” of 重庆芯测 is still due 2026-06-30: "理由不充分"',
    );
  });

  it('tells the enterprise of a 销号 and of more time, never of a refusal', () => {
    const workers = ['department:sme', 'user:zhuanyuan'];
    const enterprise = 'enterprise_user:enterprise:X';
    expect(problemDecisionAudience({ outcome: 'confirm' }, workers, 'X')).toEqual([...workers, enterprise]);
    expect(problemDecisionAudience({ outcome: 'approve' }, workers, 'X')).toEqual([...workers, enterprise]);
    expect(problemDecisionAudience({ outcome: 'reject' }, workers, 'X')).toEqual(workers);
  });

  it('tells the requester and the coordinators, not the enterprise, why a close request was withdrawn', () => {
    const workers = ['department:sme', 'user:zhuanyuan'];
    expect(problemDecisionAudience({ outcome: CLOSE_WITHDRAWN_OUTCOME }, workers, 'X')).toEqual([
      ...workers,
      'city_coordinator',
    ]);
    expect(decided('PROBLEM_CLOSE', CLOSE_WITHDRAWN_OUTCOME, null).zh).toBe(
      '【销号申请撤回】「重庆芯测」的问题「融资难」：责任部门答复企业吹哨“问题未解决”，销号申请已撤回，请继续化解。',
    );
    expect(closeWithdrawnData('尚未放款')).toEqual({
      reason: '部门答复未解决：责任部门答复企业吹哨“问题未解决”，销号申请已撤回',
      response: '尚未放款',
    });
    // Officers read why on the task; the enterprise reads the reply on its whistle, not the task.
    const step = { taskType: 'PROBLEM_CLOSE' as const, outcome: CLOSE_WITHDRAWN_OUTCOME, actor: null };
    const data = closeWithdrawnData('尚未放款');
    expect(visibleStep('sme_officer', { ...step, data }).data).toEqual(data);
    expect(visibleStep('enterprise_user', { ...step, data }).data).toEqual({});
  });

  it('gives the department a refusal’s reason, the enterprise no opinion and no decider', () => {
    const step = (taskType: ProblemDecision['taskType'], outcome: string) => ({
      taskType,
      outcome,
      data: { opinion: '意见' },
      actor: 'coord',
    });
    for (const type of ['PROBLEM_CLOSE', 'PROBLEM_EXTENSION'] as const) {
      expect(visibleStep('sme_officer', step(type, 'reject')).data.opinion).toBe('意见');
      expect(visibleStep('enterprise_user', step(type, 'reject')).data).toEqual({});
      const positive = type === 'PROBLEM_CLOSE' ? 'confirm' : 'approve';
      expect(visibleStep('enterprise_user', step(type, positive))).toMatchObject({ data: {}, actor: null });
      expect(visibleStep('finance_officer', step(type, positive)).data).toEqual({}); // a deliberation
      expect(visibleStep('industry_officer', step(type, positive)).data.opinion).toBe('意见');
    }
  });
});

describe('ledger work once the lifecycle ended', () => {
  it('names why for a graduated, exited or rejected enterprise, and is null while the lifecycle runs', () => {
    expect(problemWorkEnded('graduated')?.tag.zh).toBe('企业已毕业');
    expect(problemWorkEnded('exited')?.tag.zh).toBe('企业已移出');
    expect(problemWorkEnded('rejected')?.tag.zh).toBe('企业未入库');
    for (const running of ['diagnosis', 'supporting', 'graduation_review'] as const) {
      expect(problemWorkEnded(running)).toBeNull();
    }
    expect(problemWorkEndedError('graduated')).toMatchObject({
      status: 409,
      code: 'LIFECYCLE_ENDED',
      text: { zh: '该企业已毕业，已移出帮扶库，台账问题不再办理' },
    });
  });
});
