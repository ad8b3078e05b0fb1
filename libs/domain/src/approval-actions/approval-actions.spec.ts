import type { Actor } from '../roles';
import { STEP_ACTIONS } from './allowed';
import { availableApprovalActions } from './available';
import { ccRefusal, copiedAgainRefusal, notReadersRefusal } from './cc';
import {
  Countersign,
  countersignerGroups,
  countersignPending,
  countersignRefusal,
  countersignSatisfied,
} from './countersign';
import { returnRefusal } from './return';
import { withdrawRefusal } from './withdraw';
import { taskRefusal } from '../task-permissions';

const coordinator: Actor = { username: 'wang', role: 'city_coordinator', scope: {} };
const auditor: Actor = { username: 'audit', role: 'auditor', scope: {} };
const screen = { type: 'SCREEN' as const, assignee: null, candidateGroups: ['city_coordinator'] };
const admit = { ...screen, type: 'ADMIT' as const };

const round = (mode: 'all' | 'any', answered: string[]): Countersign => ({
  id: 'cs',
  requestedBy: 'wang',
  at: '2026-01-01T00:00:00Z',
  mode,
  note: '',
  users: ['li', 'zhao'],
  answers: answered.map((user) => ({
    user,
    taskId: `t-${user}`,
    outcome: 'agree',
    at: '2026-01-02T00:00:00Z',
  })),
});

describe('approval actions: what each step allows', () => {
  it('returns ADMIT → SCREEN, QUARTERLY_REVIEW → QUARTERLY_REPORT, GRADUATION_REVIEW → QUARTERLY_REVIEW, nothing else', () => {
    const returns = Object.entries(STEP_ACTIONS)
      .filter(([, a]) => a.return)
      .map(([type, a]) => `${type}→${a.return}`);
    expect(returns.sort()).toEqual([
      'ADMIT→SCREEN',
      'GRADUATION_REVIEW→QUARTERLY_REVIEW',
      'QUARTERLY_REVIEW→QUARTERLY_REPORT',
    ]);
  });

  it('names all six verbs for every step', () => {
    for (const actions of Object.values(STEP_ACTIONS)) {
      expect(Object.keys(actions).sort()).toEqual([
        'cc',
        'countersign',
        'delegate',
        'return',
        'urge',
        'withdraw',
      ]);
    }
  });
});

describe('退回', () => {
  it('needs a reason (400), a step that allows it (422) and someone who may complete the task (403)', () => {
    expect(returnRefusal(coordinator, admit, '核实')).toBeNull();
    expect(returnRefusal(coordinator, admit, '  ')?.status).toBe(400);
    expect(returnRefusal(coordinator, admit, undefined)?.status).toBe(400);
    expect(returnRefusal(coordinator, screen, '核实')?.code).toBe('RETURN_NOT_ALLOWED');
    expect(returnRefusal(auditor, admit, '核实')?.status).toBe(403);
    expect(returnRefusal(coordinator, { ...admit, assignee: 'li' }, '核实')?.code).toBe('TASK_CLAIMED');
  });
});

describe('撤回', () => {
  const untouched = { open: true, assignee: null, touched: false };
  const done = { type: 'SCREEN' as const, completedBy: 'wang' };
  it('allows the completer while everything opened is untouched and nothing it changed changed since', () => {
    expect(withdrawRefusal(coordinator, done, [untouched, untouched], false)).toBeNull();
  });
  it('refuses anyone else (403) and a step that cannot be withdrawn (422)', () => {
    expect(withdrawRefusal({ ...coordinator, username: 'li' }, done, [], false)?.status).toBe(403);
    expect(withdrawRefusal(coordinator, { ...done, type: 'ADMIT' }, [], false)?.code).toBe(
      'WITHDRAW_NOT_ALLOWED',
    );
  });
  it.each([
    ['claimed', { ...untouched, assignee: 'li' }],
    ['done', { ...untouched, open: false }],
    ['commented, countersigned or copied', { ...untouched, touched: true }],
  ])('is too late (409) once a task it opened is %s', (_, opened) => {
    expect(withdrawRefusal(coordinator, done, [untouched, opened], false)?.code).toBe('WITHDRAW_TOO_LATE');
  });
  it('is overtaken (409) once a later transition changed what it changed', () => {
    const refusal = withdrawRefusal(coordinator, done, [untouched], true);
    expect(refusal).toMatchObject({ status: 409, code: 'WITHDRAW_OVERTAKEN' });
  });
});

