import { transitionSummary } from './audit-transition';

const none = { taskType: null, stageChange: null };

describe('a workflow transition read as a business event', () => {
  it('the opening: no step, the tasks it opened, the stage entered', () => {
    const data = { seq: 1, closed: [], opened: [{ type: 'SCREEN' }], assigned: [] };
    expect(transitionSummary(data, { taskType: null, stageChange: { from: null, to: 'screening' } })).toEqual(
      {
        kind: 'opened',
        taskType: null,
        outcome: null,
        onBehalfOf: null,
        onBehalfOfName: null,
        stageChange: { from: null, to: 'screening' },
        opened: ['SCREEN'],
      },
    );
  });

  it('a step done by a proxy: its type, outcome and the principal by name; cancelled tasks are not the step', () => {
    const data = {
      seq: 5,
      closed: [
        { id: 'c', status: 'cancelled', outcome: null },
        { id: 'd', status: 'done', outcome: 'submit', onBehalfOf: 'commissioner' },
      ],
      opened: [{ type: 'QUARTERLY_REPORT' }, { type: 'QUARTERLY_REPORT' }],
      assigned: [],
    };
    const facts = { taskType: 'DIAGNOSE', stageChange: { from: 'diagnosis', to: 'supporting' } };
    expect(transitionSummary(data, facts, (u) => (u === 'commissioner' ? '专员 张三' : null))).toEqual({
      kind: 'completed',
      taskType: 'DIAGNOSE',
      outcome: 'submit',
      onBehalfOf: 'commissioner',
      onBehalfOfName: '专员 张三',
      stageChange: { from: 'diagnosis', to: 'supporting' },
      opened: ['QUARTERLY_REPORT'],
    });
  });

  it('an approval action by its kind and step, with no outcome', () => {
    const data = {
      seq: 3,
      closed: [{ status: 'done', outcome: 'returned' }],
      opened: [],
      approvalAction: { kind: 'return', taskType: 'SCREEN' },
    };
    expect(transitionSummary(data, none)).toMatchObject({
      kind: 'return',
      taskType: 'SCREEN',
      outcome: null,
    });
  });

  it('a proxy’s 加签, 抄送, 转办 and 退回 name the principal the receipt records', () => {
    const names = (u: string) => (u === 'coordinator' ? '科技处 刘科长' : null);
    const countersign = {
      seq: 6,
      closed: [],
      onBehalfOf: 'coordinator',
      approvalAction: { kind: 'countersign' },
    };
    expect(transitionSummary(countersign, none, names)).toMatchObject({
      kind: 'countersign',
      onBehalfOf: 'coordinator',
      onBehalfOfName: '科技处 刘科长',
    });
    const copied = { seq: 7, closed: [], copied: [{ id: 'a' }], onBehalfOf: 'coordinator' };
    expect(transitionSummary(copied, none, names)).toMatchObject({
      kind: 'copied',
      onBehalfOf: 'coordinator',
    });
    const delegated = { seq: 8, closed: [], assigned: [{ id: 'a' }], onBehalfOf: 'coordinator' };
    expect(transitionSummary(delegated, none, names)).toMatchObject({
      kind: 'assigned',
      onBehalfOf: 'coordinator',
    });
    expect(transitionSummary({ seq: 9, closed: [], assigned: [{ id: 'a' }] }, none).onBehalfOf).toBeNull();
  });

  it('urges, copies and claims by kind; a row with nothing to tell by as other; unknown codes as null', () => {
    expect(transitionSummary({ seq: 4, closed: [], urged: [{ id: 'a' }] }, none).kind).toBe('urged');
    expect(transitionSummary({ seq: 4, closed: [], copied: [{ id: 'a' }] }, none).kind).toBe('copied');
    expect(transitionSummary({ seq: 4, closed: [], assigned: [{ id: 'a' }] }, none).kind).toBe('assigned');
    // Logged before causes were named (a quarter tick, ledger work, a follow-up): 流程流转 as before.
    expect(transitionSummary({ seq: 9, closed: [], opened: [] }, none).kind).toBe('other');
    expect(transitionSummary({ seq: 9, closed: [], opened: [], cause: 'nonsense' }, none).kind).toBe('other');
    expect(
      transitionSummary({ seq: 9 }, { taskType: 'NOPE', stageChange: { from: 'x', to: 'nowhere' } }),
    ).toMatchObject({ taskType: null, stageChange: null, opened: [] });
  });
});

describe('what the system did, or the cause the workflow named', () => {
  const kind = (data: Record<string, unknown>) =>
    transitionSummary({ seq: 7, closed: [], ...data }, none).kind;

  it('by the cause the workflow named: a quarter tick, ledger work, overdue follow-ups, an escalated whistle', () => {
    const tick = { cause: 'quarter_tick', opened: [{ type: 'QUARTERLY_REPORT' }] };
    expect(transitionSummary({ seq: 7, closed: [], ...tick }, none)).toMatchObject({
      kind: 'quarter_tick',
      taskType: null,
      outcome: null,
      opened: ['QUARTERLY_REPORT'],
    });
    expect(kind({ cause: 'quarter_tick', opened: [] })).toBe('quarter_tick'); // queued, opened nothing
    expect(kind({ cause: 'problem_progress' })).toBe('problem_progress');
    expect(kind({ cause: 'problem_close_request', opened: [{ type: 'PROBLEM_CLOSE' }] })).toBe(
      'problem_close_request',
    );
    expect(kind({ cause: 'problem_extend', opened: [{ type: 'PROBLEM_EXTENSION' }] })).toBe('problem_extend');
    expect(kind({ cause: 'problem_handling' })).toBe('problem_handling');
    expect(kind({ cause: 'problem_reminder' })).toBe('problem_reminder');
    expect(kind({ cause: 'problem_escalation' })).toBe('problem_escalation');
    expect(kind({ cause: 'whistle_escalated' })).toBe('whistle_escalated');
  });

  it('by what the receipt holds: a whistle, an annual review opened, deadlines recomputed (also in old rows)', () => {
    expect(kind({ opened: [{ type: 'WHISTLE_RESPONSE' }], actor: 'ent' })).toBe('whistle');
    expect(kind({ opened: [{ type: 'ANNUAL_UPDATE' }] })).toBe('annual_review_opened');
    expect(kind({ rescheduled: [{ id: 't1' }] })).toBe('deadlines_recomputed');
    // A withdrawal that reopens a whistle's response is the withdrawal.
    expect(
      kind({
        opened: [{ type: 'WHISTLE_RESPONSE' }],
        approvalAction: { kind: 'withdraw', taskType: 'WHISTLE_RESPONSE' },
      }),
    ).toBe('withdraw');
  });

  it('a step the system did at its deadline, under the policy, with its outcome; a person’s data cannot pose as one', () => {
    const defaulted = {
      seq: 4,
      closed: [
        { id: 'f', status: 'done', outcome: 'support', completedBy: 'system', data: { defaulted: true } },
      ],
    };
    expect(transitionSummary(defaulted, { taskType: 'DISTRICT_FEEDBACK', stageChange: null })).toMatchObject({
      kind: 'defaulted',
      taskType: 'DISTRICT_FEEDBACK',
      outcome: 'support',
      onBehalfOf: null,
    });
    const posed = {
      seq: 4,
      closed: [
        { id: 'f', status: 'done', outcome: 'support', completedBy: 'district', data: { defaulted: true } },
      ],
    };
    expect(transitionSummary(posed, none).kind).toBe('completed');
  });
});
