import { Actor } from '../roles';
import {
  isPersonalTaskOf,
  mayNameProxy,
  onBehalfLabel,
  principalOnTask,
  proxyActive,
  proxyPersonProblem,
  proxyRefusal,
  scopeCovers,
} from './proxy';

const now = new Date('2026-12-05T02:00:00Z');
const week = { from: new Date('2026-12-05T00:00:00Z'), until: new Date('2026-12-12T00:00:00Z') };
const zhang: Actor = { username: 'zhang', role: 'district_officer', scope: { districts: ['500112'] } };
const fieldsOf = (e: ReturnType<typeof proxyRefusal>) => e?.details.map((d) => d.field) ?? [];

describe('委托代理', () => {
  it('accepts an active colleague of the same role whose scope covers the principal’s', () => {
    const wang: Actor = {
      username: 'wang',
      role: 'district_officer',
      scope: { districts: ['500112', '500113'] },
    };
    expect(proxyRefusal(zhang, wang, week, now)).toBeNull();
  });

  it('refuses another role, a narrower scope, an unknown user, oneself and a bad period (422)', () => {
    const other: Actor = { username: 'li', role: 'industry_officer', scope: { clusters: ['T2'] } };
    const narrow: Actor = { username: 'zhao', role: 'district_officer', scope: { districts: ['500113'] } };
    expect(proxyRefusal(zhang, other, week, now)).toMatchObject({ status: 422, code: 'PROXY_NOT_ALLOWED' });
    expect(fieldsOf(proxyRefusal(zhang, narrow, week, now))).toEqual(['to']);
    expect(fieldsOf(proxyRefusal(zhang, null, week, now))).toEqual(['to']);
    expect(fieldsOf(proxyRefusal(zhang, zhang, week, now))).toEqual(['to']);
    const backwards = { from: week.until, until: week.from };
    expect(fieldsOf(proxyRefusal(zhang, { ...zhang, username: 'wang' }, backwards, now))).toEqual(['until']);
  });

  it('names the people the picker may offer, whatever the period', () => {
    const wide: Actor = {
      username: 'wang',
      role: 'district_officer',
      scope: { districts: ['500112', '500113'] },
    };
    const narrow: Actor = { username: 'zhao', role: 'district_officer', scope: { districts: ['500113'] } };
    const leader: Actor = { username: 'lead', role: 'leader', scope: {} };
    expect(proxyPersonProblem(zhang, wide)).toBeNull();
    expect(proxyPersonProblem(zhang, narrow)?.zh).toContain('范围');
    expect(proxyPersonProblem(zhang, zhang)?.en).toBe('not yourself');
    expect(proxyPersonProblem(leader, { ...leader, username: 'lead-2' })?.en).toContain('read-only');
  });

  it('lets only case officers delegate: an enterprise user and an administrator hold no personal task', () => {
    const company = { creditCodes: ['91500112000000001R'] };
    const ent: Actor = { username: 'ent-a', role: 'enterprise_user', scope: company };
    const security: Actor = { username: 'sec', role: 'security_admin', scope: {} };
    expect(proxyPersonProblem(ent, { ...ent, username: 'ent-b' })?.en).toContain('no personal task');
    expect(proxyPersonProblem(security, { ...security, username: 'sec-2' })?.en).toContain(
      'no personal task',
    );
    expect(proxyRefusal(ent, { ...ent, username: 'ent-b' }, week, week.from)?.code).toBe('PROXY_NOT_ALLOWED');
    expect(mayNameProxy('commissioner')).toBe(true);
    expect(mayNameProxy('enterprise_user')).toBe(false);
  });

  it('covers scopes field by field', () => {
    expect(scopeCovers({ clusters: ['T1', 'T2'] }, { clusters: ['T2'] })).toBe(true);
    expect(scopeCovers({}, { department: 'finance' })).toBe(false);
    expect(scopeCovers({}, {})).toBe(true);
  });

  it('runs from `from` (inclusive) until `until` (exclusive)', () => {
    expect(proxyActive(week, week.from)).toBe(true);
    expect(proxyActive(week, week.until)).toBe(false);
  });

  it('knows the principal’s personal tasks: held by them, or theirs by name while unclaimed', () => {
    expect(isPersonalTaskOf('zhang', { assignee: 'zhang', candidateGroups: ['city_coordinator'] })).toBe(
      true,
    );
    expect(isPersonalTaskOf('zhang', { assignee: null, candidateGroups: ['user:zhang'] })).toBe(true);
    expect(isPersonalTaskOf('zhang', { assignee: 'li', candidateGroups: ['user:zhang'] })).toBe(false);
    expect(isPersonalTaskOf('zhang', { assignee: null, candidateGroups: ['city_coordinator'] })).toBe(false);
  });

  it('finds whom a proxy acts for on a task: the principal’s personal task, unless the proxy may do it anyway', () => {
    const wang: Actor = { username: 'wang', role: 'district_officer', scope: { districts: ['500112'] } };
    const feedback = { candidateGroups: ['district_officer:district:500112'] };
    expect(principalOnTask(wang, { ...feedback, assignee: 'zhang' }, ['li', 'zhang'])).toBe('zhang');
    expect(principalOnTask(wang, { ...feedback, assignee: 'zhang' }, [])).toBeUndefined();
    // Someone else's claim, or unclaimed (any district officer may do it, the proxy as themselves).
    expect(principalOnTask(wang, { ...feedback, assignee: 'li' }, ['zhang'])).toBeUndefined();
    expect(principalOnTask(wang, { ...feedback, assignee: null }, ['zhang'])).toBeUndefined();
    // Theirs by name while unclaimed (an assigned commissioner's DIAGNOSE).
    expect(principalOnTask(wang, { assignee: null, candidateGroups: ['user:zhang'] }, ['zhang'])).toBe(
      'zhang',
    );
  });

  it('names a proxy’s step 王五（代 张三）', () => {
    expect(onBehalfLabel('王五', '张三').zh).toBe('王五（代 张三）');
  });
});
