import { Actor } from './roles';
import {
  isEnterpriseStep,
  allowedTaskActions,
  delegateRefusal,
  HeldTask,
  mayHoldTask,
  TaskAction,
  taskRefusal,
  worksNoCases,
} from './task-permissions';

const district = (username: string, d = '500112'): Actor => ({
  username,
  role: 'district_officer',
  scope: { districts: [d] },
});
const alice = district('alice');
const bob = district('bob');
const outsider = district('olga', '500103');
const coordinator: Actor = { username: 'cora', role: 'city_coordinator', scope: {} };
const auditor: Actor = { username: 'audrey', role: 'auditor', scope: {} };
const enterprise: Actor = {
  username: 'ent',
  role: 'enterprise_user',
  scope: { creditCodes: ['91500000MA5U7DXX1F'] },
};
const ownStep: HeldTask = {
  assignee: null,
  candidateGroups: ['enterprise_user:enterprise:91500000MA5U7DXX1F'],
};
const colleague: Actor = { ...enterprise, username: 'ent2' };
const returnedStep: HeldTask = { ...ownStep, assignee: enterprise.username };
const groups = ['district_officer:district:500112'];
const open: HeldTask = { assignee: null, candidateGroups: groups };
const heldByAlice: HeldTask = { assignee: 'alice', candidateGroups: groups };

const answer = (actor: Actor, task: HeldTask, action: TaskAction) => {
  const r = taskRefusal(actor, task, action);
  return r ? `${r.status} ${r.code}` : 'ok';
};

