import {
  assertValid,
  CASE_OFFICER_ROLES,
  mayNameProxy,
  overdueText,
  proxyPersonProblem,
  shanghaiTime,
  TASK_FORMS,
  WHISTLE_FIELDS,
} from '@hardtech/domain';
import { backdateBy, DEMO_PORTRAIT, DEMO_PROBLEMS, DEMO_USERS, DEMO_WHISTLE } from './demo-data';

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
