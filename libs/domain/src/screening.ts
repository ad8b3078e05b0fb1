import { Nomination, Srdi, TechCenterKind, TechCenterLevel } from './nomination';
import { moneyText } from './money';
import { ScreeningThresholds } from './policy';
import { Locale, Text, t } from './text';

export type CriterionId = 'C1' | 'C2' | 'C3' | 'C4' | 'C5' | 'C6' | 'S1' | 'S2';
export type CriterionKind = 'hard' | 'soft' | 'judgment';
export type CriterionOutcome = 'pass' | 'fail' | 'judgment';

export interface CriterionResult {
  id: CriterionId;
  kind: CriterionKind;
  outcome: CriterionOutcome;
  /** The explanation in Chinese, e.g. "研发投入强度 4.90% < 5%". */
  detail: string;
  detailEn: string;
}

export interface ScreeningReport {
  policyVersion: number;
  criteria: CriterionResult[];
}

/** Criterion names of 二(一), for the UI and the explanations. */
export const CRITERIA: Record<CriterionId, { kind: CriterionKind; label: Text }> = {
  C1: {
    kind: 'soft',
    label: t('上年度营业收入原则上不超过1亿元', 'Previous-year revenue ≤ CNY 100 million in principle'),
  },
  C2: { kind: 'judgment', label: t('自主研发的硬科技', 'Self-developed hard technology') },
  C3: {
    kind: 'hard',
    label: t('市级企业技术中心或技术创新示范企业', 'Municipal technology centre or demonstration enterprise'),
  },
  C4: { kind: 'hard', label: t('上年度研发投入强度不低于5%', 'R&D intensity ≥ 5%') },
  C5: { kind: 'hard', label: t('1项以上与主导产品相关的Ⅰ类知识产权', '≥ 1 Class I IP for the main product') },
  C6: {
    kind: 'judgment',
    label: t('主导产品“补短板”“锻长板”“填空白”取得实际成效', 'Main product shows real results'),
  },
  S1: { kind: 'hard', label: t('未上市', 'Not listed') },
  S2: { kind: 'soft', label: t('专精特新或“小巨人”企业', 'Specialised or little-giant enterprise') },
};

function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(2)}%`;
}

function formatThresholdPercent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(2))}%`;
}

function result(
  id: CriterionId,
  outcome: CriterionOutcome,
  detail: string,
  detailEn: string,
): CriterionResult {
  return { id, kind: CRITERIA[id].kind, outcome, detail, detailEn };
}

/** Evaluates C1–C6 and S1–S2 of 二(一) against the thresholds of one policy version. */
export function evaluateScreening(
  n: Nomination,
  th: ScreeningThresholds,
  policyVersion: number,
): ScreeningReport {
  const criteria: CriterionResult[] = [];

  // 二(一) 1: revenue ≤ 1亿元 "in principle" — a soft criterion.
  const c1 = n.revenuePrevYear <= th.maxRevenue;
  criteria.push(
    result(
      'C1',
      c1 ? 'pass' : 'fail',
      `上年度营业收入 ${moneyText(n.revenuePrevYear, 'zh')} ${c1 ? '≤' : '>'} ${moneyText(th.maxRevenue, 'zh')}`,
      `previous-year revenue ${moneyText(n.revenuePrevYear, 'en')} ${c1 ? '≤' : '>'} ${moneyText(th.maxRevenue, 'en')}`,
    ),
  );

  // 二(一) 2: hard technology — only a person can judge it.
  criteria.push(
    result(
      'C2',
      'judgment',
      '需筛选人员确认硬科技属性并说明',
      'the screening officer must affirm it with a note',
    ),
  );

  // 二(一) 3: municipal technology centre or demonstration enterprise.
  const c3 = n.techCenter.kind !== 'none';
  const centre = n.techCenter.kind === 'enterprise_tech_center' ? '企业技术中心' : '技术创新示范企业';
  const level = n.techCenter.level === 'national' ? '国家级' : '市级';
  criteria.push(
    result(
      'C3',
      c3 ? 'pass' : 'fail',
      c3 ? `已获评${level}${centre}` : '未获评市级企业技术中心或技术创新示范企业',
      c3
        ? techCenterEn(n.techCenter.level, n.techCenter.kind)
        : 'no technology centre or demonstration status',
    ),
  );

  // 二(一) 4: R&D intensity ≥ 5%. Without revenue the intensity is unbounded when R&D was spent.
  const intensity =
    n.revenuePrevYear > 0 ? n.rdExpensePrevYear / n.revenuePrevYear : n.rdExpensePrevYear > 0 ? Infinity : 0;
  const c4 = intensity >= th.minRdIntensity;
  criteria.push(
    result(
      'C4',
      c4 ? 'pass' : 'fail',
      n.revenuePrevYear > 0
        ? `研发投入强度 ${formatPercent(intensity)} ${c4 ? '≥' : '<'} ${formatThresholdPercent(th.minRdIntensity)}`
        : `上年度营业收入为0，研发投入 ${moneyText(n.rdExpensePrevYear, 'zh')}`,
      n.revenuePrevYear > 0
        ? `R&D intensity ${formatPercent(intensity)} ${c4 ? '≥' : '<'} ${formatThresholdPercent(th.minRdIntensity)}`
        : `no revenue; R&D expense ${moneyText(n.rdExpensePrevYear, 'en')}`,
    ),
  );

  // 二(一) 5: ≥ 1 Class I IP related to the main product.
  const c5 = n.classOneIpCount >= th.minClassOneIp;
  criteria.push(
    result(
      'C5',
      c5 ? 'pass' : 'fail',
      `Ⅰ类知识产权 ${n.classOneIpCount} 项 ${c5 ? '≥' : '<'} ${th.minClassOneIp} 项`,
      `Class I IP ${n.classOneIpCount} ${c5 ? '≥' : '<'} ${th.minClassOneIp}`,
    ),
  );

  // 二(一) 6: results in 补短板 / 锻长板 / 填空白 — judged by the officer on the evidence listed.
  const count = (kind: string) => n.achievements.filter((a) => a.kind === kind).length;
  criteria.push(
    result(
      'C6',
      'judgment',
      `申报成效：补短板 ${count('strengthen')} 项、锻长板 ${count('lengthen')} 项、填空白 ${count('fill_gap')} 项，需筛选人员确认`,
      `declared results: strengthen ${count('strengthen')}, lengthen ${count('lengthen')}, fill gap ${count('fill_gap')}; to be affirmed`,
    ),
  );

  // 筛选入库企业重点针对未上市的专精特新和“小巨人”企业.
  criteria.push(
    result(
      'S1',
      n.listed ? 'fail' : 'pass',
      n.listed ? '已上市企业' : '未上市',
      n.listed ? 'listed' : 'not listed',
    ),
  );
  const s2 = n.srdi !== 'none';
  criteria.push(
    result(
      'S2',
      s2 ? 'pass' : 'fail',
      s2
        ? n.srdi === 'little_giant'
          ? '专精特新“小巨人”企业'
          : '专精特新企业'
        : '非专精特新或“小巨人”企业（政策重点关注）',
      s2 ? srdiEn(n.srdi) : 'neither specialised nor little giant (the policy focus)',
    ),
  );

  return { policyVersion, criteria };
}

