import { STAGES, TASK_FORMS, TASK_TYPES } from '@hardtech/domain';
import { describeStatechart, TASK_DEFINITIONS } from './definition';

describe('the statechart as the one process definition', () => {
  it('has every stage of docs/api.md as a top-level state, and nothing else', () => {
    expect(
      describeStatechart()
        .states.map((s) => s.key)
        .sort(),
    ).toEqual([...STAGES].sort());
  });

  it('defines every task type: those of states, and the whistle as an ad hoc task of the root', () => {
    expect([...TASK_DEFINITIONS.keys()].sort()).toEqual([...TASK_TYPES].sort());
    expect(TASK_DEFINITIONS.get('WHISTLE_RESPONSE')).toMatchObject({
      stateId: 'lifecycle',
      candidates: { department: true },
    });
  });

  it.each([...TASK_DEFINITIONS.values()].map((d) => [d.type, d] as const))(
    '%s: the outcomes the machine accepts are exactly those its form describes',
    (type, def) => {
      expect(def.outcomes.map((o) => o.outcome).sort()).toEqual(
        Object.keys(TASK_FORMS[type].outcomes).sort(),
      );
      const transitions = describeStatechart().transitions.map((t) => t.event);
      // A state's outcomes lead somewhere; an ad hoc task's are handled at the root.
      const handled = def.outcomes.every(
        (o) => o.targets.length > 0 || transitions.includes(`${type}.${o.outcome}`),
      );
      expect(handled).toBe(true);
    },
  );

  it('places each task in the stage the API names', () => {
    const stages = Object.fromEntries([...TASK_DEFINITIONS.values()].map((d) => [d.type, d.stage]));
    expect(stages).toEqual({
      SCREEN: 'screening',
      SUPPLEMENT: 'supplement',
      DISTRICT_FEEDBACK: 'feedback',
      ENTERPRISE_CONFIRM: 'feedback',
      ADMIT: 'admission',
      DIAGNOSE: 'diagnosis',
      QUARTERLY_REPORT: 'supporting',
      QUARTERLY_REVIEW: 'supporting',
      GRADUATION_REVIEW: 'graduation_review',
      WHISTLE_RESPONSE: 'supporting',
      PROBLEM_CLOSE: 'supporting',
      PROBLEM_EXTENSION: 'supporting',
      ANNUAL_UPDATE: 'supporting',
    });
  });
});
