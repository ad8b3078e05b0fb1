import { DomainError } from './errors';
import { parseNomination } from './nomination';
import { errorsByHeader, NOMINATION_SHEET, nominationFromRow } from './nomination-sheet';
import { BUILTIN_CLUSTERS } from './reference';

const example = Object.fromEntries(NOMINATION_SHEET.map((c) => [c.header, c.example]));

describe('the nomination spreadsheet', () => {
  it('turns the template’s example row into a valid nomination', () => {
    const n = nominationFromRow(example, BUILTIN_CLUSTERS);
    expect(() => parseNomination(n)).not.toThrow();
    expect(n).toMatchObject({
      district: '500112',
      cluster: 'T2',
      techCenter: { kind: 'enterprise_tech_center', level: 'municipal' },
      listed: false,
      srdi: 'specialized',
      achievements: [{ kind: 'fill_gap', description: '填补国内车规级传感器空白' }],
    });
  });

  it('reads money in 万元, as the form takes it, and an earlier template’s yuan columns', () => {
    expect(nominationFromRow(example, BUILTIN_CLUSTERS)).toMatchObject({
      revenuePrevYear: 80_000_000,
      rdExpensePrevYear: 6_000_000,
    });
    expect(
      nominationFromRow({ ...example, '上年度营业收入（万元）': '8,000.1234' }, BUILTIN_CLUSTERS),
    ).toMatchObject({ revenuePrevYear: 80_001_234 });
    // More than four decimals of 万元 is less than a yuan: left for validation to refuse.
    expect(
      nominationFromRow({ ...example, '上年度营业收入（万元）': '1.23456' }, BUILTIN_CLUSTERS),
    ).toMatchObject({ revenuePrevYear: '1.23456' });
    const former = Object.fromEntries(
      NOMINATION_SHEET.map((c) => [c.formerHeader ?? c.header, c.formerHeader ? '' : c.example]),
    );
    expect(
      nominationFromRow(
        { ...former, '上年度营业收入（元）': '80,000,000', '上年度研发投入（元）': 6_000_000 },
        BUILTIN_CLUSTERS,
      ),
    ).toMatchObject({ revenuePrevYear: 80_000_000, rdExpensePrevYear: 6_000_000 });
  });

  it('accepts codes as well as names, and money with separators', () => {
    const n = nominationFromRow(
      {
        ...example,
        所在区县: 'LJXQ',
        所属产业集群: 'F5',
        '上年度营业收入（万元）': '8,000',
        专精特新资质: '小巨人',
        技术中心类型: '无',
        技术中心级别: '',
      },
      BUILTIN_CLUSTERS,
    );
    expect(n).toMatchObject({
      district: 'LJXQ',
      cluster: 'F5',
      revenuePrevYear: 80_000_000,
      srdi: 'little_giant',
      techCenter: { kind: 'none', level: null },
    });
  });

  it('reports errors under the column headers officers see', () => {
    const n = nominationFromRow(
      { ...example, 所在区县: '火星区', '上年度研发投入（万元）': '很多', 是否上市: '也许', 联系电话: 'x' },
      BUILTIN_CLUSTERS,
    );
    let fields: string[] = [];
    try {
      parseNomination(n);
    } catch (e) {
      fields = errorsByHeader((e as DomainError).details).map((d) => d.field);
    }
    expect(fields).toEqual(['所在区县', '上年度研发投入（万元）', '是否上市', '联系电话']);
  });
});
