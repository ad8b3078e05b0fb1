import {
  ActivePolicy,
  Actor,
  CLOSE_WITHDRAWN_OUTCOME,
  DEFAULT_POLICY,
  DIAGNOSIS_DIMENSIONS,
  DomainError,
  sampleNomination,
} from '@hardtech/domain';
import type {
  CarriedState,
  CompleteTaskResult,
  ProblemNotification,
  ProjectionDelta,
  TaskNotification,
} from '@hardtech/temporal/lifecycle.contract';

import {
  COUNTERSIGN_RECHECK_PATCH,
  PROXY_RETURN_PATCH,
  WITHDRAW_LAST_DOER_PATCH,
  WITHDRAW_SINCE_PATCH,
} from './approval-actions';
import {
  CALENDAR_DAYS_PATCH,
  CALENDAR_DAYS_ROLL_PATCH,
  CARRIED_CANCELLED,
  CARRY_CANCELLED_PATCH,
  RESOLVED_HANDLING_PATCH,
  Lifecycle,
  WHISTLE_CLOSE_REVIEW_PATCH,
  WHISTLE_UNRESOLVED_WITHDRAWS_CLOSE_PATCH,
  WHISTLE_NEW_PROBLEM_DUE_PATCH,
} from './lifecycle';
import { lifecycleMachine } from './machine';

