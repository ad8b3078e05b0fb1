import { STEP_ACTIONS } from '../approval-actions/allowed';
import { RETURNED_OUTCOME } from '../approval-actions/return';
import { decisionToldToEnterprise } from '../problem-work';
import { TASK_FORMS } from '../tasks/forms';
import { TASK_TYPES } from '../task-types';
import { visibleStep } from './redact';
import { ENTERPRISE_TASK_TYPES } from './step-fields';
import {
  completionLabel,
  DONE_OUTCOME,
  OFFICER_STEP_OUTCOMES,
  outcomeIsDecision,
  stepOutcomeLabel,
  visibleStatechart,
  visibleStateValue,
} from './step-outcomes';

const MARK = 'MARK-opinion';
const OFFICER_TYPES = TASK_TYPES.filter((type) => !ENTERPRISE_TASK_TYPES.includes(type));
const table = OFFICER_STEP_OUTCOMES as Record<string, { outcomes: Record<string, string>; why: string }>;

/** An officer's step's outcomes as the statechart offers them: its form's and a 退回 where allowed. */
const outcomesOf = (type: (typeof TASK_TYPES)[number]) => [
  ...Object.keys(TASK_FORMS[type].outcomes),
  ...(STEP_ACTIONS[type].return ? [RETURNED_OUTCOME] : []),
];

describe('OFFICER_STEP_OUTCOMES', () => {
  it.each(OFFICER_TYPES)('classes every outcome of %s as decision or opinion, with its reason', (type) => {
    const row = table[type];
    expect(row).toBeDefined();
    expect(row.why.length).toBeGreaterThan(20);
    expect(Object.keys(row.outcomes).sort()).toEqual(outcomesOf(type).sort());
    for (const kind of Object.values(row.outcomes)) expect(['decision', 'opinion']).toContain(kind);
  });

  it('lists no enterprise step: the enterprise reads its own steps whole', () => {
    for (const type of ENTERPRISE_TASK_TYPES) expect(table[type]).toBeUndefined();
  });

  it('agrees with the ledger notices: the enterprise learns the decisions it is told of', () => {
    for (const type of ['PROBLEM_CLOSE', 'PROBLEM_EXTENSION'] as const) {
      for (const outcome of outcomesOf(type)) {
        expect(outcomeIsDecision(type, outcome)).toBe(decisionToldToEnterprise({ outcome }));
      }
    }
  });

  it("takes a 退回 for a decision only when it goes back to the enterprise's own step", () => {
    for (const type of OFFICER_TYPES.filter((t) => STEP_ACTIONS[t].return)) {
      const toEnterprise = ENTERPRISE_TASK_TYPES.includes(STEP_ACTIONS[type].return!);
      expect(outcomeIsDecision(type, RETURNED_OUTCOME)).toBe(toEnterprise);
    }
  });

  it('takes an unknown outcome, an unknown type or an inherited name for an opinion', () => {
    expect(outcomeIsDecision('SCREEN', 'no-such-outcome')).toBe(false);
    expect(outcomeIsDecision('SCREEN', 'constructor')).toBe(false);
    expect(outcomeIsDecision(null, 'reject')).toBe(false);
    expect(outcomeIsDecision('QUARTERLY_REPORT', 'submit')).toBe(false);
  });
});

describe("visibleStep and an officer's opinion", () => {
  const opinions = [
    { taskType: 'DISTRICT_FEEDBACK' as const, outcome: 'oppose', data: { opinion: MARK } },
    { taskType: 'DISTRICT_FEEDBACK' as const, outcome: 'support', data: { opinion: MARK } },
    {
      taskType: 'QUARTERLY_REVIEW' as const,
      outcome: 'recommend_graduation',
      data: { problemUpdates: [{ problemId: 'p1', status: 'resolved', note: MARK }], comment: MARK },
    },
    { taskType: 'COUNTERSIGN' as const, outcome: 'disagree', data: { opinion: MARK } },
  ].map((s) => ({ ...s, actor: 'officer-1' }));

  it.each(opinions)('gives the enterprise of $taskType $outcome only that it was done', (step) => {
    expect(visibleStep('enterprise_user', step)).toEqual({
      taskType: step.taskType,
      outcome: DONE_OUTCOME,
      data: {},
      actor: null,
    });
  });

  it.each(opinions)('gives officers and departments $taskType $outcome as it was', (step) => {
    expect(visibleStep('city_coordinator', step)).toBe(step);
    expect(visibleStep('sme_officer', step).outcome).toBe(step.outcome);
  });

  it("keeps a decision's outcome for the enterprise", () => {
    const exit = {
      taskType: 'GRADUATION_REVIEW' as const,
      outcome: 'exit',
      data: { reason: 'relocated' },
      actor: 'c',
    };
    expect(visibleStep('enterprise_user', exit)).toEqual({ ...exit, actor: null });
    const admit = { taskType: 'ADMIT' as const, outcome: 'admit', data: { leadCluster: 'ic' }, actor: 'c' };
    expect(visibleStep('enterprise_user', admit).outcome).toBe('admit');
  });
});

describe('outcome labels', () => {
  it('reads done as 已办理 / Done, in the history line too', () => {
    expect(stepOutcomeLabel('DISTRICT_FEEDBACK', DONE_OUTCOME)).toEqual({ zh: '已办理', en: 'Done' });
    expect(completionLabel('QUARTERLY_REVIEW', DONE_OUTCOME)).toEqual({
      zh: '季度调度评审：已办理',
      en: 'Quarterly review: done',
    });
    expect(completionLabel('DISTRICT_FEEDBACK', 'support')).toEqual({
      zh: '区县反馈意见：同意',
      en: 'District feedback: support',
    });
  });
});

describe('visibleStateValue', () => {
  const during = { feedback: { district: 'agreed', enterprise: 'pending' } };

  it("keeps the district's branch of the feedback from an enterprise: its support is an opinion", () => {
    expect(visibleStateValue('enterprise_user', during)).toEqual({ feedback: { enterprise: 'pending' } });
  });

  it('leaves officers the whole state, and every other state as it is', () => {
    expect(visibleStateValue('city_coordinator', during)).toBe(during);
    expect(visibleStateValue('enterprise_user', 'supporting')).toBe('supporting');
    expect(visibleStateValue('enterprise_user', { supporting: 'reviewing' })).toEqual({
      supporting: 'reviewing',
    });
  });
});

describe('visibleStatechart', () => {
  const node = (key: string, states: Node[] = []): Node => ({ key, states });
  interface Node {
    key: string;
    states: Node[];
  }
  const lane = (key: string) => node(key, [node('pending'), node('agreed')]);
  const chart = node('lifecycle', [
    node('screening'),
    node('feedback', [lane('district'), lane('enterprise')]),
    node('supporting', [node('reviewing')]),
  ]);

  it("draws an enterprise its own lane of the feedback, not the district's", () => {
    const seen = visibleStatechart('enterprise_user', chart);
    expect(seen.states.map((s) => s.key)).toEqual(['screening', 'feedback', 'supporting']);
    expect(seen.states[1].states).toEqual([lane('enterprise')]);
    expect(seen.states[2]).toBe(chart.states[2]);
    expect(chart.states[1].states).toHaveLength(2);
  });

  it('draws officers and the departments the whole definition', () => {
    expect(visibleStatechart('city_coordinator', chart)).toBe(chart);
    expect(visibleStatechart('sme_officer', chart)).toBe(chart);
  });
});