const techCenterEn = (level: TechCenterLevel | null, kind: TechCenterKind) =>
  `${level === 'national' ? 'national' : 'municipal'} ${kind === 'enterprise_tech_center' ? 'enterprise technology centre' : 'technology-innovation demonstration enterprise'}`;

const srdiEn = (srdi: Srdi) =>
  srdi === 'little_giant' ? '“little giant” specialised enterprise' : 'specialised enterprise (SRDI)';

/**
 * A stored explanation with its money as moneyText writes it. Screenings and annual reviews before
 * December 2026 wrote raw yuan in English ("previous-year revenue 80000000 ≤ 100000000 yuan") and
 * 万元 without separators in Chinese ("12000万元"); the workflows keep those texts.
 */
export function withMoneyText(detail: string, locale: Locale): string {
  const money = (yuan: string) => moneyText(Number(yuan), locale);
  if (locale === 'zh') {
    return detail.replace(/(\d+(?:\.\d+)?)万元/g, (_, wan: string) =>
      moneyText(Math.round(Number(wan) * 10_000), 'zh'),
    );
  }
  return detail
    .replace(
      /previous-year revenue (\d+) (≤|>|above) (\d+) yuan/,
      (_, revenue: string, relation: string, cap: string) =>
        `previous-year revenue ${money(revenue)} ${relation} ${money(cap)}`,
    )
    .replace(/R&D expense (\d+) yuan/, (_, expense: string) => `R&D expense ${money(expense)}`);
}

/**
 * A criterion's explanation for display. Screenings stored before the English named the options
 * said C3 and S2 with their codes ("municipal enterprise_tech_center", "specialized"): those read
 * as the words a new screening writes; money as withMoneyText writes it.
 */
export function criterionDetail(
  c: Pick<CriterionResult, 'id' | 'detail' | 'detailEn'>,
  locale: Locale,
): string {
  if (locale === 'zh') return withMoneyText(c.detail, 'zh');
  const c3 = /^(national|municipal) (enterprise_tech_center|innovation_demo)$/.exec(c.detailEn);
  if (c.id === 'C3' && c3) return techCenterEn(c3[1] as TechCenterLevel, c3[2] as TechCenterKind);
  if (c.id === 'S2' && (c.detailEn === 'specialized' || c.detailEn === 'little_giant'))
    return srdiEn(c.detailEn);
  return withMoneyText(c.detailEn, 'en');
}

export function failedCriteria(report: ScreeningReport, kind: CriterionKind): CriterionResult[] {
  return report.criteria.filter((c) => c.kind === kind && c.outcome === 'fail');
}