// The runtime's logic on plain functions; tests/ drive the same code on the real Temporal server.
function harness(
  over: Partial<ReturnType<typeof sampleNomination>> = {},
  capacity = DEFAULT_POLICY.poolCapacity,
  policy: Partial<ActivePolicy> = {},
  /** Patches this run was recorded without (a run started before them, replayed). */
  without: string[] = [],
  /** What the run before carried over (a continued run). */
  carried?: CarriedState,
) {
  const deltas: ProjectionDelta[] = [];
  let clock = Date.parse('2026-03-02T01:00:00Z');
  let ids = 0;
  let seats = 0;
  let policyReads = 0;
  const notifications: TaskNotification[] = [];
  const problemNotices: ProblemNotification[] = [];
  // patched(): true for every patch, as in a new run, but for those a test replays without.
  const unpatched = new Set<string>(without);
  const asked: string[] = [];
  // Durable timers stand-in: sleeps resolve when `advance` moves the clock past them.
  let timers: { at: number; key: string; resolve: (fired: boolean) => void }[] = [];
  const settle = async () => {
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
  };
  const advance = async (ms: number) => {
    clock += ms;
    // Timers set while firing may already be due: fire until none is.
    for (
      let due = timers.filter((x) => x.at <= clock);
      due.length;
      due = timers.filter((x) => x.at <= clock)
    ) {
      timers = timers.filter((x) => x.at > clock);
      for (const x of due) x.resolve(true);
      await settle();
    }
  };

  const lifecycle = new Lifecycle(
    {
      nomination: sampleNomination(over),
      nominatedBy: district,
      nominatorGroups: ['district_officer:district:500112'],
      lifecycleNo: 1,
      carried,
    },
    {
      activePolicy: async () => (
        policyReads++,
        { ...DEFAULT_POLICY, poolCapacity: capacity, calendar: null, ...policy }
      ),

      project: async (d) => void deltas.push(d),
      reservePoolSeat: async (req) => ({
        reserved: seats < req.capacity && ++seats > 0,
        members: seats,
        capacity: req.capacity,
      }),
      patched: (id) => (asked.push(id), !unpatched.has(id)),
      notify: async (n) => void ('problemId' in n ? problemNotices.push(n) : notifications.push(n)),
      sleepUntil: (at, key) => new Promise((resolve) => timers.push({ at: at.getTime(), key, resolve })),
      cancelSleep: (key) => {
        for (const x of timers.filter((y) => y.key === key)) x.resolve(false);
        timers = timers.filter((y) => y.key !== key);
      },
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
  return {
    lifecycle,
    deltas,
    open,
    complete,
    notifications,
    problemNotices,
    advance,
    /** Moves the clock to an instant (ISO), firing the timers due by then. */
    advanceTo: (at: string) => advance(Date.parse(at) - clock),
    pendingTimers: () => timers.length,
    unpatch: (id: string) => void unpatched.add(id),
    asked,
    policyReads: () => policyReads,
  };
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

/** Nominated, screened, confirmed and admitted (lead cluster T2): DIAGNOSE is open. */
async function admitted() {
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
  return h;
}

/** Admitted and diagnosed (no problem), then the first quarter ticked and reported. */
async function toFirstReport() {
  const h = await admitted();
  await h.complete('DIAGNOSE', commissioner, 'submit', { portrait, problems: [] });
  await h.lifecycle.tick({ quarter: '2026Q1', dispatchId: 'a' });
  await h.complete('QUARTERLY_REPORT', enterprise, 'submit', report('2026Q1'));
  return h;
}

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
    const problemId = h.lifecycle.view().context!.problems[0].id;
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
    // Each delta names what its transition changed beyond tasks, so the writers write only that.
    expect(
      h.deltas.map(({ changes: c }) => [
        c.enterprise,
        c.lifecycle,
        c.problems,
        c.quarterlyReports,
        c.membership,
      ]),
    ).toEqual([
      [true, true, [], [], true], // nominated: everything is new
      [false, false, [], [], false], // screened
      [false, false, [], [], false], // the district's opinion
      [false, false, [], [], false], // the enterprise's confirmation
      [true, false, [], [], true], // admitted: lead cluster, commissioner; membership opens
      [true, false, [problemId], [], false], // diagnosed: the portrait and the ledger
      [false, false, [], [], false], // the quarter ticked
      [false, false, [], ['2026Q1'], false], // reported
      [false, false, [problemId], [], false], // reviewed: the problem resolved
      [true, true, [], [], true], // graduated: closing, the lifecycle ends, membership closes
    ]);
  });

  it('enters the statechart from scratch once per lifecycle, not once per transition (issue 21)', async () => {
    // xstate's initialTransition() and transition() built a throwaway actor, and with it the
    // machine's initial snapshot, on every call: 9 entries for the first state and 7 transitions,
    // now 2 (the lifecycle's one scope, and its first state).
    const entered = jest.spyOn(lifecycleMachine, 'getInitialSnapshot');
    try {
      const h = await toFirstReport();
      expect(h.deltas.length).toBe(8);
      expect(entered).toHaveBeenCalledTimes(2);
    } finally {
      entered.mockRestore();
    }
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
    const c4 = h.lifecycle.view().context!.screening.criteria.find((c) => c.id === 'C4');
    expect(c4?.outcome).toBe('pass');
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
    const h = await toFirstReport();
    await h.lifecycle.tick({ quarter: '2026Q2', dispatchId: 'b' });
    expect(h.lifecycle.view().openTasks.map((x) => x.type)).toEqual(['QUARTERLY_REVIEW']);
    const r = await h.complete('QUARTERLY_REVIEW', industry, 'continue', {});
    expect(r.nextTasks.map((x) => [x.type, x.quarter])).toEqual([['QUARTERLY_REPORT', '2026Q2']]);
    expect(h.lifecycle.shouldContinueAsNew(false)).toBe(false);
    // Both ticks name themselves for the audit log, also the queued one that opened nothing.
    const ticks = h.deltas.filter((d) => d.cause === 'quarter_tick');
    expect(ticks.map((d) => d.opened.map((x) => x.type))).toEqual([['QUARTERLY_REPORT'], []]);
    expect(h.deltas.filter((d) => d.cause).length).toBe(2);
  });

  it('uses the policy a completion or a tick carries, and reads it only when none is carried', async () => {
    const h = harness();
    await h.lifecycle.open();
    expect(h.policyReads()).toBe(1);
    const carried = { ...DEFAULT_POLICY, version: 7, calendar: null };
    const screen = h.open('SCREEN');
    const req = { taskId: screen.id, outcome: 'pass', data: { judgments }, actor: coordinator };
    await h.lifecycle.complete({ ...req, policy: carried });
    expect(h.policyReads()).toBe(1);
    expect(h.open('DISTRICT_FEEDBACK').policyVersion).toBe(7);
    await h.complete('DISTRICT_FEEDBACK', district, 'support');
    expect(h.policyReads()).toBe(2);
  });

  it('takes as lead cluster a code of the active taxonomy the Update carries, the built-in ones without', async () => {
    const h = harness();
    await h.lifecycle.open();
    await h.complete('SCREEN', coordinator, 'pass', { judgments });
    await h.complete('DISTRICT_FEEDBACK', district, 'support');
    await h.complete('ENTERPRISE_CONFIRM', enterprise, 'confirm');
    const data = { leadCluster: 'N1', commissioner: 'commissioner', districtLiaison: 'd' };
    const req = { taskId: h.open('ADMIT').id, outcome: 'admit', data, actor: coordinator };
    // An Update from before the taxonomy was editable (or another client) carries none.
    expect(() => h.lifecycle.validateCompletion(req)).toThrow(expect.objectContaining({ status: 400 }));
    // A retired cluster is not among the active codes the API sends.
    expect(() => h.lifecycle.validateCompletion({ ...req, clusters: ['T2'] })).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    h.lifecycle.validateCompletion({ ...req, clusters: ['N1', 'T2'] });
    await h.lifecycle.complete({ ...req, clusters: ['N1', 'T2'] });
    expect(h.lifecycle.stage).toBe('diagnosis');
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

const DAY = 86_400_000;

describe('calendar-day deadlines (CALENDAR_DAYS_ROLL_PATCH, asked once per run)', () => {
  it('a new run ends a due of whole days with the Shanghai day, escalating on a working day, asking one patch in open()', async () => {
    const h = harness();
    await h.lifecycle.open();
    await h.complete('SCREEN', coordinator, 'pass', { judgments });
    expect(h.open('DISTRICT_FEEDBACK')).toMatchObject({
      dueAt: '2026-03-12T15:59:59.999Z',
      remindAt: '2026-03-11T01:00:00.000Z', // 09:00 Shanghai, two whole days before its end
      // P1D after: Saturday 14 March, so 09:00 of Monday 16 March.
      escalateAt: '2026-03-16T01:00:00.000Z',
    });
    expect(h.asked.filter((id) => id === CALENDAR_DAYS_ROLL_PATCH)).toHaveLength(1);
    // Implied by the new patch: not asked, so a new run records one marker, as before it.
    expect(h.asked).not.toContain(CALENDAR_DAYS_PATCH);
  });

  it('a last day on a holiday rolls to the end of the next working day, reminded and escalated on working days', async () => {
    // Thursday 12 and Friday 13 March made holidays: the tenth day gives way to Monday 16 March.
    const calendar = { holidays: ['2026-03-12', '2026-03-13'], workdays: [] };
    const h = harness({}, DEFAULT_POLICY.poolCapacity, { calendar });
    await h.lifecycle.open();
    expect(h.open('SCREEN')).toMatchObject({
      dueAt: '2026-03-16T15:59:59.999Z',
      remindAt: '2026-03-16T01:00:00.000Z', // P2D before its 24:00 is Sunday 15th: Monday 09:00
      escalateAt: '2026-03-18T01:00:00.000Z',
    });
  });

  it('a run recorded before the roll ends the day as it counted, weekends and holidays alike', async () => {
    const calendar = { holidays: ['2026-03-12'], workdays: [] };
    const h = harness({}, DEFAULT_POLICY.poolCapacity, { calendar }, [CALENDAR_DAYS_ROLL_PATCH]);
    await h.lifecycle.open();
    expect(h.open('SCREEN')).toMatchObject({
      dueAt: '2026-03-12T15:59:59.999Z',
      escalateAt: '2026-03-14T01:00:00.000Z', // a Saturday
    });
    expect(h.asked).toEqual(expect.arrayContaining([CALENDAR_DAYS_ROLL_PATCH, CALENDAR_DAYS_PATCH]));
  });

  it('a run recorded before both keeps counting to the minute, for every task it opens', async () => {
    const h = harness({}, DEFAULT_POLICY.poolCapacity, {}, [CALENDAR_DAYS_ROLL_PATCH, CALENDAR_DAYS_PATCH]);
    await h.lifecycle.open();
    const screen = h.open('SCREEN');
    expect(Date.parse(screen.dueAt) - Date.parse(screen.createdAt)).toBe(10 * DAY);
    await h.complete('SCREEN', coordinator, 'pass', { judgments });
    const feedback = h.open('DISTRICT_FEEDBACK');
    expect(Date.parse(feedback.dueAt) - Date.parse(feedback.createdAt)).toBe(10 * DAY);
    expect(Date.parse(feedback.escalateAt!) - Date.parse(feedback.dueAt)).toBe(DAY);
  });
});

describe('reminders and escalations', () => {
  it('reminds the candidates before the due date and escalates to the coordinator after it, once each', async () => {
    const h = harness();
    await h.lifecycle.open();
    // Opened 2 March 09:00 (Shanghai); SLA P10D: due the whole of 12 March, remind P2D before its
    // 24:00 and escalate P1D after it, each at 09:00 of that day rather than at midnight, and on a
    // working day: P1D after is Saturday 14 March, so Monday 16 March.
    const screen = h.open('SCREEN');
    expect(screen.dueAt).toBe('2026-03-12T15:59:59.999Z');
    await h.advanceTo('2026-03-11T00:59:00Z'); // 11 March 08:59
    expect(h.notifications).toEqual([]);
    await h.advanceTo('2026-03-11T01:00:00Z'); // 11 March 09:00: two whole days left
    expect(h.notifications.map((n) => [n.kind, n.taskId, n.audienceGroups])).toEqual([
      ['reminder', screen.id, ['city_coordinator']],
    ]);
    await h.advanceTo('2026-03-16T00:59:00Z'); // 16 March 08:59: overdue, not yet escalated
    expect(h.notifications).toHaveLength(1);
    await h.advanceTo('2026-03-16T01:00:00Z');
    expect(h.notifications.map((n) => [n.kind, n.audienceGroups])).toEqual([
      ['reminder', ['city_coordinator']],
      ['escalation', ['city_coordinator']],
    ]);
    expect(h.lifecycle.view().openTasks[0]).toMatchObject({
      remindedAt: expect.any(String),
      escalatedAt: expect.any(String),
    });
    await h.advance(30 * DAY);
    expect(h.notifications).toHaveLength(2);
  });

  it('sends nothing for a task completed in time; the one deadline timer wakes to nothing and stops', async () => {
    const h = harness();
    await h.lifecycle.open();
    await h.complete('SCREEN', coordinator, 'reject', { reason: '不符合' });
    // Not cancelled on completion (issue 21.4): one timer, armed for the closed task's reminder.
    expect(h.pendingTimers()).toBe(1);
    await h.advance(60 * DAY);
    expect(h.notifications).toEqual([]);
    expect(h.pendingTimers()).toBe(0); // nothing left to follow: not re-armed
  });

  it('keeps one timer for all open tasks, armed for the earliest step', async () => {
    const h = harness();
    await h.lifecycle.open();
    await h.complete('SCREEN', coordinator, 'pass', { judgments });
    expect(h.lifecycle.view().openTasks).toHaveLength(2);
    expect(h.pendingTimers()).toBe(1);
    await h.advance(9 * DAY);
    expect(h.notifications.map((n) => [n.kind, n.taskType])).toEqual([
      ['reminder', 'DISTRICT_FEEDBACK'],
      ['reminder', 'ENTERPRISE_CONFIRM'],
    ]);
    expect(h.pendingTimers()).toBe(1);
  });

  it('reminds only the assignee of a claimed task', async () => {
    const h = harness();
    await h.lifecycle.open();
    const task = h.open('SCREEN');
    await h.lifecycle.assign({ taskId: task.id, kind: 'claim', actor: coordinator });
    await h.advance(9 * DAY);
    expect(h.notifications.map((n) => n.audienceGroups)).toEqual([['user:coordinator']]);
  });
});

/** An admitted, diagnosed member with one finance-owned problem. */
async function diagnosedMember(dueAt = '2099-12-31') {
  const h = await admitted();
  await h.complete('DIAGNOSE', commissioner, 'submit', {
    portrait,
    problems: [
      {
        title: '融资难',
        category: 'policy_support',
        measures: '对接',
        target: '授信',
        ownerDepartment: 'finance',
        dueAt,
      },
    ],
  });
  return h;
}

describe('企业吹哨·部门报到', () => {
  const member = () => diagnosedMember();

  const finance: Actor = { username: 'fin', role: 'finance_officer', scope: { department: 'finance' } };
  const whistled = async () => {
    const h = await member();
    const problemId = h.lifecycle.view().context!.problems[0].id;
    const req = { problemId, title: '贷款迟迟未批', description: '银行审批超过三个月', actor: enterprise };
    h.lifecycle.validateWhistle(req);
    const r = await h.lifecycle.blowWhistle(req);
    const problem = () => h.lifecycle.view().context!.problems[0];
    return { h, req, r, problem };
  };

  it('sends a whistle on a ledger problem to its owner department; "resolved" goes to the 销号 review', async () => {
    const { h, req, r, problem } = await whistled();
    expect(r.task).toMatchObject({ type: 'WHISTLE_RESPONSE', candidateGroups: ['department:finance'] });
    expect(() => h.lifecycle.validateWhistle(req)).toThrow(expect.objectContaining({ status: 409 }));
    const reply = '已将贵司列入12月18日产需对接会推介名单';
    const done = await h.complete('WHISTLE_RESPONSE', finance, 'respond', {
      response: reply,
      resolved: true,
    });
    // The department's claim opens the close request a 申请销号 opens, the reply its summary.
    expect(problem()).toMatchObject({
      status: 'closing',
      closeRequest: { summary: reply, by: 'fin', at: expect.any(String) },
    });
    expect(done.nextTasks).toEqual([
      expect.objectContaining({ type: 'PROBLEM_CLOSE', candidateGroups: ['city_coordinator'] }),
    ]);
    expect(h.lifecycle.view().context!.whistles[0]).toMatchObject({ status: 'answered', resolved: true });
    // The coordinators decide: refused, it is worked on; confirmed, it is 销号.
    await h.complete('PROBLEM_CLOSE', coordinator, 'reject', { opinion: '仅列入推介名单，尚未对接' });
    expect(problem().status).toBe('in_progress');
    await h.lifecycle.blowWhistle({ ...req, title: '对接会后仍无进展' });
    await h.complete('WHISTLE_RESPONSE', finance, 'respond', { response: '已签订合同', resolved: true });
    expect(problem().status).toBe('closing');
    await h.complete('PROBLEM_CLOSE', coordinator, 'confirm', { opinion: '同意销号' });
    expect(problem().status).toBe('resolved');
    expect(h.asked.filter((id) => id === WHISTLE_CLOSE_REVIEW_PATCH)).toHaveLength(2);
  });

  it('leaves a pending close request as it was, and asks no patch of an answer that is not resolved', async () => {
    const { h, req, problem } = await whistled();
    await h.complete('WHISTLE_RESPONSE', finance, 'respond', { response: '下周放款', resolved: false });
    expect(problem().status).toBe('in_progress');
    expect(h.asked).not.toContain(WHISTLE_CLOSE_REVIEW_PATCH);
    const problemId = problem().id;
    const closeRequest = {
      work: { kind: 'close_request' as const, problemId, fields: { summary: '已放款' } },
    };
    await h.lifecycle.workProblem({ ...closeRequest, actor: finance });
    await h.lifecycle.blowWhistle({ ...req, title: '销号太慢' });
    await h.complete('WHISTLE_RESPONSE', finance, 'respond', { response: '已解决', resolved: true });
    expect(problem()).toMatchObject({ status: 'closing', closeRequest: { summary: '已放款' } });
    expect(h.lifecycle.view().openTasks.filter((x) => x.type === 'PROBLEM_CLOSE')).toHaveLength(1);
  });

  it('withdraws a pending close request with its reason when the answer is "not resolved"', async () => {
    const { h, req, problem } = await whistled();
    await h.complete('WHISTLE_RESPONSE', finance, 'respond', { response: '下周放款', resolved: false });
    const problemId = problem().id;
    const work = { kind: 'close_request' as const, problemId, fields: { summary: '已放款' } };
    await h.lifecycle.workProblem({ work, actor: finance });
    const review = h.lifecycle.view().openTasks.find((x) => x.type === 'PROBLEM_CLOSE')!;
    await h.lifecycle.blowWhistle({ ...req, title: '其实还没放款' });
    await h.complete('WHISTLE_RESPONSE', finance, 'respond', { response: '经核实尚未放款', resolved: false });
    expect(problem().status).toBe('in_progress');
    expect(h.lifecycle.view().openTasks.filter((x) => x.type === 'PROBLEM_CLOSE')).toEqual([]);
    expect(h.deltas.at(-1)!.closed.find((c) => c.id === review.id)).toMatchObject({
      status: 'cancelled',
      outcome: CLOSE_WITHDRAWN_OUTCOME,
      data: { reason: expect.stringContaining('部门答复未解决'), response: '经核实尚未放款' },
    });
    expect(h.asked.filter((id) => id === WHISTLE_UNRESOLVED_WITHDRAWS_CLOSE_PATCH)).toHaveLength(1);
    // Before the patch (replay) the task was cancelled without a word.
    await h.lifecycle.workProblem({ work, actor: finance });
    await h.lifecycle.blowWhistle({ ...req, title: '再次' });
    h.unpatch(WHISTLE_UNRESOLVED_WITHDRAWS_CLOSE_PATCH);
    await h.complete('WHISTLE_RESPONSE', finance, 'respond', { response: '仍未放款', resolved: false });
    expect(h.deltas.at(-1)!.closed.find((c) => c.outcome === null)).toMatchObject({ status: 'cancelled' });
  });

  // The walk: the finance officer was offered 加签 on 芯测's 部门报到 after its problem was closed out.
  it('refuses 加签 on a 部门报到 whose problem was closed out meanwhile (422 PROBLEM_RESOLVED)', async () => {
    const { h, problem } = await whistled();
    const whistleTask = h.open('WHISTLE_RESPONSE');
    const colleague: Actor = { ...finance, username: 'fin-2' };
    const req = {
      taskId: whistleTask.id,
      actor: finance,
      users: [colleague],
      mode: 'all' as const,
      note: '请会签',
    };
    expect(refusal(() => h.lifecycle.validateCountersign(req))).toBeNull();
    const work = { kind: 'close_request' as const, problemId: problem().id, fields: { summary: '已放款' } };
    await h.lifecycle.workProblem({ work, actor: finance });
    await h.complete('PROBLEM_CLOSE', coordinator, 'confirm', { opinion: '同意销号' });
    expect(problem().status).toBe('resolved');
    expect(h.open('WHISTLE_RESPONSE')?.id).toBe(whistleTask.id);
    expect(() => h.lifecycle.validateCountersign(req)).toThrow(
      expect.objectContaining({
        status: 422,
        code: 'PROBLEM_RESOLVED',
        text: expect.objectContaining({ zh: '该问题已销号，不能再加签' }),
      }),
    );
    // The handler's own recheck (COUNTERSIGN_RECHECK_PATCH) is as it was: a run that was asked
    // before this rule (its validator passed then) replays as it ran, opening the countersignature.
    const { tasks } = await h.lifecycle.countersign(req);
    expect(tasks).toEqual([
      expect.objectContaining({ type: 'COUNTERSIGN', candidateGroups: ['user:fin-2'] }),
    ]);
  });

  it('refuses a whistle on a problem closed out (409 PROBLEM_CLOSED)', async () => {
    const { h, req } = await whistled();
    await h.complete('WHISTLE_RESPONSE', finance, 'respond', { response: '已放款', resolved: true });
    await h.complete('PROBLEM_CLOSE', coordinator, 'confirm', { opinion: '同意销号' });
    expect(() => h.lifecycle.validateWhistle({ ...req, title: '又出问题' })).toThrow(
      expect.objectContaining({ status: 409, code: 'PROBLEM_CLOSED' }),
    );
  });

  it('closes the problem out at once when replaying an answer recorded before the patch', async () => {
    const { h, problem } = await whistled();
    h.unpatch(WHISTLE_CLOSE_REVIEW_PATCH);
    const done = await h.complete('WHISTLE_RESPONSE', finance, 'respond', {
      response: '已放款',
      resolved: true,
    });
    expect(problem()).toMatchObject({ status: 'resolved' });
    expect(problem().closeRequest).toBeUndefined();
    expect(done.nextTasks).toEqual([]);
  });

  // A new problem is due a quarter after the whistle's Shanghai day, not that UTC day (overdue at once).
  it('puts a new problem in the ledger due the policy’s months after the whistle, in Shanghai days', async () => {
    const h = await member();
    await h.advanceTo('2026-03-31T16:30:00Z'); // 2026-04-01 00:30 in Shanghai
    const r = await h.lifecycle.blowWhistle({
      title: '用地指标',
      description: '扩产用地无法落实',
      actor: enterprise,
    });
    const problem = h.lifecycle.view().context!.problems.find((p) => p.id === r.problemId);
    expect(problem).toMatchObject({ status: 'open', dueAt: '2026-07-01' });
    expect(h.asked.filter((id) => id === WHISTLE_NEW_PROBLEM_DUE_PATCH)).toHaveLength(1);
    // A whistle on a ledger problem keeps its date and asks nothing.
    const ledger = h.lifecycle.view().context!.problems[0];
    await h.lifecycle.blowWhistle({
      problemId: ledger.id,
      title: '贷款',
      description: '审批停滞',
      actor: enterprise,
    });
    expect(h.lifecycle.view().context!.problems[0].dueAt).toBe(ledger.dueAt);
    expect(h.asked.filter((id) => id === WHISTLE_NEW_PROBLEM_DUE_PATCH)).toHaveLength(1);
  });

  it('keeps a new problem due the whistle’s UTC day when replaying a whistle recorded before the patch', async () => {
    const h = await member();
    h.unpatch(WHISTLE_NEW_PROBLEM_DUE_PATCH);
    await h.advanceTo('2026-03-31T16:30:00Z');
    const r = await h.lifecycle.blowWhistle({
      title: '用地指标',
      description: '扩产用地无法落实',
      actor: enterprise,
    });
    const problem = h.lifecycle.view().context!.problems.find((p) => p.id === r.problemId);
    expect(problem!.dueAt).toBe('2026-03-31');
  });

  // 二(五): every ledger problem has its 化解措施 and 目标任务; a whistled new problem gets them from its answer.
  it('has the answer to a whistle on a new problem set its measures and target, once', async () => {
    const h = await member();
    const r = await h.lifecycle.blowWhistle({
      title: '用地指标',
      description: '扩产用地无法落实',
      actor: enterprise,
    });
    const problem = () => h.lifecycle.view().context!.problems.find((p) => p.id === r.problemId)!;
    expect(problem()).toMatchObject({ measures: '', target: '' });
    const task = h.open('WHISTLE_RESPONSE');
    const answer = (data: Record<string, unknown>) => ({
      taskId: task.id,
      outcome: 'respond',
      data: { response: '已协调规划部门', resolved: false, ...data },
      actor: industry,
    });
    expect(() => h.lifecycle.validateCompletion(answer({ measures: '协调规划部门调剂用地指标' }))).toThrow(
      expect.objectContaining({
        status: 422,
        code: 'PROBLEM_PLAN_REQUIRED',
        details: [expect.objectContaining({ field: 'data.target' })],
      }),
    );
    expect(() => h.lifecycle.validateCompletion(answer({}))).toThrow(
      expect.objectContaining({ code: 'PROBLEM_PLAN_REQUIRED' }),
    );
    const plan = { measures: ' 协调规划部门调剂用地指标 ', target: '年内落实二期用地' };
    await h.complete('WHISTLE_RESPONSE', industry, 'respond', answer(plan).data);
    expect(problem()).toMatchObject({
      status: 'in_progress',
      measures: '协调规划部门调剂用地指标',
      target: '年内落实二期用地',
    });
    expect(h.deltas.at(-1)!.changes.problems).toContain(r.problemId);
    // The next whistle on it: the plan is there, its answer neither needs nor changes it.
    await h.lifecycle.blowWhistle({
      problemId: r.problemId,
      title: '仍未落实',
      description: '催办',
      actor: enterprise,
    });
    await h.complete('WHISTLE_RESPONSE', industry, 'respond', { response: '本月落实', resolved: false });
    await h.lifecycle.blowWhistle({
      problemId: r.problemId,
      title: '又一次',
      description: '催办',
      actor: enterprise,
    });
    await h.complete('WHISTLE_RESPONSE', industry, 'respond', {
      response: '下周落实',
      resolved: false,
      measures: '另一措施',
      target: '另一目标',
    });
    expect(problem()).toMatchObject({ measures: '协调规划部门调剂用地指标', target: '年内落实二期用地' });
  });

  it('leaves a diagnosed problem’s plan to the diagnosis: its whistle’s answer needs none and changes none', async () => {
    const { h, problem } = await whistled();
    await h.complete('WHISTLE_RESPONSE', finance, 'respond', {
      response: '下周放款',
      resolved: false,
      measures: '改写的措施',
    });
    expect(problem()).toMatchObject({ measures: '对接', target: '授信', status: 'in_progress' });
  });

  it('escalates an unanswered whistle to the leader and marks its problem escalated', async () => {
    const h = await member();
    const r = await h.lifecycle.blowWhistle({
      title: '用地指标',
      description: '扩产用地无法落实',
      actor: enterprise,
    });
    expect(r.task.candidateGroups).toEqual(['industry_officer:cluster:T2']); // a new problem: the lead cluster
    // P3D from 2 March: due the whole of 5 March, escalated PT12H after it, 6 March 12:00.
    await h.advanceTo('2026-03-06T03:59:00Z');
    expect(h.notifications.map((n) => n.kind)).toEqual(['reminder']);
    await h.advanceTo('2026-03-06T04:00:00Z');
    expect(h.notifications.map((n) => [n.kind, n.audienceGroups])).toEqual([
      ['reminder', ['industry_officer:cluster:T2']],
      ['escalation', ['leader']],
    ]);
    const problem = h.lifecycle.view().context!.problems.find((p) => p.id === r.problemId);
    expect(problem).toMatchObject({ title: '用地指标', status: 'escalated' });
    // The whistle itself names itself by the task it opens; its escalation opens nothing, so says so.
    expect(h.deltas.flatMap((d) => d.cause ?? [])).toEqual(['whistle_escalated']);
  });

  it('refuses whistles from others (403), before admission (422) and on unknown problems (422)', async () => {
    const h = harness();
    await h.lifecycle.open();
    const whistle = { title: '问题', description: '描述内容', actor: enterprise };
    expect(() => h.lifecycle.validateWhistle(whistle)).toThrow(
      expect.objectContaining({ status: 422, code: 'NOT_A_MEMBER' }),
    );
    const m = await member();
    expect(() => m.lifecycle.validateWhistle({ ...whistle, actor: district })).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => m.lifecycle.validateWhistle({ ...whistle, problemId: 'nope' })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_PROBLEM' }),
    );
    expect(() => m.lifecycle.validateWhistle({ ...whistle, title: '' })).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});

describe('a silent district (issue 10 §6)', () => {
  async function toFeedback(policy: Partial<typeof DEFAULT_POLICY>) {
    const h = harness({}, DEFAULT_POLICY.poolCapacity, policy);
    await h.lifecycle.open();
    await h.complete('SCREEN', coordinator, 'pass', { judgments });
    await h.complete('ENTERPRISE_CONFIRM', enterprise, 'confirm');
    return h;
  }

  it('counts as support at the deadline when the policy says so, marked as the system’s default', async () => {
    const h = await toFeedback({ districtFeedbackDefault: 'support' });
    const feedback = h.open('DISTRICT_FEEDBACK');
    expect(feedback.onDue).toBe('support');
    await h.advanceTo('2026-03-12T15:50:00.000Z'); // 12 March 23:50: still the district's day
    expect(h.lifecycle.stage).toBe('feedback');
    await h.advanceTo('2026-03-12T16:00:00.000Z');
    expect(h.lifecycle.stage).toBe('admission');
    const closed = h.deltas.flatMap((d) => d.closed).find((c) => c.id === feedback.id)!;
    expect(closed).toMatchObject({
      status: 'done',
      outcome: 'support',
      completedBy: 'system',
      data: { defaulted: true },
    });
    expect(h.lifecycle.view().context!.feedback.district).toMatchObject({
      by: 'system',
      text: expect.stringContaining('视为同意'),
    });
    expect(h.notifications.map((n) => n.kind)).toEqual(['reminder']); // no escalation once it is done
  });

  it('escalates to the coordinator when the policy says escalate', async () => {
    const h = await toFeedback({ districtFeedbackDefault: 'escalate' });
    expect(h.open('DISTRICT_FEEDBACK').onDue).toBeNull();
    await h.advance(14 * DAY); // escalated Monday 16 March (P1D after 12 March is a Saturday)
    expect(h.lifecycle.stage).toBe('feedback');
    expect(h.notifications.map((n) => [n.kind, n.taskType])).toEqual([
      ['reminder', 'DISTRICT_FEEDBACK'],
      ['escalation', 'DISTRICT_FEEDBACK'],
    ]);
  });
});

describe('ledger work (issue 19)', () => {
  const finance: Actor = { username: 'fin', role: 'finance_officer', scope: { department: 'finance' } };
  const sme: Actor = { username: 'sme', role: 'sme_officer', scope: { department: 'sme' } };

  async function member(dueAt = '2026-06-30') {
    const h = await diagnosedMember(dueAt);
    const problemId = h.lifecycle.view().context!.problems[0].id;
    const work = async (actor: Actor, kind: string, fields: Record<string, unknown>) => {
      const req = { work: { kind: kind as any, problemId, fields }, actor };
      h.lifecycle.validateProblemWork(req);
      return h.lifecycle.workProblem(req);
    };
    const refusal = (actor: Actor, kind: string, fields: Record<string, unknown>) => {
      try {
        h.lifecycle.validateProblemWork({ work: { kind: kind as any, problemId, fields }, actor });
        return null;
      } catch (e) {
        return e as DomainError;
      }
    };
    const problem = () => h.lifecycle.view().context!.problems[0];
    return { h, problemId, work, refusal, problem };
  }

  it('goes progress → close request → confirmed (销号), by the owner department and the coordinators', async () => {
    const m = await member();
    expect(m.refusal(sme, 'progress', { note: '已对接' })).toMatchObject({ status: 403 });
    expect(m.refusal(enterprise, 'progress', { note: '已对接' })).toMatchObject({ status: 403 });
    expect(m.refusal(finance, 'progress', { note: '' })).toMatchObject({ status: 400 });
    expect(m.refusal(finance, 'progress', { note: '已对接', extra: 1 })).toMatchObject({ status: 400 });
    await m.work(finance, 'progress', { note: '已对接三家银行' });
    expect(m.problem()).toMatchObject({
      status: 'in_progress',
      progress: [{ actor: 'fin', note: '已对接三家银行' }],
    });
    await m.work(commissioner, 'progress', { note: '专员跟进' });
    expect(m.problem().progress).toHaveLength(2);

    const r = await m.work(finance, 'close_request', { summary: '已获授信 500 万元' });
    expect(r.problem.status).toBe('closing');
    expect(r.task).toMatchObject({ type: 'PROBLEM_CLOSE', candidateGroups: ['city_coordinator'] });
    expect(m.refusal(finance, 'close_request', { summary: '再次申请' })).toMatchObject({ status: 409 });

    await expect(m.h.complete('PROBLEM_CLOSE', coordinator, 'reject', {})).rejects.toMatchObject({
      status: 400,
    });
    await m.h.complete('PROBLEM_CLOSE', coordinator, 'reject', { opinion: '证明材料不足' });
    expect(m.problem().status).toBe('in_progress');
    await m.work(finance, 'close_request', { summary: '补充了授信合同' });
    await m.h.complete('PROBLEM_CLOSE', coordinator, 'confirm', { opinion: '同意销号' });
    expect(m.problem().status).toBe('resolved');
    expect(m.h.lifecycle.view().openTasks.filter((x) => x.type === 'PROBLEM_CLOSE')).toEqual([]);
    expect(m.refusal(finance, 'progress', { note: '还有' })).toMatchObject({
      status: 422,
      code: 'PROBLEM_RESOLVED',
    });
    // Each piece of ledger work names itself for the audit log; the decisions are tasks.
    expect(m.h.deltas.flatMap((d) => d.cause ?? [])).toEqual([
      'problem_progress',
      'problem_progress',
      'problem_close_request',
      'problem_close_request',
    ]);
  });

  it('moves the due date only when the extension is approved; handling is the coordinators’', async () => {
    const m = await member();
    expect(m.refusal(finance, 'extend', { dueAt: '2026-05-01', reason: '银行审批' })).toMatchObject({
      status: 422,
      code: 'DUE_DATE_NOT_LATER',
    });
    await m.work(finance, 'extend', { dueAt: '2026-09-30', reason: '银行审批周期长' });
    expect(m.refusal(finance, 'extend', { dueAt: '2026-10-30', reason: '再延' })).toMatchObject({
      status: 409,
    });
    await m.h.complete('PROBLEM_EXTENSION', coordinator, 'reject', { opinion: '不同意' });
    expect(m.problem()).toMatchObject({ dueAt: '2026-06-30', extension: null });
    await m.work(finance, 'extend', { dueAt: '2026-09-30', reason: '银行审批周期长' });
    await m.h.complete('PROBLEM_EXTENSION', coordinator, 'approve', {});
    expect(m.problem()).toMatchObject({ dueAt: '2026-09-30', extension: null });

    expect(m.refusal(finance, 'handling', { handling: 'one_enterprise_one_policy' })).toMatchObject({
      status: 403,
    });
    expect(m.refusal(coordinator, 'handling', { handling: 'other' })).toMatchObject({ status: 400 });
    await m.work(coordinator, 'handling', { handling: 'one_enterprise_one_policy' });
    expect(m.problem().special).toBe('one_enterprise_one_policy');
    await m.work(coordinator, 'handling', { handling: null });
    expect(m.problem().special).toBeNull();
    expect(m.h.deltas.flatMap((d) => d.cause ?? [])).toEqual([
      'problem_extend',
      'problem_extend',
      'problem_handling',
      'problem_handling',
    ]);
  });

  it('refuses a resolved problem’s 一企一策 (422 PROBLEM_RESOLVED); a run from before the patch replays it set', async () => {
    const resolved = async () => {
      const m = await member();
      await m.work(finance, 'close_request', { summary: '已获授信' });
      await m.h.complete('PROBLEM_CLOSE', coordinator, 'confirm', { opinion: '同意销号' });
      expect(m.problem().status).toBe('resolved');
      return m;
    };
    const m = await resolved();
    const handling = { handling: 'one_matter_one_discussion' };
    expect(m.refusal(coordinator, 'handling', handling)).toMatchObject({
      status: 422,
      code: 'PROBLEM_RESOLVED',
    });
    // The handler checks again (a close confirmed while it waited): refused, nothing projected.
    const projected = m.h.deltas.length;
    const req = {
      work: { kind: 'handling' as const, problemId: m.problemId, fields: handling },
      actor: coordinator,
    };
    await expect(m.h.lifecycle.workProblem(req)).rejects.toMatchObject({ code: 'PROBLEM_RESOLVED' });
    expect([m.problem().special, m.h.deltas.length]).toEqual([null, projected]);
    expect(m.h.asked.filter((id) => id === RESOLVED_HANDLING_PATCH)).toHaveLength(1);

    // Replaying a run recorded before it: the handler takes the handling as it did then.
    const old = await resolved();
    old.h.unpatch(RESOLVED_HANDLING_PATCH);
    await old.h.lifecycle.workProblem({ ...req, work: { ...req.work, problemId: old.problemId } });
    expect(old.problem().special).toBe('one_matter_one_discussion');
    // The owners' work on it was refused before too, and still is.
    await expect(
      old.h.lifecycle.workProblem({
        work: { kind: 'progress', problemId: old.problemId, fields: { note: '还有' } },
        actor: finance,
      }),
    ).rejects.toMatchObject({ code: 'PROBLEM_RESOLVED' });
  });

  it('reminds the owners once past due and escalates to the coordinators three days later', async () => {
    const m = await member('2026-03-10'); // the clock starts 2026-03-02
    await m.h.advance(8 * DAY);
    expect(m.h.problemNotices).toEqual([]);
    await m.h.advance(1 * DAY); // 2026-03-11 09:00 Asia/Shanghai: overdue
    expect(m.h.problemNotices.map((n) => [n.kind, n.audienceGroups])).toEqual([
      ['reminder', ['department:finance', 'user:commissioner']],
    ]);
    await m.h.advance(3 * DAY);
    expect(m.h.problemNotices.map((n) => [n.kind, n.audienceGroups])).toEqual([
      ['reminder', ['department:finance', 'user:commissioner']],
      ['escalation', ['city_coordinator']],
    ]);
    expect(m.problem()).toMatchObject({ status: 'escalated', overdue: { dueAt: '2026-03-10' } });
    await m.h.advance(30 * DAY);
    expect(m.h.problemNotices).toHaveLength(2);
    // More time approved: the new due date is followed afresh.
    await m.work(finance, 'extend', { dueAt: '2026-06-30', reason: '延期' });
    await m.h.complete('PROBLEM_EXTENSION', coordinator, 'approve', {});
    await m.h.advance(100 * DAY);
    expect(m.h.problemNotices.map((n) => [n.kind, n.dueAt])).toEqual([
      ['reminder', '2026-03-10'],
      ['escalation', '2026-03-10'],
      ['reminder', '2026-06-30'],
      ['escalation', '2026-06-30'],
    ]);
    expect(m.h.deltas.flatMap((d) => d.cause ?? [])).toEqual([
      'problem_reminder',
      'problem_escalation',
      'problem_extend',
      'problem_reminder',
      'problem_escalation',
    ]);
  });

  it('sends nothing for a problem closed out in time', async () => {
    const m = await member('2026-03-10');
    await m.work(finance, 'close_request', { summary: '已解决' });
    await m.h.complete('PROBLEM_CLOSE', coordinator, 'confirm', { opinion: '同意' });
    await m.h.advance(60 * DAY);
    expect(m.h.problemNotices).toEqual([]);
  });
});

// Issue 17: 加签, 撤回, 退回 on the runtime (test/lifecycle/approval-actions.test.ts: on the server).
/** The domain code a validator refuses with, or null. */
const refusal = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('approval actions', () => {
  /** SCREEN open, and the coordinator's request asking the industry officer to countersign it (validated). */
  const screenToCountersign = async () => {
    const h = harness();
    await h.lifecycle.open();
    const screen = h.open('SCREEN');
    const req = {
      taskId: screen.id,
      actor: coordinator,
      users: [industry],
      mode: 'all' as const,
      note: '请出具意见',
    };
    h.lifecycle.validateCountersign(req);
    return { h, screen, req };
  };

  it('a countersignature holds SCREEN back, reminds and escalates on its SLA, and lets it go once answered', async () => {
    const { h, screen, req } = await screenToCountersign();
    const { tasks } = await h.lifecycle.countersign(req);
    expect(tasks.map((x) => [x.type, x.assignee, x.candidateGroups])).toEqual([
      ['COUNTERSIGN', industry.username, [`user:${industry.username}`]],
    ]);
    expect(h.deltas.at(-1)).toMatchObject({
      assigned: [{ id: screen.id, assignee: coordinator.username }],
      countersigned: [{ id: screen.id }],
      approvalAction: { kind: 'countersign', users: [industry.username], mode: 'all' },
    });
    expect(
      refusal(() =>
        h.lifecycle.validateCompletion({
          taskId: screen.id,
          outcome: 'pass',
          data: { judgments },
          actor: coordinator,
        }),
      ),
    ).toBe('COUNTERSIGN_PENDING');

    // P3D, reminded a day before, escalated a day after (DEFAULT_POLICY.sla.COUNTERSIGN): due
    // Thursday 5 March, escalated Monday 9 March (a day after is Saturday).
    await h.advance(7 * 24 * 3600 * 1000);
    expect(
      h.notifications.filter((n) => n.taskType === 'COUNTERSIGN').map((n) => [n.kind, n.audienceGroups]),
    ).toEqual([
      ['reminder', [`user:${industry.username}`]],
      ['escalation', ['city_coordinator']],
    ]);

    await h.complete('COUNTERSIGN', industry, 'agree', { opinion: '同意入库' });
    expect(h.deltas.at(-1)!.countersigned![0].countersigns[0].answers).toEqual([
      expect.objectContaining({ user: industry.username, outcome: 'agree' }),
    ]);
    expect((await h.complete('SCREEN', coordinator, 'pass', { judgments })).stage).toBe('feedback');
  });

  // The walk: the picker disabled who still owed an answer, but asking them again opened a second
  // COUNTERSIGN task. The Update validator refuses it (validators are not replayed).
  it('is not asked again of someone who still owes an answer; once they answered they may be', async () => {
    const { h, req } = await screenToCountersign();
    await h.lifecycle.countersign(req);
    expect(refusal(() => h.lifecycle.validateCountersign({ ...req, users: [district, industry] }))).toBe(
      'COUNTERSIGNER_ALREADY_ASKED',
    );
    h.lifecycle.validateCountersign({ ...req, users: [district] });
    await h.complete('COUNTERSIGN', industry, 'agree', { opinion: '同意' });
    h.lifecycle.validateCountersign(req);
  });

  // Two 加签 Updates in one activation: both validators ran before either handler recorded its
  // round (the handler reads the policy first), and the person named in both got two tasks.
  const askedTwiceAtOnce = async (h: ReturnType<typeof harness>) => {
    await h.lifecycle.open();
    const req = {
      taskId: h.open('SCREEN').id,
      actor: coordinator,
      users: [industry],
      mode: 'all' as const,
      note: '请出具意见',
    };
    h.lifecycle.validateCountersign(req);
    const first = h.lifecycle.countersign(req);
    h.lifecycle.validateCountersign({ ...req, users: [district, industry] });
    const second = h.lifecycle.countersign({ ...req, users: [district, industry] });
    const answers = await Promise.allSettled([first, second]);
    const open = h.lifecycle.view().openTasks.filter((x) => x.type === 'COUNTERSIGN');
    return {
      answers: answers.map((a) => (a.status === 'fulfilled' ? 'ok' : (a.reason as DomainError).code)),
      asked: open.map((x) => x.assignee),
      rounds: h.lifecycle.view().openTasks.find((x) => x.type === 'SCREEN')!.countersigns!.length,
    };
  };

  it('refuses the second of two 加签 validated at once that name the same person, opening nothing for it', async () => {
    const h = harness();
    expect(await askedTwiceAtOnce(h)).toEqual({
      answers: ['ok', 'COUNTERSIGNER_ALREADY_ASKED'],
      asked: [industry.username],
      rounds: 1,
    });
    expect(h.deltas.filter((d) => d.approvalAction?.kind === 'countersign')).toHaveLength(1);
    expect(h.asked.filter((id) => id === COUNTERSIGN_RECHECK_PATCH)).toHaveLength(2);
  });

  it('opens both in a run recorded before the patch (its history replays as it ran)', async () => {
    const h = harness({}, undefined, {}, [COUNTERSIGN_RECHECK_PATCH]);
    expect(await askedTwiceAtOnce(h)).toEqual({
      answers: ['ok', 'ok'],
      asked: [industry.username, district.username, industry.username],
      rounds: 2,
    });
  });

  // Two Updates in one activation run as Temporal runs them: the first's validator and its handler
  // up to its first await, then the second's (test/lifecycle/approval-races.test.ts on the server).
  const screenedForFeedback = async () => {
    const h = harness();
    await h.lifecycle.open();
    const screen = h.open('SCREEN');
    await h.complete('SCREEN', coordinator, 'pass', { judgments });
    const withdrawal = { taskId: screen.id, actor: coordinator, commented: [] };
    const feedback = {
      taskId: h.open('DISTRICT_FEEDBACK').id,
      outcome: 'support',
      data: { opinion: '同意' },
      actor: district,
    };
    return { h, screen, withdrawal, feedback };
  };
  const settled = async (...answers: Promise<unknown>[]) =>
    (await Promise.allSettled(answers)).map((a) =>
      a.status === 'fulfilled' ? 'ok' : (a.reason as DomainError).code,
    );

  it('refuses the second of two 撤回 at once as TASK_NOT_DONE: the task is open again, nobody took a step', async () => {
    const { h, screen, withdrawal } = await screenedForFeedback();
    h.lifecycle.validateWithdrawal(withdrawal);
    const first = h.lifecycle.withdraw(withdrawal);
    h.lifecycle.validateWithdrawal(withdrawal);
    const second = h.lifecycle.withdraw(withdrawal);
    expect(await settled(first, second)).toEqual(['ok', 'TASK_NOT_DONE']);
    expect(h.lifecycle.view().openTasks.map((x) => x.id)).toEqual([screen.id]);
    expect(refusal(() => h.lifecycle.validateWithdrawal(withdrawal))).toBe('TASK_NOT_DONE');
  });

  it('a 撤回 validated before the next officer’s completion loses to it: WITHDRAW_TOO_LATE, the step done once', async () => {
    const { h, withdrawal, feedback } = await screenedForFeedback();
    h.lifecycle.validateWithdrawal(withdrawal);
    const withdrawn = h.lifecycle.withdraw(withdrawal);
    h.lifecycle.validateCompletion(feedback);
    const done = h.lifecycle.complete(feedback);
    expect(await settled(withdrawn, done)).toEqual(['WITHDRAW_TOO_LATE', 'ok']);
    expect(h.lifecycle.view().openTasks.map((x) => x.type)).toEqual(['ENTERPRISE_CONFIRM']);
  });

  it('answers a completion of a task a 撤回 cancelled, or a 退回 is closing, TASK_CANCELLED as the read model will', async () => {
    const { h, withdrawal, feedback } = await screenedForFeedback();
    await h.lifecycle.withdraw(withdrawal);
    expect(refusal(() => h.lifecycle.validateCompletion(feedback))).toBe('TASK_CANCELLED');

    const a = harness();
    const { lifecycle } = a;
    await lifecycle.open();
    await a.complete('SCREEN', coordinator, 'pass', { judgments });
    await a.complete('DISTRICT_FEEDBACK', district, 'support', { opinion: '同意' });
    await a.complete('ENTERPRISE_CONFIRM', enterprise, 'confirm', {});
    const admit = a.open('ADMIT');
    const returned = { taskId: admit.id, reason: '材料需补充', actor: coordinator };
    lifecycle.validateReturn(returned);
    const back = lifecycle.returnTask(returned);
    const admitting = { taskId: admit.id, outcome: 'admit', data: {}, actor: coordinator };
    expect(refusal(() => lifecycle.validateCompletion(admitting))).toBe('TASK_CANCELLED');
    await back;
    expect(refusal(() => lifecycle.validateCompletion(admitting))).toBe('TASK_CANCELLED');
    // Done is still done.
    const screen = a.open('SCREEN');
    await a.complete('SCREEN', coordinator, 'pass', { judgments });
    expect(refusal(() => lifecycle.validateCompletion({ ...admitting, taskId: screen.id }))).toBe(
      'TASK_ALREADY_COMPLETED',
    );
  });

  it('a withdrawal puts the statechart back and reopens the task; the next transition makes it too late', async () => {
    const h = harness();
    await h.lifecycle.open();
    const screen = h.open('SCREEN');
    await h.complete('SCREEN', coordinator, 'pass', { judgments, note: '通过' });
    const req = { taskId: screen.id, actor: coordinator, commented: [] };
    expect(
      refusal(() => h.lifecycle.validateWithdrawal({ ...req, actor: { ...coordinator, username: 'li' } })),
    ).toBe('NOT_THE_COMPLETER');
    h.lifecycle.validateWithdrawal(req);
    const r = await h.lifecycle.withdraw(req);
    expect(r).toMatchObject({
      stage: 'screening',
      task: { id: screen.id, assignee: coordinator.username, draft: { note: '通过' } },
    });
    expect(h.lifecycle.view().openTasks.map((x) => x.type)).toEqual(['SCREEN']);
    expect(h.deltas.at(-1)!.reopened).toEqual([
      { id: screen.id, assignee: coordinator.username, draft: { judgments, note: '通过' } },
    ]);

    await h.complete('SCREEN', coordinator, 'pass', { judgments });
    await h.complete('DISTRICT_FEEDBACK', district, 'support', {});
    expect(refusal(() => h.lifecycle.validateWithdrawal(req))).toBe('WITHDRAW_TOO_LATE');
  });

  // 撤回 after unrelated transitions (patch withdraw-since): the rule of libs/domain withdraw.ts.
  it('takes a completion back after the parallel branch’s claim, keeping the claim', async () => {
    const h = harness();
    await h.lifecycle.open();
    await h.complete('SCREEN', coordinator, 'pass', { judgments });
    const confirm = h.open('ENTERPRISE_CONFIRM');
    await h.complete('ENTERPRISE_CONFIRM', enterprise, 'confirm', { note: '确认' });
    const feedback = h.open('DISTRICT_FEEDBACK');
    await h.lifecycle.assign({ taskId: feedback.id, kind: 'claim', actor: district });
    const req = { taskId: confirm.id, actor: enterprise, commented: [] };
    h.lifecycle.validateWithdrawal(req);
    const r = await h.lifecycle.withdraw(req);
    expect(r).toMatchObject({ stage: 'feedback', task: { id: confirm.id }, cancelled: [] });
    expect(h.lifecycle.view().stateValue).toEqual({
      feedback: { district: 'pending', enterprise: 'pending' },
    });
    expect(h.lifecycle.view().openTasks.map((x) => [x.type, x.assignee])).toEqual([
      ['DISTRICT_FEEDBACK', district.username],
      ['ENTERPRISE_CONFIRM', enterprise.username],
    ]);
    expect(h.lifecycle.view().context?.feedback.enterprise).toBeNull();
    // Done again, then the district: the stage ends as before.
    await h.complete('ENTERPRISE_CONFIRM', enterprise, 'confirm', {});
    expect((await h.complete('DISTRICT_FEEDBACK', district, 'support', {})).stage).toBe('admission');
  });

  it('is WITHDRAW_OVERTAKEN once the other branch ended the stage it agreed to', async () => {
    const h = harness();
    await h.lifecycle.open();
    await h.complete('SCREEN', coordinator, 'pass', { judgments });
    const feedback = h.open('DISTRICT_FEEDBACK');
    await h.complete('DISTRICT_FEEDBACK', district, 'support', {});
    await h.complete('ENTERPRISE_CONFIRM', enterprise, 'confirm', {});
    const req = { taskId: feedback.id, actor: district, commented: [] };
    expect(refusal(() => h.lifecycle.validateWithdrawal(req))).toBe('WITHDRAW_OVERTAKEN');
  });

  it('withdraws only the last transition in a run recorded before the patch', async () => {
    const h = harness();
    h.unpatch(WITHDRAW_SINCE_PATCH);
    await h.lifecycle.open();
    await h.complete('SCREEN', coordinator, 'pass', { judgments });
    const confirm = h.open('ENTERPRISE_CONFIRM');
    await h.complete('ENTERPRISE_CONFIRM', enterprise, 'confirm', {});
    const req = { taskId: confirm.id, actor: enterprise, commented: [] };
    // Accepted (a validator runs live only), then a claim came while the policy was read.
    h.lifecycle.validateWithdrawal(req);
    const withdrawal = h.lifecycle.withdraw(req);
    await h.lifecycle.assign({ taskId: h.open('DISTRICT_FEEDBACK').id, kind: 'claim', actor: district });
    await expect(withdrawal).rejects.toMatchObject({ code: 'WITHDRAW_TOO_LATE' });
  });

  // 委托代理: coordinator-2 completes the coordinator's SCREEN for them.
  const standIn: Actor = { username: 'coordinator-2', role: 'city_coordinator', scope: {} };
  const screenedByProxy = async (h: ReturnType<typeof harness>) => {
    await h.lifecycle.open();
    const req = {
      taskId: h.open('SCREEN').id,
      outcome: 'pass',
      data: { judgments },
      actor: standIn,
      onBehalfOf: coordinator,
    };
    h.lifecycle.validateCompletion(req);
    await h.lifecycle.complete(req);
    await h.complete('DISTRICT_FEEDBACK', district, 'support', {});
    await h.complete('ENTERPRISE_CONFIRM', enterprise, 'confirm', {});
    const r = await h.lifecycle.returnTask({
      taskId: h.open('ADMIT').id,
      reason: '请核实',
      actor: coordinator,
    });
    return r.nextTasks.map((x) => [x.type, x.assignee]);
  };

  it('a return reopens a step a proxy completed held by the principal; the patch asked there only', async () => {
    const h = harness();
    expect(await screenedByProxy(h)).toEqual([['SCREEN', coordinator.username]]);
    expect(h.asked.filter((id) => id === PROXY_RETURN_PATCH)).toHaveLength(1);
    // Steps nothing is sent back to, and steps done by their own holder, ask nothing.
    const own = harness();
    await own.lifecycle.open();
    await own.complete('SCREEN', coordinator, 'pass', { judgments });
    expect(own.asked).not.toContain(PROXY_RETURN_PATCH);
  });

  it('reopens it held by the proxy in a run recorded before the patch', async () => {
    const h = harness({}, undefined, {}, [PROXY_RETURN_PATCH]);
    expect(await screenedByProxy(h)).toEqual([['SCREEN', standIn.username]]);
  });

  // The last doer of SCREEN is coordinator; coordinator-2, handed it after a return, screens and
  // withdraws: the record is coordinator's again (what a later 退回 and the next run read).
  const withdrawnByOther = async (h: ReturnType<typeof harness>) => {
    await h.lifecycle.open();
    await h.complete('SCREEN', coordinator, 'pass', { judgments });
    await h.complete('DISTRICT_FEEDBACK', district, 'support', {});
    await h.complete('ENTERPRISE_CONFIRM', enterprise, 'confirm', {});
    await h.lifecycle.returnTask({ taskId: h.open('ADMIT').id, reason: '请核实', actor: coordinator });
    const screen = h.open('SCREEN');
    await h.lifecycle.assign({ taskId: screen.id, kind: 'delegate', actor: coordinator, to: standIn });
    await h.complete('SCREEN', standIn, 'pass', { judgments });
    expect(h.lifecycle.carryOver().completers!.SCREEN).toBe(standIn.username);
    const req = { taskId: screen.id, actor: standIn, commented: [] };
    h.lifecycle.validateWithdrawal(req);
    await h.lifecycle.withdraw(req);
    return h.lifecycle.carryOver().completers!.SCREEN;
  };

  it('a withdrawal takes back the last doer its completion recorded', async () => {
    const h = harness();
    expect(await withdrawnByOther(h)).toBe(coordinator.username);
    expect(h.asked.filter((id) => id === WITHDRAW_LAST_DOER_PATCH)).toHaveLength(1);
    // A first completion withdrawn leaves no last doer: a return would reopen the step for nobody.
    const first = harness();
    await first.lifecycle.open();
    const screen = first.open('SCREEN');
    await first.complete('SCREEN', coordinator, 'pass', { judgments });
    await first.lifecycle.withdraw({ taskId: screen.id, actor: coordinator, commented: [] });
    expect(first.lifecycle.carryOver().completers).toEqual({});
  });

  it('keeps the withdrawn completion’s last doer in a run recorded before the patch', async () => {
    const h = harness({}, undefined, {}, [WITHDRAW_LAST_DOER_PATCH]);
    expect(await withdrawnByOther(h)).toBe(standIn.username);
  });

  it('a return from ADMIT reopens SCREEN for whoever screened, with the reason', async () => {
    const h = harness();
    await h.lifecycle.open();
    await h.complete('SCREEN', coordinator, 'pass', { judgments });
    await h.complete('DISTRICT_FEEDBACK', district, 'support', {});
    await h.complete('ENTERPRISE_CONFIRM', enterprise, 'confirm', {});
    const admit = h.open('ADMIT');
    expect(
      refusal(() => h.lifecycle.validateReturn({ taskId: admit.id, reason: '', actor: coordinator })),
    ).toBe('VALIDATION_FAILED');
    const r = await h.lifecycle.returnTask({ taskId: admit.id, reason: '请核实', actor: coordinator });
    expect(r.nextTasks).toEqual([
      expect.objectContaining({
        type: 'SCREEN',
        assignee: coordinator.username,
        returned: expect.objectContaining({ reason: '请核实', fromType: 'ADMIT' }),
      }),
    ]);
    expect(h.deltas.at(-1)!.closed).toEqual([
      expect.objectContaining({
        id: admit.id,
        status: 'cancelled',
        outcome: 'returned',
        completedBy: coordinator.username,
      }),
    ]);
  });
});

describe('cancelled tasks across continue-as-new (CARRY_CANCELLED_PATCH, asked as the run continues)', () => {
  /** SCREEN done and withdrawn `times` times: each time the two feedback tasks it opened are cancelled. */
  async function withdrawnScreens(times: number, without: string[] = []) {
    const h = harness({}, undefined, {}, without);
    await h.lifecycle.open();
    const screen = h.open('SCREEN');
    const cancelled: string[] = [];
    for (let i = 0; i < times; i++) {
      const r = await h.complete('SCREEN', coordinator, 'pass', { judgments });
      cancelled.push(...r.nextTasks.map((x) => x.id));
      await h.lifecycle.withdraw({ taskId: screen.id, actor: coordinator, commented: [] });
    }
    return { h, cancelled };
  }

  /** The run continued as new: how it refuses a completion of the task. */
  async function refusedInNextRun(h: ReturnType<typeof harness>, taskId: string) {
    const next = harness({}, undefined, {}, [], h.lifecycle.carryOver());
    await next.lifecycle.open();
    return refusal(() =>
      next.lifecycle.validateCompletion({
        taskId,
        outcome: 'support',
        data: { opinion: '同意' },
        actor: district,
      }),
    );
  }

  it('refuses a task the run before cancelled as cancelled, not as done', async () => {
    const { h, cancelled } = await withdrawnScreens(1);
    // Asked as the run continues as new, not before: a run that never does records no marker.
    expect(h.asked).not.toContain(CARRY_CANCELLED_PATCH);
    expect(h.lifecycle.carryOver().cancelledTaskIds).toEqual(cancelled);
    expect(h.asked.filter((id) => id === CARRY_CANCELLED_PATCH)).toHaveLength(1);
    expect(await refusedInNextRun(h, cancelled[0])).toBe('TASK_CANCELLED');
  });

  it('carries the last CARRIED_CANCELLED of them only', async () => {
    const { h, cancelled } = await withdrawnScreens(CARRIED_CANCELLED / 2 + 1);
    expect(h.lifecycle.carryOver().cancelledTaskIds).toEqual(cancelled.slice(-CARRIED_CANCELLED));
    expect(await refusedInNextRun(h, cancelled.at(-1)!)).toBe('TASK_CANCELLED');
    // Older ones are closed for the workflow still: 409, as the read model says it first.
    expect(await refusedInNextRun(h, cancelled[0])).toBe('TASK_ALREADY_COMPLETED');
  });

  it('carries none in a run recorded before the patch', async () => {
    const { h, cancelled } = await withdrawnScreens(1, [CARRY_CANCELLED_PATCH]);
    expect(h.lifecycle.carryOver().cancelledTaskIds).toBeUndefined();
    expect(await refusedInNextRun(h, cancelled[0])).toBe('TASK_ALREADY_COMPLETED');
  });
});
