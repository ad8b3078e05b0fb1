import { Actor } from './roles';
import { candidateFilter, noticeRecipients } from './task-notices';

const coordinator = (username: string): Actor => ({ username, role: 'city_coordinator', scope: {} });
const district = (username: string, d: string): Actor => ({
  username,
  role: 'district_officer',
  scope: { districts: [d] },
});

describe('noticeRecipients', () => {
  const people = [
    coordinator('c1'),
    coordinator('c2'),
    district('d1', '500112'),
    district('d2', '500113'),
    { username: 'e1', role: 'enterprise_user', scope: { creditCodes: ['91500000MA5U0001XX'] } } as Actor,
  ];

  it('tells every candidate once, and nobody outside the groups', () => {
    expect(
      noticeRecipients(
        {
          assignee: null,
          candidateGroups: ['city_coordinator', 'user:c1', 'district_officer:district:500112'],
        },
        people,
      ),
    ).toEqual(['c1', 'c2', 'd1']);
  });

  it('tells only the assignee of an assigned task, when they are active', () => {
    expect(noticeRecipients({ assignee: 'd2', candidateGroups: ['city_coordinator'] }, people)).toEqual([
      'd2',
    ]);
    expect(noticeRecipients({ assignee: 'gone', candidateGroups: ['city_coordinator'] }, people)).toEqual([]);
  });

  it('reaches an enterprise’s users by its credit code', () => {
    expect(
      noticeRecipients(
        { assignee: null, candidateGroups: ['enterprise_user:enterprise:91500000MA5U0001XX'] },
        people,
      ),
    ).toEqual(['e1']);
  });
});

describe('candidateFilter', () => {
  it('names the roles, users and departments of the groups', () => {
    expect(
      candidateFilter({
        assignee: null,
        candidateGroups: [
          'city_coordinator',
          'district_officer:district:500112',
          'user:a:b',
          'department:finance',
        ],
      }),
    ).toEqual({
      roles: ['city_coordinator', 'district_officer'],
      usernames: ['a:b'],
      departments: ['finance'],
    });
    expect(candidateFilter({ assignee: 'x', candidateGroups: ['city_coordinator'] })).toEqual({
      roles: [],
      usernames: ['x'],
      departments: [],
    });
  });
});
