import { personDepartment } from './departments';
import { DISTRICTS, districtText } from './reference';

describe('districts in English', () => {
  it('gives every district, county and zone of Chongqing its pinyin name', () => {
    expect(DISTRICTS).toHaveLength(41);
    const unnamed = DISTRICTS.filter(
      (d) => !/^[A-Z][A-Za-z' -]+(District|County|New Area|Zone(?: \([A-Za-z ]+\))?)$/.test(d.en ?? ''),
    );
    expect(unnamed).toEqual([]);
    expect(new Set(DISTRICTS.map((d) => d.en)).size).toBe(DISTRICTS.length);
  });

  it('names a district in both languages, an unknown code as itself', () => {
    expect(districtText('500112')).toEqual({ zh: '渝北区', en: 'Yubei District' });
    expect(districtText('500240')).toEqual({ zh: '石柱土家族自治县', en: 'Shizhu Tujia Autonomous County' });
    expect(districtText('999999')).toEqual({ zh: '999999', en: '999999' });
  });

  it('says a district officer’s department in English words', () => {
    expect(personDepartment('district_officer', { districts: ['500112'] })).toEqual({
      zh: '渝北区经信部门',
      en: 'Yubei District department of economy and IT',
    });
  });
});
