import { Nomination } from './nomination';
import { DEFAULT_POLICY } from './policy';
import { sampleNomination } from './samples';
import { criterionDetail, evaluateScreening, failedCriteria, withMoneyText } from './screening';

const th = DEFAULT_POLICY.thresholds;
const byId = (n: Nomination) =>
  Object.fromEntries(evaluateScreening(n, th, 1).criteria.map((c) => [c.id, c]));

describe('screening (二(一))', () => {
  it('passes every measurable criterion of a qualifying enterprise and leaves C2/C6 to judgment', () => {
    const c = byId(sampleNomination());
    expect([c.C1, c.C3, c.C4, c.C5, c.S1, c.S2].map((x) => x.outcome)).toEqual(Array(6).fill('pass'));
    expect([c.C2.outcome, c.C6.outcome]).toEqual(['judgment', 'judgment']);
  });

  it('names the technology centre and SRDI status in English words, not option codes', () => {
    const c = byId(
      sampleNomination({
        techCenter: { kind: 'enterprise_tech_center', level: 'municipal' },
        srdi: 'specialized',
      }),
    );
    expect([c.C3.detailEn, c.S2.detailEn]).toEqual([
      'municipal enterprise technology centre',
      'specialised enterprise (SRDI)',
    ]);
    const d = byId(
      sampleNomination({ techCenter: { kind: 'innovation_demo', level: 'national' }, srdi: 'little_giant' }),
    );
    expect([d.C3.detailEn, d.S2.detailEn]).toEqual([
      'national technology-innovation demonstration enterprise',
      '“little giant” specialised enterprise',
    ]);
  });

  it('reads the codes of screenings stored before as the same words', () => {
    const en = (id: 'C3' | 'S2' | 'C4', detailEn: string) =>
      criterionDetail({ id, detail: '', detailEn }, 'en');
    expect(en('C3', 'municipal enterprise_tech_center')).toBe('municipal enterprise technology centre');
    expect(en('S2', 'specialized')).toBe('specialised enterprise (SRDI)');
    expect(en('S2', 'little_giant')).toBe('“little giant” specialised enterprise');
    expect(en('C4', 'R&D intensity 7.00% ≥ 5%')).toBe('R&D intensity 7.00% ≥ 5%');
  });

  it('reads the money of screenings stored before as a new screening writes it', () => {
    const stored = {
      id: 'C1' as const,
      detail: '上年度营业收入 8000万元 ≤ 10000万元',
      detailEn: 'previous-year revenue 80000000 ≤ 100000000 yuan',
    };
    expect(criterionDetail(stored, 'en')).toBe('previous-year revenue CNY 80 million ≤ CNY 100 million');
    expect(criterionDetail(stored, 'zh')).toBe('上年度营业收入 8,000 万元 ≤ 1 亿元');
    const fresh = byId(sampleNomination({ revenuePrevYear: 80_000_000 })).C1;
    expect([criterionDetail(fresh, 'en'), criterionDetail(fresh, 'zh')]).toEqual([
      criterionDetail(stored, 'en'),
      criterionDetail(stored, 'zh'),
    ]);
    expect(
      criterionDetail(
        {
          id: 'C4',
          detail: '上年度营业收入为0，研发投入 12.5万元',
          detailEn: 'no revenue; R&D expense 125000 yuan',
        },
        'en',
      ),
    ).toBe('no revenue; R&D expense CNY 125,000');
    // An annual review's finding, as stored before.
    expect(withMoneyText('previous-year revenue 150000000 above 100000000 yuan', 'en')).toBe(
      'previous-year revenue CNY 150 million above CNY 100 million',
    );
  });

  it('explains R&D intensity below 5% as the officers write it', () => {
    const c = byId(sampleNomination({ revenuePrevYear: 100_000_000, rdExpensePrevYear: 4_900_000 }));
    expect(c.C4).toMatchObject({ outcome: 'fail', kind: 'hard', detail: '研发投入强度 4.90% < 5%' });
  });

  it('takes 5.00% exactly as meeting the threshold', () => {
    expect(
      byId(sampleNomination({ revenuePrevYear: 100_000_000, rdExpensePrevYear: 5_000_000 })).C4.outcome,
    ).toBe('pass');
  });

  it('treats revenue above 1亿元 as a soft failure with the amounts as the policy writes money', () => {
    const c = byId(sampleNomination({ revenuePrevYear: 120_000_000, rdExpensePrevYear: 7_000_000 }));
    expect(c.C1).toMatchObject({
      outcome: 'fail',
      kind: 'soft',
      detail: '上年度营业收入 1.2 亿元 > 1 亿元',
      detailEn: 'previous-year revenue CNY 120 million > CNY 100 million',
    });
    expect(byId(sampleNomination({ revenuePrevYear: 80_000_000 })).C1).toMatchObject({
      detail: '上年度营业收入 8,000 万元 ≤ 1 亿元',
      detailEn: 'previous-year revenue CNY 80 million ≤ CNY 100 million',
    });
  });

  it('fails C3 without a technology centre, C5 without Class I IP and S1 when listed', () => {
    const c = byId(
      sampleNomination({ techCenter: { kind: 'none', level: null }, classOneIpCount: 0, listed: true }),
    );
    expect([c.C3.outcome, c.C5.outcome, c.S1.outcome]).toEqual(['fail', 'fail', 'fail']);
    expect(c.C5.detail).toBe('Ⅰ类知识产权 0 项 < 1 项');
  });

  it('counts R&D without revenue as meeting the intensity, and nothing at all as failing', () => {
    expect(byId(sampleNomination({ revenuePrevYear: 0, rdExpensePrevYear: 1 })).C4.outcome).toBe('pass');
    expect(byId(sampleNomination({ revenuePrevYear: 0, rdExpensePrevYear: 0 })).C4.outcome).toBe('fail');
  });

  it('reads its thresholds from the policy version, not from code', () => {
    const report = evaluateScreening(
      sampleNomination({ revenuePrevYear: 100_000_000, rdExpensePrevYear: 6_000_000 }),
      { ...th, minRdIntensity: 0.08 },
      7,
    );
    expect(report.policyVersion).toBe(7);
    expect(failedCriteria(report, 'hard').map((c) => c.id)).toEqual(['C4']);
    expect(report.criteria.find((c) => c.id === 'C4')!.detail).toBe('研发投入强度 6.00% < 8%');
  });

  it('marks non-SRDI enterprises as a soft failure (the policy focus)', () => {
    expect(byId(sampleNomination({ srdi: 'none' })).S2).toMatchObject({ outcome: 'fail', kind: 'soft' });
  });
});
