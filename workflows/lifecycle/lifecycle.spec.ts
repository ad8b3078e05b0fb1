import { Actor, DEFAULT_POLICY, DIAGNOSIS_DIMENSIONS, DomainError, sampleNomination } from '@hardtech/domain';
import type { CompleteTaskResult, ProjectionDelta } from '@hardtech/temporal/lifecycle.contract';
import { Lifecycle } from './lifecycle';

// The runtime's logic on plain functions; tests/ drive the same code on the real Temporal server.
function harness(
  over: Partial<ReturnType<typeof sampleNomination>> = {},
  capacity = DEFAULT_POLICY.poolCapacity,
) {
  const deltas: ProjectionDelta[] = [];
  let clock = Date.parse('2026-03-02T01:00:00Z');
  let ids = 0;
  let seats = 0;
  const lifecycle = new Lifecycle(
    {
      nomination: sampleNomination(over),
      nominatedBy: district,
      nominatorGroups: ['district_officer:district:500112'],
      lifecycleNo: 1,
    },
    {
      activePolicy: async () => ({ ...DEFAULT_POLICY, poolCapacity: capacity }),
      project: async (d) => void deltas.push(d),
      reservePoolSeat: async (req) => ({
        reserved: seats < req.capacity && ++seats > 0,
        members: seats,
        capacity: req.capacity,
      }),
      patched: () => true,
      stageChanged: () => undefined,
      now: () => new Date((clock += 1000)),
      newId: () => `id-${++ids}`,
    },
  );
  const open = (type: string) => lifecycle.view().openTasks.find((task) => task.type === type)!;
  const complete = async (
    type: string,
    actor: Actor,
    outcome: string,
    data: Record<string, unknown> = {},
  ) => {
    const task = open(type);
    expect(task).toBeDefined();
    const req = { taskId: task.id, outcome, data, actor };
    lifecycle.validateCompletion(req);
    return lifecycle.complete(req);
  };
  return { lifecycle, deltas, open, complete };
}

const coordinator: Actor = { username: 'coordinator', role: 'city_coordinator', scope: {} };
const district: Actor = {
  username: 'district-500112',
  role: 'district_officer',
  scope: { districts: ['500112'] },
};
const enterprise: Actor = {
  username: 'ent',
  role: 'enterprise_user',
  scope: { creditCodes: ['91350100M000100Y43'] },
};
const commissioner: Actor = { username: 'commissioner', role: 'commissioner', scope: {} };
const industry: Actor = { username: 'industry-t2', role: 'industry_officer', scope: { clusters: ['T2'] } };
const judgments = { C2: { affirmed: true, note: '硬科技' }, C6: { affirmed: true, note: '成效' } };
const portrait = Object.fromEntries(DIAGNOSIS_DIMENSIONS.map((d) => [d.value, { score: 4 }]));
const report = (quarter: string) => ({
  quarter,
  revenue: 30_000_000,
  rdExpense: 2_000_000,
  headcount: 120,
  newClassOneIp: 1,
  financing: 0,
  listingProgress: 'none',
});

