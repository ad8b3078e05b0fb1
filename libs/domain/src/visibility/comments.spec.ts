import { commentVisible } from './task-material';

describe('commentVisible', () => {
  it('gives an enterprise its own side of the conversation only', () => {
    expect(commentVisible('enterprise_user', 'enterprise_user')).toBe(true);
    expect(commentVisible('enterprise_user', 'city_coordinator')).toBe(false);
    expect(commentVisible('enterprise_user', 'finance_officer')).toBe(false);
    expect(commentVisible('enterprise_user', null)).toBe(false);
  });

  it("gives a division the enterprise's and its own division's comments, not another department's", () => {
    expect(commentVisible('finance_officer', 'enterprise_user')).toBe(true);
    expect(commentVisible('finance_officer', 'finance_officer')).toBe(true);
    expect(commentVisible('finance_officer', 'city_coordinator')).toBe(false);
    expect(commentVisible('sme_officer', 'finance_officer')).toBe(false);
  });

  it('gives officers every comment', () => {
    expect(commentVisible('city_coordinator', 'finance_officer')).toBe(true);
    expect(commentVisible('auditor', 'enterprise_user')).toBe(true);
  });
});
