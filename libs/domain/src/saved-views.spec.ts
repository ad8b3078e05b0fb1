import { Actor } from './roles';
import {
  audienceProblems,
  VIEW_AUDIENCE_ROLES,
  viewAudienceRefusal,
  viewFilterProblems,
  viewVisibleTo,
} from './saved-views';

const view = (sharedWith: object) => ({
  owner: 'alice',
  sharedWith: { roles: [], districts: [], departments: [], ...sharedWith },
});
const actor = (over: Partial<Actor>): Actor => ({
  username: 'bob',
  role: 'district_officer',
  scope: { districts: ['500112'] },
  ...over,
});

describe('shared saved views', () => {
  it('are visible to the owner and to the audience they name, nobody else', () => {
    expect(viewVisibleTo(view({}), actor({ username: 'alice' }))).toBe(true);
    expect(viewVisibleTo(view({}), actor({}))).toBe(false);
    expect(viewVisibleTo(view({ roles: ['district_officer'] }), actor({}))).toBe(true);
    expect(viewVisibleTo(view({ districts: ['500112'] }), actor({}))).toBe(true);
    expect(viewVisibleTo(view({ districts: ['500113'] }), actor({}))).toBe(false);
    expect(
      viewVisibleTo(
        view({ departments: ['sme'] }),
        actor({ role: 'sme_officer', scope: { department: 'sme' } }),
      ),
    ).toBe(true);
    expect(
      viewVisibleTo(
        view({ departments: ['sme'] }),
        actor({ role: 'finance_officer', scope: { department: 'finance' } }),
      ),
    ).toBe(false);
  });

  it('are never shared with enterprise users, nor shown to them', () => {
    const enterprise = actor({ role: 'enterprise_user', scope: { creditCodes: ['91500000MA5U7QXR3N'] } });
    expect(viewVisibleTo(view({ roles: ['enterprise_user'] }), enterprise)).toBe(false);
    expect(viewAudienceRefusal({ roles: ['city_coordinator'] })).toBeNull();
    expect(viewAudienceRefusal({ roles: ['city_coordinator', 'enterprise_user'] })).toMatchObject({
      status: 422,
      code: 'VIEW_NOT_FOR_ENTERPRISES',
      details: [{ field: 'sharedWith.roles[1]' }],
    });
  });

  it('are never shared with the three administrators, who work no cases; the picker offers case workers only', () => {
    expect(viewAudienceRefusal({ roles: ['leader', 'system_admin', 'audit_admin'] })).toMatchObject({
      status: 422,
      code: 'VIEW_NOT_FOR_ADMINISTRATORS',
      details: [{ field: 'sharedWith.roles[1]' }, { field: 'sharedWith.roles[2]' }],
    });
    expect(viewAudienceRefusal({ roles: ['security_admin'] })?.code).toBe('VIEW_NOT_FOR_ADMINISTRATORS');
    expect(VIEW_AUDIENCE_ROLES).toEqual(expect.arrayContaining(['city_coordinator', 'auditor', 'leader']));
    for (const role of ['system_admin', 'security_admin', 'audit_admin', 'enterprise_user'] as const)
      expect(VIEW_AUDIENCE_ROLES).not.toContain(role);
  });

  it('hold only inbox filters, with valid values', () => {
    expect(viewFilterProblems({ type: 'DISTRICT_FEEDBACK', overdue: true, district: '500112' })).toEqual([]);
    expect(viewFilterProblems({ type: 'NOPE', sql: 'drop' }).map((e) => e.field)).toEqual([
      'filter.sql',
      'filter.type',
    ]);
  });

  it('name real roles, districts and departments', () => {
    expect(
      audienceProblems({ roles: ['wizard'], districts: ['999999'], departments: ['sme'], teams: [] }).map(
        (e) => e.field,
      ),
    ).toEqual(['sharedWith.roles[0]', 'sharedWith.districts[0]', 'sharedWith.teams']);
  });
});
