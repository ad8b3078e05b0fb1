import { clusterDivision, divisionNames, responsibleDepartment } from './divisions';
import { t } from './text';

const T2 = {
  code: 'T2',
  name: '新一代电子信息制造业',
  en: 'New-generation electronic information manufacturing',
};

describe('clusterDivision', () => {
  it('names the division the taxonomy gives the cluster, in both languages', () => {
    const named = { ...T2, divisionName: '电子信息处', divisionEn: 'Electronic Information Division' };
    expect(clusterDivision(named, 'T2')).toEqual(t('电子信息处', 'Electronic Information Division'));
  });

  it('reads 行业处室（cluster） while unset, or blank, each language on its own', () => {
    expect(clusterDivision(T2, 'T2')).toEqual(
      t(
        '行业处室（新一代电子信息制造业）',
        'Industry division (New-generation electronic information manufacturing)',
      ),
    );
    expect(clusterDivision({ ...T2, divisionName: '  ', divisionEn: null }, 'T2').zh).toBe(
      '行业处室（新一代电子信息制造业）',
    );
    expect(clusterDivision({ ...T2, divisionName: '电子信息处' }, 'T2')).toEqual(
      t('电子信息处', 'Industry division (New-generation electronic information manufacturing)'),
    );
  });

  it('names a cluster missing from the taxonomy by its code', () => {
    expect(clusterDivision(undefined, 'X9')).toEqual(t('行业处室（X9）', 'Industry division (X9)'));
  });
});

describe('responsibleDepartment', () => {
  const division = t('电子信息处', 'Electronic Information Division');

  it('is the lead division for an industry-owned problem', () => {
    expect(responsibleDepartment('industry', division)).toEqual(division);
  });

  it('is the department for every other owner, and 行业处室 with no division known', () => {
    expect(responsibleDepartment('finance', division)).toEqual(
      t('产业金融处', 'Industrial finance division'),
    );
    expect(responsibleDepartment('industry', null)).toEqual(t('行业处室', 'Industry division'));
  });
});

describe('divisionNames', () => {
  it('trims, and unsets a blank name', () => {
    expect(divisionNames(' 电子信息处 ', '')).toEqual({ name: '电子信息处', en: null });
    expect(divisionNames('  ', null)).toEqual({ name: null, en: null });
  });

  it('refuses an English name without the Chinese one (422)', () => {
    expect(() => divisionNames(null, 'Electronics Division')).toThrow(
      expect.objectContaining({ status: 422, code: 'DIVISION_NAME_REQUIRED' }),
    );
  });
});
