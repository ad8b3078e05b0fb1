import { STAGES, TASK_FORMS, TASK_TYPES } from '@hardtech/domain';
import { describeStatechart, TASK_DEFINITIONS } from './definition';

describe('the statechart as the one process definition', () => {
  it('has every stage of API.md as a top-level state, and nothing else', () => {
    expect(
      describeStatechart()
        .states.map((s) => s.key)
        .sort(),
    ).toEqual([...STAGES].sort());
  });

  it('defines a task for every task type except the whistle (ad hoc, not a state)', () => {
    expect([...TASK_DEFINITIONS.keys()].sort()).toEqual(
      TASK_TYPES.filter((x) => x !== 'WHISTLE_RESPONSE').sort(),
    );
  });

  it.each([...TASK_DEFINITIONS.values()].map((d) => [d.type, d] as const))(
    '%s: the outcomes the machine accepts are exactly those its form describes',
    (type, def) => {
      expect(def.outcomes.map((o) => o.outcome).sort()).toEqual(
        Object.keys(TASK_FORMS[type].outcomes).sort(),
      );
      expect(def.outcomes.every((o) => o.targets.length > 0)).toBe(true);
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
    });
  });
});
