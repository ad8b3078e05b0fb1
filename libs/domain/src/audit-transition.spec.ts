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

  it('urges, copies and claims by kind; the system’s own step as other; unknown codes as null', () => {
    expect(transitionSummary({ seq: 4, closed: [], urged: [{ id: 'a' }] }, none).kind).toBe('urged');
    expect(transitionSummary({ seq: 4, closed: [], copied: [{ id: 'a' }] }, none).kind).toBe('copied');
    expect(transitionSummary({ seq: 4, closed: [], assigned: [{ id: 'a' }] }, none).kind).toBe('assigned');
    expect(transitionSummary({ seq: 9, closed: [], opened: [] }, none).kind).toBe('other');
    expect(
      transitionSummary({ seq: 9 }, { taskType: 'NOPE', stageChange: { from: 'x', to: 'nowhere' } }),
    ).toMatchObject({ taskType: null, stageChange: null, opened: [] });
  });
});
