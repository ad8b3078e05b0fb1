import { STAGES, STEP_ACTIONS, TASK_FORMS, TASK_TYPES } from '@hardtech/domain';
import { describeStatechart, TASK_DEFINITIONS } from './definition';
import { lifecycleMachine, TaskMeta } from './machine';

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
      // A countersignature's answer is recorded on the task it answers (approval-actions.ts).
      const handled = def.outcomes.every(
        (o) => o.targets.length > 0 || transitions.includes(`${type}.${o.outcome}`) || type === 'COUNTERSIGN',
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
      // Ad hoc: opened beside a task of any stage (its own stage is that task's).
      COUNTERSIGN: 'supporting',
    });
  });

  // Issue 17: one definition of the approval actions, read by the machine's RETURN transitions.
  it.each(
    [...TASK_DEFINITIONS.values()].filter((d) => d.stateId !== 'lifecycle').map((d) => [d.type, d] as const),
  )('%s: a RETURN transition exactly where STEP_ACTIONS allows one, to that step', (type, def) => {
    const node = lifecycleMachine.getStateNodeById(def.stateId);
    const target = STEP_ACTIONS[type].return;
    const returns = node.transitions.get('RETURN') ?? [];
    expect(returns.length).toBe(target ? 1 : 0);
    if (!target) return;
    const to = returns[0].target![0];
    const toDef = [...TASK_DEFINITIONS.values()].find((d) => d.stateId === to.id);
    expect(toDef?.type).toBe(target);
    expect((node.meta as TaskMeta).task.actions).toBe(STEP_ACTIONS[type]);
  });
});