describe('lifecycle runtime', () => {
  it('walks nomination → graduated, with the right tasks and candidates at each step', async () => {
    const h = harness();
    await h.lifecycle.open();
    expect(h.lifecycle.view().openTasks.map((x) => [x.type, x.candidateGroups])).toEqual([
      ['SCREEN', ['city_coordinator']],
    ]);
    let r: CompleteTaskResult = await h.complete('SCREEN', coordinator, 'pass', { judgments });
    expect(r.stage).toBe('feedback');
    expect(r.nextTasks.map((x) => [x.type, x.candidateGroups])).toEqual([
      ['DISTRICT_FEEDBACK', ['district_officer:district:500112']],
      ['ENTERPRISE_CONFIRM', ['enterprise_user:enterprise:91350100M000100Y43']],
    ]);
    r = await h.complete('DISTRICT_FEEDBACK', district, 'support', {});
    expect(r).toEqual({ stage: 'feedback', nextTasks: [] });
    r = await h.complete('ENTERPRISE_CONFIRM', enterprise, 'confirm', {});
    expect(r.stage).toBe('admission');
    r = await h.complete('ADMIT', coordinator, 'admit', {
      leadCluster: 'T2',
      commissioner: 'commissioner',
      districtLiaison: 'district-500112',
    });
    expect(r.nextTasks.map((x) => [x.type, x.candidateGroups])).toEqual([
      ['DIAGNOSE', ['user:commissioner']],
    ]);
    r = await h.complete('DIAGNOSE', commissioner, 'submit', {
      portrait,
      problems: [
        {
          title: '融资难',
          category: 'policy_support',
          measures: '银企对接',
          target: '授信',
          ownerDepartment: 'finance',
          dueAt: '2026-12-31',
        },
      ],
    });
    expect(r).toEqual({ stage: 'supporting', nextTasks: [] });
    await h.lifecycle.tick({ quarter: '2026Q1', dispatchId: 'd1' });
    await h.lifecycle.tick({ quarter: '2026Q1', dispatchId: 'd1-retry' });
    expect(h.lifecycle.view().openTasks.map((x) => [x.type, x.quarter])).toEqual([
      ['QUARTERLY_REPORT', '2026Q1'],
    ]);
    r = await h.complete('QUARTERLY_REPORT', enterprise, 'submit', report('2026Q1'));
    expect(r.nextTasks.map((x) => [x.type, x.candidateGroups])).toEqual([
      ['QUARTERLY_REVIEW', ['industry_officer:cluster:T2']],
    ]);
    const problemId = (h.lifecycle.view().context as any).problems[0].id;
    r = await h.complete('QUARTERLY_REVIEW', industry, 'recommend_graduation', {
      comment: '营收倍增',
      problemUpdates: [{ problemId, status: 'resolved' }],
    });
    expect(r.stage).toBe('graduation_review');
    r = await h.complete('GRADUATION_REVIEW', coordinator, 'graduate', { reason: 'doubled' });
    expect(r).toEqual({ stage: 'graduated', nextTasks: [] });
    expect(h.lifecycle.isFinal()).toBe(true);
    expect(h.lifecycle.result()).toEqual({ stage: 'graduated', reason: 'doubled' });
    expect(h.deltas.map((d) => d.seq)).toEqual(h.deltas.map((_, i) => i + 1));
  });

  it('loops screening → supplement → screening with the corrected data screened again', async () => {
    const h = harness({ rdExpensePrevYear: 1_000_000 });
    await h.lifecycle.open();
    await expect(h.complete('SCREEN', coordinator, 'pass', { judgments })).rejects.toMatchObject({
      status: 422,
      code: 'SCREENING_HARD_CRITERION_FAILED',
    });
    await h.complete('SCREEN', coordinator, 'request_info', { questions: '请核实研发投入' });
    expect(h.lifecycle.stage).toBe('supplement');
    expect(h.open('SUPPLEMENT').candidateGroups).toEqual(['district_officer:district:500112']);
    const r = await h.complete('SUPPLEMENT', district, 'submit', {
      corrections: { rdExpensePrevYear: 6_000_000 },
    });
    expect(r.stage).toBe('screening');
    const c4 = (h.lifecycle.view().context as any).screening.criteria.find((c: any) => c.id === 'C4');
    expect(c4.outcome).toBe('pass');
    expect((await h.complete('SCREEN', coordinator, 'pass', { judgments })).stage).toBe('feedback');
  });

  it('cancels the sibling feedback task when one side declines', async () => {
    const h = harness();
    await h.lifecycle.open();
    await h.complete('SCREEN', coordinator, 'pass', { judgments });
    const sibling = h.open('ENTERPRISE_CONFIRM');
    const r = await h.complete('DISTRICT_FEEDBACK', district, 'oppose', { opinion: '企业存在环保问题' });
    expect(r).toEqual({ stage: 'rejected', nextTasks: [] });
    const last = h.deltas[h.deltas.length - 1];
    expect(last.closed.map((c) => [c.id, c.status])).toEqual([
      [expect.any(String), 'done'],
      [sibling.id, 'cancelled'],
    ]);
    expect(h.lifecycle.result()).toEqual({ stage: 'rejected', reason: '企业存在环保问题' });
  });

  it('refuses outsiders (403), a second completion (409) and unknown tasks (404)', async () => {
    const h = harness();
    await h.lifecycle.open();
    const task = h.open('SCREEN');
    const attempt = (actor: Actor, taskId = task.id) => {
      try {
        h.lifecycle.validateCompletion({ taskId, outcome: 'reject', data: { reason: 'x' }, actor });
      } catch (e) {
        return (e as DomainError).status;
      }
      return 200;
    };
    expect(attempt(district)).toBe(403);
    expect(attempt(coordinator, 'nope')).toBe(404);
    const first = h.lifecycle.complete({
      taskId: task.id,
      outcome: 'reject',
      data: { reason: 'x' },
      actor: coordinator,
    });
    expect(attempt(coordinator)).toBe(409); // while the first completion is still projecting
    await first;
    expect(attempt(coordinator)).toBe(409);
  });

  it('queues a quarter ticked while the previous one is still under review', async () => {
    const h = harness();
    await h.lifecycle.open();
    await h.complete('SCREEN', coordinator, 'pass', { judgments });
    await h.complete('DISTRICT_FEEDBACK', district, 'support');
    await h.complete('ENTERPRISE_CONFIRM', enterprise, 'confirm');
    await h.complete('ADMIT', coordinator, 'admit', {
      leadCluster: 'T2',
      commissioner: 'commissioner',
      districtLiaison: 'd',
    });
    await h.complete('DIAGNOSE', commissioner, 'submit', { portrait, problems: [] });
    await h.lifecycle.tick({ quarter: '2026Q1', dispatchId: 'a' });
    await h.complete('QUARTERLY_REPORT', enterprise, 'submit', report('2026Q1'));
    await h.lifecycle.tick({ quarter: '2026Q2', dispatchId: 'b' });
    expect(h.lifecycle.view().openTasks.map((x) => x.type)).toEqual(['QUARTERLY_REVIEW']);
    const r = await h.complete('QUARTERLY_REVIEW', industry, 'continue', {});
    expect(r.nextTasks.map((x) => [x.type, x.quarter])).toEqual([['QUARTERLY_REPORT', '2026Q2']]);
    expect(h.lifecycle.shouldContinueAsNew(false)).toBe(false);
  });

  it('refuses admission with 422 when the pool is full, leaving the task open', async () => {
    const h = harness({}, 0);
    await h.lifecycle.open();
    await h.complete('SCREEN', coordinator, 'pass', { judgments });
    await h.complete('DISTRICT_FEEDBACK', district, 'support');
    await h.complete('ENTERPRISE_CONFIRM', enterprise, 'confirm');
    const admit = { leadCluster: 'T2', commissioner: 'commissioner', districtLiaison: 'd' };
    await expect(h.complete('ADMIT', coordinator, 'admit', admit)).rejects.toMatchObject({
      status: 422,
      code: 'POOL_FULL',
      text: { zh: '帮扶库已满：在库企业 0 家，容量 0 家' },
    });
    expect(h.lifecycle.stage).toBe('admission');
    expect(() =>
      h.lifecycle.validateCompletion({
        taskId: h.open('ADMIT').id,
        outcome: 'reject',
        data: { reason: '名额已满' },
        actor: coordinator,
      }),
    ).not.toThrow();
  });
});
