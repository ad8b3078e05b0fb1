import { ledgerDepartmentOf } from './departments';

describe('ledgerDepartmentOf', () => {
  it('names the department of 中小企业处 and 产业金融处 by their scope', () => {
    expect(ledgerDepartmentOf('sme_officer', { department: 'sme' })).toBe('sme');
    expect(ledgerDepartmentOf('finance_officer', { department: 'finance' })).toBe('finance');
  });

  it('names 行业处室 for an industry officer, whose cluster scope names no department', () => {
    expect(ledgerDepartmentOf('industry_officer', { clusters: ['T2'] })).toBe('industry');
  });

  it('names 区县产业主管部门 for a district officer, whose district scope names no department', () => {
    expect(ledgerDepartmentOf('district_officer', { districts: ['500112'] })).toBe('district');
  });

  it('names none for the officers whose work is their inbox', () => {
    expect(ledgerDepartmentOf('city_coordinator', {})).toBeNull();
    expect(ledgerDepartmentOf('commissioner', {})).toBeNull();
  });
});
