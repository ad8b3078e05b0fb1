import { ROLES, Role } from '../roles';
import { PROBLEM_FIELDS, TASK_FORMS } from '../tasks/forms';
import { TASK_TYPES } from '../task-types';
import { visibleHandling } from './problem-work';
import { readerOf } from './readers';
import { actorVisible, historyActionVisible, screeningVisible, visibleStep } from './redact';
import { STEP_FIELD_CLASSES } from './step-fields';

const MARK = 'MARK-secret';

describe('visibleStep', () => {
  const screenPass = {
    taskType: 'SCREEN' as const,
    outcome: 'pass',
    actor: 'coord',
    data: {
      judgments: { C2: { affirmed: true, note: MARK }, C6: { affirmed: true, note: MARK } },
      justifications: { C1: MARK },
      note: MARK,
    },
  };

  it('gives officers every field and the actor', () => {
    for (const role of ['city_coordinator', 'district_officer', 'auditor', 'leader', 'admin'] as Role[]) {
      expect(visibleStep(role, screenPass)).toEqual(screenPass);
    }
  });

  it("keeps an officer's judgments, notes and name from the enterprise, and the outcome", () => {
    const seen = visibleStep('enterprise_user', screenPass);
    expect(seen).toEqual({ taskType: 'SCREEN', outcome: 'pass', actor: null, data: {} });
    expect(JSON.stringify(seen)).not.toContain(MARK);
  });

  it("keeps other departments' deliberations from SME and finance officers, not the actor", () => {
    const opinion = {
      taskType: 'DISTRICT_FEEDBACK' as const,
      outcome: 'oppose',
      actor: 'd1',
      data: { opinion: MARK },
    };
    expect(visibleStep('sme_officer', opinion)).toEqual({ ...opinion, data: {} });
    expect(visibleStep('finance_officer', opinion)).toEqual({ ...opinion, data: {} });
  });

  it("gives the enterprise a final decision's reason, without who decided", () => {
    const reject = {
      taskType: 'ADMIT' as const,
      outcome: 'reject',
      actor: 'coord',
      data: { reason: '不符合条件' },
    };
    expect(visibleStep('enterprise_user', reject)).toEqual({ ...reject, actor: null });
    const exit = {
      taskType: 'GRADUATION_REVIEW' as const,
      outcome: 'exit',
      actor: 'coord',
      data: { reason: 'relocated', note: MARK },
    };
    expect(visibleStep('enterprise_user', exit)).toEqual({
      ...exit,
      actor: null,
      data: { reason: 'relocated' },
    });
  });

  it('never gives the enterprise portrait scores or the 一企一策 mark; it gives the ledger items', () => {
    const item = { title: '融资难', ownerDepartment: 'finance' };
    const problems = [{ ...item, special: 'one_enterprise_one_policy' }];
    const diagnosis = {
      taskType: 'DIAGNOSE' as const,
      outcome: 'submit',
      actor: 'comm',
      data: { portrait: { tech: { score: 2, note: MARK } }, problems },
    };
    expect(visibleStep('enterprise_user', diagnosis).data).toEqual({ problems: [item] });
    expect(visibleStep('finance_officer', diagnosis).data).toEqual({ problems });
  });

  it("keeps a problem's 一企一策 / 一事一议 mark from the enterprise only", () => {
    expect(visibleHandling('enterprise_user', 'one_enterprise_one_policy')).toBeNull();
    expect(visibleHandling('sme_officer', 'one_enterprise_one_policy')).toBe('one_enterprise_one_policy');
    expect(visibleHandling('city_coordinator', 'one_matter_one_discussion')).toBe(
      'one_matter_one_discussion',
    );
  });

  it('gives departments ledger progress notes and keeps them, and the review comment, from the enterprise', () => {
    const review = {
      taskType: 'QUARTERLY_REVIEW' as const,
      outcome: 'continue',
      actor: 'ind',
      data: { problemUpdates: [{ problemId: 'p1', status: 'resolved', note: 'N' }], comment: MARK },
    };
    expect(visibleStep('sme_officer', review).data).toEqual({
      problemUpdates: [{ problemId: 'p1', status: 'resolved', note: 'N' }],
    });
    // The review is a recommendation: the enterprise reads that it was done (its ledger shows the statuses).
    expect(visibleStep('enterprise_user', review)).toEqual({
      ...review,
      outcome: 'done',
      data: {},
      actor: null,
    });
  });

  it("gives the enterprise its own steps whole, with its user's name", () => {
    const report = {
      taskType: 'QUARTERLY_REPORT' as const,
      outcome: 'submit',
      actor: 'ent',
      data: { revenue: 1, note: 'x' },
    };
    expect(visibleStep('enterprise_user', report)).toEqual(report);
  });

  it('hides a field no class names (default deny), and data of an unknown outcome or type', () => {
    const step = {
      taskType: 'ADMIT' as const,
      outcome: 'admit',
      actor: 'c',
      data: { leadCluster: 'ic', surprise: MARK },
    };
    expect(visibleStep('enterprise_user', step).data).toEqual({ leadCluster: 'ic' });
    expect(visibleStep('enterprise_user', { ...step, outcome: 'nope' }).data).toEqual({});
    expect(visibleStep('enterprise_user', { ...step, taskType: null }).data).toEqual({});
  });
});

describe('the field classes', () => {
  it('class every field of every outcome of every form, and nothing the forms do not have', () => {
    for (const type of TASK_TYPES) {
      const outcomes = TASK_FORMS[type].outcomes;
      expect(Object.keys(STEP_FIELD_CLASSES[type]).sort()).toEqual(Object.keys(outcomes).sort());
      for (const [outcome, form] of Object.entries(outcomes)) {
        expect([type, outcome, Object.keys(STEP_FIELD_CLASSES[type][outcome]).sort()]).toEqual([
          type,
          outcome,
          form.fields.map((f) => f.name).sort(),
        ]);
      }
    }
    const diagnosed = STEP_FIELD_CLASSES.DIAGNOSE.submit.problems;
    expect(typeof diagnosed === 'object' && Object.keys(diagnosed.item).sort()).toEqual(
      PROBLEM_FIELDS.map((f) => f.name).sort(),
    );
  });
});

describe('history, actors and screening', () => {
  it('shows the enterprise the steps, not claims, delegations, reminders or unknown entries', () => {
    for (const action of [
      'task.completed',
      'task.withdrawn',
      'stage.changed',
      'lifecycle.ended',
      'nominated',
    ]) {
      expect(historyActionVisible('enterprise_user', action)).toBe(true);
    }
    for (const action of [
      'task.claimed',
      'task.delegated',
      'task.reminded',
      'task.escalated',
      'update.x',
      'signal.y',
    ]) {
      expect(historyActionVisible('enterprise_user', action)).toBe(false);
      expect(historyActionVisible('city_coordinator', action)).toBe(true);
    }
  });

  it('names actors to the enterprise only when they are its own users', () => {
    expect(actorVisible('enterprise_user', 'enterprise_user')).toBe(true);
    expect(actorVisible('enterprise_user', 'city_coordinator')).toBe(false);
    expect(actorVisible('enterprise_user', null)).toBe(false);
    expect(actorVisible('sme_officer', 'city_coordinator')).toBe(true);
  });

  it('shows screening criteria to everyone but the enterprise', () => {
    expect(ROLES.filter((r) => !screeningVisible(r))).toEqual(['enterprise_user']);
    expect(ROLES.filter((r) => readerOf(r) === 'department')).toEqual(['sme_officer', 'finance_officer']);
  });
});
