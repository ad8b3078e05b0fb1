import { responsiblePartyOf } from './task-departments';

describe('responsiblePartyOf', () => {
  it.each([
    [['city_coordinator'], 'tech'],
    [['district_officer:district:500112'], 'district'],
    [['industry_officer:cluster:T2'], 'industry'],
    [['enterprise_user:enterprise:91500000MA5U000000'], 'enterprise'],
    [['user:commissioner-1'], 'commissioner'],
    [['department:finance'], 'finance'],
    [['department:sme'], 'sme'],
  ])('%j → %s', (groups, party) => {
    expect(responsiblePartyOf(groups)).toBe(party);
  });

  it('names no party for no groups or unknown ones', () => {
    expect(responsiblePartyOf([])).toBeNull();
    expect(responsiblePartyOf(['department:nowhere', 'stranger'])).toBeNull();
  });
});
