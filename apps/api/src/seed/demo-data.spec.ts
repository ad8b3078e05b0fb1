import {
  assertValid,
  CASE_OFFICER_ROLES,
  groupsOf,
  mayNameProxy,
  overdueText,
  proxyPersonProblem,
  shanghaiTime,
  TASK_FORMS,
  WHISTLE_FIELDS,
} from '@hardtech/domain';
import {
  backdateBy,
  DEMO_ENTERPRISES,
  DEMO_PORTRAIT,
  DEMO_PROBLEMS,
  DEMO_USERS,
  DEMO_WHISTLE,
  DemoUser,
} from './demo-data';

describe('demo data', () => {
  // Department officers (中小企业处, 产业金融处) work ledger problems owned by their department.
  const departmentOfficers = DEMO_USERS.filter((u) => u.scope.department);

  it('gives every department officer of the demo a ledger problem of its own department', () => {
    expect(departmentOfficers.map((u) => u.username)).toEqual([
      'sme-officer',
      'finance-officer',
      'sme-officer-2',
      'finance-officer-2',
    ]);
    for (const officer of departmentOfficers) {
      expect(DEMO_PROBLEMS.filter((p) => p.ownerDepartment === officer.scope.department)).not.toEqual([]);
    }
  });

  it('whistles on a problem of the SME division, whose officer then has a 部门报到 task in the inbox', () => {
    expect(DEMO_PROBLEMS.some((p) => p.ownerDepartment === DEMO_WHISTLE.ownerDepartment)).toBe(true);
    expect(
      departmentOfficers.find((u) => u.scope.department === DEMO_WHISTLE.ownerDepartment)?.username,
    ).toBe('sme-officer');
  });

  it('gives every demo officer a colleague 委托代理 may name: the proxy picker is never empty', () => {
    const officers = DEMO_USERS.filter((u) => mayNameProxy(u.role));
    expect(new Set(officers.map((u) => u.role))).toEqual(new Set(CASE_OFFICER_ROLES));
    for (const officer of officers) {
      expect([officer.username, officers.some((other) => !proxyPersonProblem(officer, other))]).toEqual([
        officer.username,
        true,
      ]);
    }
  });

  // 企业服务专员 陈静 and 安全审计员 陈静 were two people of one name, and 张三 the contact of every
  // enterprise: a history, a picker or a case file saying 陈静 or 张三 did not tell which. Every
  // person is named `<unit> <name>`; an enterprise's account is its contact.
  it('names every person of the demo differently', () => {
    const personName = (u: DemoUser): string => u.displayName.split(' ').at(-1)!;
    const names = DEMO_USERS.map(personName);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    expect(new Set(DEMO_USERS.map((u) => u.username)).size).toBe(DEMO_USERS.length);
    for (const e of DEMO_ENTERPRISES) {
      const account = DEMO_USERS.find((u) => u.username === e.user)!;
      expect([e.user, personName(account)]).toEqual([e.user, e.nomination.contact.name]);
    }
  });

  // 重庆精锐 (screening) and 重庆宏达 are of P1: without an industry officer of P1 nobody of their own
  // cluster could work their steps or be asked to 加签.
  it('has industry officers of P1, in the candidate group of its steps, for 重庆精锐 and 重庆宏达', () => {
    const p1 = DEMO_ENTERPRISES.filter((e) => e.nomination.cluster === 'P1').map((e) => e.user);
    expect(p1).toEqual(['ent-jingrui', 'ent-hongda']);
    const officers = DEMO_USERS.filter((u) => groupsOf(u).includes('industry_officer:cluster:P1'));
    expect(officers.map((u) => [u.username, u.displayName])).toEqual([
      ['industry-p1', '装备工业处 唐亮'],
      ['industry-p1-b', '装备工业处 邓伟'],
    ]);
  });

  it('is data the diagnosis form and the whistle accept, so the seed does not stop half way', () => {
    expect(() =>
      assertValid(TASK_FORMS.DIAGNOSE.outcomes.submit.fields, {
        portrait: DEMO_PORTRAIT,
        problems: DEMO_PROBLEMS,
      }),
    ).not.toThrow();
    expect(() =>
      assertValid(WHISTLE_FIELDS, { title: DEMO_WHISTLE.title, description: DEMO_WHISTLE.description }),
    ).not.toThrow();
  });
});

describe('an overdue demo task', () => {
  it('is due at the end of a Shanghai day, as many whole days ago as the demo says', () => {
    const dueAt = new Date('2026-12-16T15:59:59.999Z'); // as the lifecycle gave it
    for (const now of ['2026-12-06T06:37:00Z', '2026-12-06T15:59:00Z', '2026-12-06T16:01:00Z']) {
      const moved = new Date(dueAt.getTime() - backdateBy(dueAt, new Date(now), 3));
      expect(shanghaiTime(moved, 'second').slice(11)).toBe('23:59:59');
      expect(overdueText(moved, new Date(now))).toBe('已超期 3 天');
    }
  });
});