describe('taskRefusal: who may act on an open task', () => {
  it.each<[string, Actor, HeldTask, TaskAction, string]>([
    ['a candidate completes an unclaimed task', alice, open, 'complete', 'ok'],
    ['the assignee completes', alice, heldByAlice, 'complete', 'ok'],
    ['another candidate completes a claimed task', bob, heldByAlice, 'complete', '409 TASK_CLAIMED'],
    ['a non-candidate completes', outsider, open, 'complete', '403 NOT_A_CANDIDATE'],
    [
      'a non-candidate completes a claimed task (role first)',
      outsider,
      heldByAlice,
      'complete',
      '403 NOT_A_CANDIDATE',
    ],
    ['a read-only role completes', auditor, open, 'complete', '403 READ_ONLY_ROLE'],
    ['a candidate claims', alice, open, 'claim', 'ok'],
    ['the assignee claims again', alice, heldByAlice, 'claim', 'ok'],
    ['another candidate claims', bob, heldByAlice, 'claim', '409 TASK_CLAIMED'],
    ['a non-candidate claims', coordinator, open, 'claim', '403 NOT_A_CANDIDATE'],
    ['the assignee unclaims', alice, heldByAlice, 'unclaim', 'ok'],
    ['the coordinator takes a task back', coordinator, heldByAlice, 'unclaim', 'ok'],
    ['another candidate unclaims', bob, heldByAlice, 'unclaim', '403 NOT_THE_ASSIGNEE'],
    ['unclaiming an unclaimed task', alice, open, 'unclaim', '409 TASK_NOT_CLAIMED'],
    ['a non-candidate unclaims', outsider, heldByAlice, 'unclaim', '403 NOT_A_CANDIDATE'],
    ['a candidate delegates an unclaimed task', alice, open, 'delegate', 'ok'],
    ['the assignee delegates', alice, heldByAlice, 'delegate', 'ok'],
    ['another candidate delegates a claimed task', bob, heldByAlice, 'delegate', '403 MAY_NOT_DELEGATE'],
    ['the coordinator delegates', coordinator, heldByAlice, 'delegate', 'ok'],
    ['a non-candidate delegates', outsider, open, 'delegate', '403 MAY_NOT_DELEGATE'],
    ['an enterprise completes its own step', enterprise, ownStep, 'complete', 'ok'],
    ['an enterprise claims its own step', enterprise, ownStep, 'claim', '403 ENTERPRISE_DOES_NOT_ASSIGN'],
    [
      'an enterprise delegates its own step',
      enterprise,
      ownStep,
      'delegate',
      '403 ENTERPRISE_DOES_NOT_ASSIGN',
    ],
    // 退回 gives the step back held by whoever did it: still not a claim to release, nor one that blocks.
    [
      'an enterprise releases its step sent back',
      enterprise,
      returnedStep,
      'unclaim',
      '403 ENTERPRISE_DOES_NOT_ASSIGN',
    ],
    [
      'the coordinator takes back an enterprise step',
      coordinator,
      returnedStep,
      'unclaim',
      '403 ENTERPRISE_DOES_NOT_ASSIGN',
    ],
    ['a colleague at the enterprise redoes its step sent back', colleague, returnedStep, 'complete', 'ok'],
  ])('%s', (_, actor, task, action, expected) => {
    expect(answer(actor, task, action)).toBe(expected);
  });

  // 三员 work no cases (docs/api.md): the system administrator, who sees every task, was 403
  // NOT_A_CANDIDATE on claim and complete only because no candidates name it; now it is the rule.
  it.each(['system_admin', 'security_admin', 'audit_admin'] as const)(
    'refuses the administrator %s every action, a task named to its role too: 403 READ_ONLY_ROLE',
    (role) => {
      const admin: Actor = { username: 'root', role, scope: {} };
      const theirs: HeldTask = { assignee: 'root', candidateGroups: [role, 'user:root'] };
      for (const action of ['complete', 'claim', 'unclaim', 'delegate'] as const) {
        expect(answer(admin, theirs, action)).toBe('403 READ_ONLY_ROLE');
      }
      expect(allowedTaskActions(admin, theirs)).toEqual({
        complete: false,
        claim: false,
        unclaim: false,
        delegate: false,
      });
      expect(worksNoCases(role)).toBe(true);
    },
  );

  it('lets only candidates receive a delegation, never read-only roles', () => {
    expect(delegateRefusal(bob, open)).toBeNull();
    expect(delegateRefusal(outsider, open)?.code).toBe('DELEGATE_NOT_CANDIDATE');
    expect(delegateRefusal(undefined, open)?.status).toBe(422);
    expect(delegateRefusal({ ...auditor, scope: { districts: ['500112'] } }, open)).not.toBeNull();
  });

  it('summarizes the actions for the inbox buttons', () => {
    expect(allowedTaskActions(bob, heldByAlice)).toEqual({
      complete: false,
      claim: false,
      unclaim: false,
      delegate: false,
    });
    expect(allowedTaskActions(alice, heldByAlice)).toEqual({
      complete: true,
      claim: false,
      unclaim: true,
      delegate: true,
    });
  });
});

describe('mayHoldTask', () => {
  const task = { assignee: 'd1', candidateGroups: ['district_officer:district:500112'] };
  const d1 = { username: 'd1', role: 'district_officer' as const, scope: { districts: ['500112'] } };

  it('keeps a claim while the assignee is a candidate in an acting role', () => {
    expect(mayHoldTask(d1, task)).toBe(true);
  });

  it('releases it when the scope, or the role, no longer covers the task', () => {
    expect(mayHoldTask({ ...d1, scope: { districts: ['500113'] } }, task)).toBe(false);
    expect(mayHoldTask({ ...d1, role: 'auditor' }, task)).toBe(false);
  });
});

describe('isEnterpriseStep', () => {
  it("is a step only the enterprise's users may do, which nobody claims", () => {
    expect(isEnterpriseStep({ candidateGroups: ['enterprise_user:enterprise:91500000000000000X'] })).toBe(
      true,
    );
    expect(isEnterpriseStep({ candidateGroups: ['district_officer:district:500112'] })).toBe(false);
    expect(isEnterpriseStep({ candidateGroups: ['enterprise_user:enterprise:X', 'user:zhuanyuan'] })).toBe(
      false,
    );
    expect(isEnterpriseStep({ candidateGroups: [] })).toBe(false);
  });
});