describe('加签/会签', () => {
  it('all: every named person answers; any: one is enough', () => {
    expect(countersignSatisfied(round('all', ['li']))).toBe(false);
    expect(countersignSatisfied(round('all', ['li', 'zhao']))).toBe(true);
    expect(countersignSatisfied(round('any', []))).toBe(false);
    expect(countersignSatisfied(round('any', ['zhao']))).toBe(true);
    expect(countersignPending([round('any', ['zhao']), round('all', ['li'])])).toBe(true);
    expect(countersignPending(null)).toBe(false);
  });

  it('is asked by whoever may complete the task, of others, distinct, on a step that allows it', () => {
    const req = { users: ['li'], mode: 'all' as const, note: '' };
    expect(countersignRefusal(coordinator, screen, req)).toBeNull();
    expect(countersignRefusal(coordinator, screen, { ...req, users: [] })?.status).toBe(400);
    expect(countersignRefusal(coordinator, screen, { ...req, users: ['li', 'li'] })?.status).toBe(400);
    expect(countersignRefusal(coordinator, screen, { ...req, users: ['wang'] })?.status).toBe(400);
    expect(countersignRefusal(auditor, screen, req)?.status).toBe(403);
    expect(countersignRefusal(coordinator, { ...screen, type: 'SUPPLEMENT' }, req)?.code).toBe(
      'COUNTERSIGN_NOT_ALLOWED',
    );
  });

  it('may be asked of the officers who see the enterprise', () => {
    expect(
      countersignerGroups({ district: '500112', cluster: 'T2', leadCluster: 'T3', commissioner: 'zhang' }),
    ).toEqual([
      'city_coordinator',
      'industry_officer:cluster:T2',
      'industry_officer:cluster:T3',
      'district_officer:district:500112',
      'user:zhang',
    ]);
    expect(countersignerGroups({ district: '500112', cluster: 'T2', leadCluster: 'T2' })).toHaveLength(3);
  });
});

describe('the buttons of a task', () => {
  it('offers return and countersign to who may complete, withdraw to who completed', () => {
    const open = { ...admit, status: 'open' as const, completedBy: null };
    expect(availableApprovalActions(coordinator, open)).toMatchObject({
      return: true,
      countersign: true,
      withdraw: false,
    });
    expect(availableApprovalActions(auditor, open)).toMatchObject({ return: false, countersign: false });
    const done = { ...screen, status: 'done' as const, completedBy: 'wang' };
    expect(availableApprovalActions(coordinator, done)).toMatchObject({ withdraw: true, return: false });
    expect(availableApprovalActions({ ...coordinator, username: 'li' }, done).withdraw).toBe(false);
  });

  it('offers a proxy every action the principal has on their task: return, countersign, delegate', () => {
    // An industry officer's review (科技处 would be offered 转办 of any task: it supervises the pool).
    const held = {
      type: 'QUARTERLY_REVIEW' as const,
      candidateGroups: ['industry_officer:cluster:T2'],
      status: 'open' as const,
      completedBy: null,
      assignee: 'wang',
    };
    const principal: Actor = { username: 'wang', role: 'industry_officer', scope: { clusters: ['T2'] } };
    const standIn = { ...principal, username: 'li' };
    const none = { return: false, countersign: false, delegate: false };
    expect(availableApprovalActions(standIn, held)).toMatchObject(none);
    expect(availableApprovalActions(standIn, held, principal)).toMatchObject({
      return: true,
      countersign: true,
      delegate: true,
      withdraw: false,
    });
    // Someone the task is not the principal's own: the proxy gets nothing through them.
    const other = { ...held, assignee: 'zhao' };
    expect(availableApprovalActions(standIn, other, principal)).toMatchObject(none);
  });
});

