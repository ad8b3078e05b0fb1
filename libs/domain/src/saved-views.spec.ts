import { Actor } from './roles';
import { creditCodeFor } from './samples';
import {
  audienceProblems,
  VIEW_AUDIENCE_ROLES,
  viewAudienceRefusal,
  viewFilterProblems,
  viewListChangeRefusal,
  viewListProblems,
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

  const fields = (errors: { field: string }[]) => errors.map((e) => e.field);

  it('hold only inbox filters, with valid values', () => {
    expect(
      viewFilterProblems('inbox', { type: 'DISTRICT_FEEDBACK', overdue: true, district: '500112' }),
    ).toEqual([]);
    expect(fields(viewFilterProblems('inbox', { type: 'NOPE', sql: 'drop' }))).toEqual([
      'filter.sql',
      'filter.type',
    ]);
  });

  it("of the ledger hold GET /api/problems's filters: a department's board, overdue, a cluster, a district, a status", () => {
    const board = {
      owner: 'sme',
      status: 'in_progress',
      category: 'policy_support',
      creditCode: creditCodeFor(7),
      district: '500112',
      cluster: 'T2',
      q: '芯片',
      overdue: true,
      pageSize: 200,
    };
    expect(viewFilterProblems('ledger', board)).toEqual([]);
    expect(viewFilterProblems('ledger', { status: 'ended' })).toEqual([]);
    // Each wrong value named, as GET /api/problems would refuse it; the inbox's fields are not the ledger's.
    expect(
      fields(
        viewFilterProblems('ledger', {
          owner: 'police',
          status: 'done',
          district: '999999',
          cluster: 'ZZ',
          overdue: 'true',
          creditCode: creditCodeFor(7).slice(0, 17) + 'X',
          pageSize: 201,
          type: 'SCREEN',
        }),
      ),
    ).toEqual([
      'filter.type',
      'filter.owner',
      'filter.status',
      'filter.creditCode',
      'filter.district',
      'filter.cluster',
      'filter.overdue',
      'filter.pageSize',
    ]);
    // A cluster of the live taxonomy (a 新星 one added by the coordinators) is one.
    expect(viewFilterProblems('ledger', { cluster: 'N9' }, new Set(['N9']))).toEqual([]);
  });

  it("of the enterprise list hold GET /api/enterprises's filters", () => {
    expect(
      viewFilterProblems('enterprises', {
        stage: 'supporting',
        district: '500112',
        cluster: 'T2',
        q: '重庆',
        inPoolOn: '2026-06-30',
        admittedIn: 2025,
        doubling: 'behind',
        leftIn: 2026,
        leftAs: 'graduated',
        leftFor: 'none',
        pageSize: 100,
      }),
    ).toEqual([]);
    expect(
      fields(
        viewFilterProblems('enterprises', {
          stage: 'sleeping',
          inPoolOn: '2026-02-30',
          admittedIn: 2019,
          doubling: 'tripled',
          leftFor: 'bored',
          owner: 'sme',
          pageSize: 101,
        }),
      ),
    ).toEqual([
      'filter.owner',
      'filter.stage',
      'filter.inPoolOn',
      'filter.admittedIn',
      'filter.doubling',
      'filter.leftFor',
      'filter.pageSize',
    ]);
  });

  it('belong to a known list, the inbox when none is named', () => {
    expect(viewListProblems(undefined)).toEqual([]);
    for (const list of ['inbox', 'ledger', 'enterprises']) expect(viewListProblems(list)).toEqual([]);
    expect(fields(viewListProblems('reports'))).toEqual(['list']);
    expect(fields(viewListProblems(['ledger']))).toEqual(['list']);
    expect(viewListChangeRefusal('ledger', 'ledger')).toBeNull();
    expect(viewListChangeRefusal('ledger', 'inbox')).toMatchObject({
      status: 422,
      code: 'VIEW_LIST_FIXED',
      details: [{ field: 'list' }],
    });
  });

  it('name real roles, districts and departments', () => {
    expect(
      audienceProblems({ roles: ['wizard'], districts: ['999999'], departments: ['sme'], teams: [] }).map(
        (e) => e.field,
      ),
    ).toEqual(['sharedWith.roles[0]', 'sharedWith.districts[0]', 'sharedWith.teams']);
  });
});
