import { BATCH_NOMINATORS, groupsOf, isCandidate, lifecycleMayStart, personalCandidates } from './access';
import { Actor } from './roles';

const commissioner: Actor = { username: 'chen', role: 'commissioner', scope: { districts: ['500112'] } };

describe('candidate groups', () => {
  it('derives a user’s groups from role, scope and name', () => {
    expect(groupsOf(commissioner)).toEqual(['commissioner', 'commissioner:district:500112', 'user:chen']);
  });

  it('makes a candidate of anyone in one of the task’s groups', () => {
    expect(isCandidate(commissioner, ['user:chen'])).toBe(true);
    expect(isCandidate(commissioner, ['district_officer:district:500112', 'user:li'])).toBe(false);
  });

  it('names the people a task waits for one by one, and no one for a group of a role', () => {
    expect(personalCandidates(['user:chen', 'city_coordinator', 'user:li'])).toEqual(['chen', 'li']);
    expect(personalCandidates(['industry_officer:cluster:T2', 'department:sme'])).toEqual([]);
  });
});

describe('nominating', () => {
  it('starts a lifecycle when the enterprise has none or its last has ended, never beside a running one', () => {
    expect(lifecycleMayStart(null)).toBe(true);
    expect(lifecycleMayStart({ stage: 'graduated' })).toBe(true);
    expect(lifecycleMayStart({ stage: 'rejected' })).toBe(true);
    expect(lifecycleMayStart({ stage: 'supporting' })).toBe(false);
    expect(lifecycleMayStart({ stage: 'screening' })).toBe(false);
  });

  it('leaves the batch import to the offices: an enterprise nominates only itself', () => {
    expect(BATCH_NOMINATORS).not.toContain('enterprise_user');
    expect(BATCH_NOMINATORS).toContain('district_officer');
  });
});