describe('委托代理 on the principal’s task', () => {
  const held = { ...screen, assignee: 'wang' };
  const principal = coordinator;
  const standIn: Actor = { ...coordinator, username: 'li' };
  const req = { users: ['zhao'], mode: 'all' as const, note: '请会签' };

  it('lets the proxy ask a countersignature and copy it as the principal may, and no more', () => {
    expect(countersignRefusal(standIn, held, req)).toMatchObject({ status: 409, code: 'TASK_CLAIMED' });
    expect(countersignRefusal(standIn, held, req, principal)).toBeNull();
    expect(ccRefusal(standIn, held)).toMatchObject({ status: 409, code: 'TASK_CLAIMED' });
    expect(ccRefusal(standIn, held, principal)).toBeNull();
    // The principal's rule: a task the principal may not do is refused to the proxy too.
    const theirs = { ...held, assignee: 'zhao' };
    expect(countersignRefusal(standIn, theirs, req, principal)).toMatchObject({ code: 'TASK_CLAIMED' });
    expect(ccRefusal(standIn, theirs, principal)).toMatchObject({ code: 'TASK_CLAIMED' });
  });

  it('asks neither the principal nor the proxy to countersign their own task (400)', () => {
    expect(countersignRefusal(standIn, held, { ...req, users: ['wang'] }, principal)?.status).toBe(400);
    expect(countersignRefusal(standIn, held, { ...req, users: ['li'] }, principal)?.status).toBe(400);
  });
});

describe('抄送', () => {
  it('is for the officers who may do the task, not for an enterprise on its own task', () => {
    const report = { assignee: null, candidateGroups: ['enterprise_user:enterprise:91500000X'] };
    const ent: Actor = { username: 'ent', role: 'enterprise_user', scope: { creditCodes: ['91500000X'] } };
    expect(ccRefusal(ent, report)).toMatchObject({ status: 403, code: 'CC_BY_OFFICERS' });
    expect(ccRefusal(coordinator, screen)).toBeNull();
    expect(ccRefusal(coordinator, report)).toMatchObject({ status: 403, code: 'NOT_A_CANDIDATE' });
  });

  it('copies nobody twice: 409 COPY_ALREADY_SENT naming those already copied, by name where known', () => {
    expect(copiedAgainRefusal(undefined, ['zhao'])).toBeNull();
    expect(copiedAgainRefusal(['li'], ['zhao', 'wang'])).toBeNull();
    const again = copiedAgainRefusal(
      ['li', 'zhao'],
      ['zhao', 'wang', 'zhao', 'li'],
      new Map([['li', '李明']]),
    );
    expect(again).toMatchObject({ status: 409, code: 'COPY_ALREADY_SENT' });
    expect(again!.text.zh).toBe('已抄送过以下人员，未再次抄送：zhao、李明（li）');
    expect(again!.text.en).toBe('already copied to: zhao, 李明 (li); nothing was sent again');
  });

  it('never copies or hands on a countersignature, asked of one person by name', () => {
    const asked = { assignee: 'wang', candidateGroups: ['user:wang'], type: 'COUNTERSIGN' as const };
    expect(ccRefusal(coordinator, asked)).toMatchObject({ status: 403, code: 'STEP_NOT_COPIED' });
    expect(taskRefusal(coordinator, asked, 'delegate')).toMatchObject({
      status: 403,
      code: 'STEP_NOT_DELEGATED',
    });
    expect(taskRefusal(coordinator, asked, 'complete')).toBeNull();
    expect(ccRefusal(coordinator, { ...asked, type: 'SCREEN' })).toBeNull();
    expect(taskRefusal(coordinator, { ...asked, type: 'SCREEN' }, 'delegate')).toBeNull();
  });
});

describe('抄送 to people who may not see the enterprise', () => {
  it('names them as people are named, the login beside the name, and by login one it does not know', () => {
    const refusal = notReadersRefusal(
      'users',
      ['industry-t9', 'nobody-here'],
      new Map([['industry-t9', '李明']]),
    );
    expect(refusal?.code).toBe('USERS_MAY_NOT_SEE');
    expect(refusal?.text.zh).toBe('以下用户无权查看该企业：李明（industry-t9）、nobody-here');
    expect(refusal?.text.en).toBe('these users may not see the enterprise: 李明 (industry-t9), nobody-here');
  });

  it('refuses nobody when everyone named may see it', () => {
    expect(notReadersRefusal('users', [])).toBeNull();
  });
});
