import { Field } from './forms/schema';
import { Nomination, NOMINATION_DETAIL_FIELDS } from './nomination';
import { ScreeningThresholds } from './policy';
import { moneyText } from './money';
import { FIRST_POOL_YEAR } from './pool-membership';
import { evaluateScreening, failedCriteria, ScreeningReport } from './screening';
import { Text, t } from './text';

/**
 * 动态管理 (policy 二(六)): 及时将已顺利走上发展正轨的企业移出帮扶库. Once a year every member reports
 * last year's figures (ANNUAL_UPDATE); they are screened again against the current policy and the
 * doubling path, and a member that outgrew the pool or no longer qualifies goes to the city's
 * GRADUATION_REVIEW with the evaluation (issue 19.3).
 */

/** When the yearly update opens and when it is due, as MM-DD of the review year (Asia/Shanghai). */
export interface AnnualReviewSettings {
  opensOn: string;
  dueOn: string;
}

export const DEFAULT_ANNUAL_REVIEW: AnnualReviewSettings = { opensOn: '03-01', dueOn: '04-30' };

/** The nomination's fields a member reports again each year, prefilled from the last known values. */
export const ANNUAL_UPDATE_FIELD_NAMES = [
  'revenuePrevYear',
  'rdExpensePrevYear',
  'classOneIpCount',
  'techCenter',
  'listed',
] as const;
export type AnnualFigures = Pick<Nomination, (typeof ANNUAL_UPDATE_FIELD_NAMES)[number]>;

export const ANNUAL_UPDATE_FIELDS: Field[] = ANNUAL_UPDATE_FIELD_NAMES.map((name) =>
  NOMINATION_DETAIL_FIELDS.find((f) => f.name === name)!,
);

/** The last known figures: the ANNUAL_UPDATE form shows them as its initial values. */
export function annualFiguresOf(n: Nomination): AnnualFigures {
  return {
    revenuePrevYear: n.revenuePrevYear,
    rdExpensePrevYear: n.rdExpensePrevYear,
    classOneIpCount: n.classOneIpCount,
    techCenter: n.techCenter,
    listed: n.listed,
  };
}

export type AnnualProposal = 'graduate' | 'exit' | 'continue';
export type AnnualFinding = 'revenue_above_cap' | 'listed' | 'doubled' | 'hard_criterion_failed';

export interface AnnualEvaluation {
  year: number;
  proposal: AnnualProposal;
  findings: { code: AnnualFinding; detail: Text }[];
  /** Revenue reported ÷ the admission baseline (三年倍增); null without a baseline. */
  growth: number | null;
  /** C1–C6/S1–S2 on the reported figures under the current policy. */
  screening: ScreeningReport;
}

/**
 * Graduation comes first: a member above the revenue cap, listed or doubled has outgrown the pool
 * (做大做强 / 做上市), even when it also misses a criterion that a listed or large company need not
 * meet. Otherwise a failed hard criterion (C3–C5) proposes exit; else the member stays.
 */
export function evaluateAnnualReview(
  year: number,
  nomination: Nomination,
  figures: AnnualFigures,
  baselineRevenue: number | null,
  thresholds: ScreeningThresholds,
  policyVersion: number,
): AnnualEvaluation {
  const screening = evaluateScreening({ ...nomination, ...figures }, thresholds, policyVersion);
  const growth =
    baselineRevenue && baselineRevenue > 0
      ? Math.round((figures.revenuePrevYear / baselineRevenue) * 10_000) / 10_000
      : null;
  const findings: AnnualEvaluation['findings'] = [];
  if (figures.revenuePrevYear > thresholds.maxRevenue) {
    findings.push({
      code: 'revenue_above_cap',
      detail: t(
        `上年度营业收入 ${moneyText(figures.revenuePrevYear, 'zh')} 超过 ${moneyText(thresholds.maxRevenue, 'zh')}`,
        `previous-year revenue ${moneyText(figures.revenuePrevYear, 'en')} above ${moneyText(thresholds.maxRevenue, 'en')}`,
      ),
    });
  }
  if (figures.listed) findings.push({ code: 'listed', detail: t('企业已上市', 'the enterprise is listed') });
  if (growth !== null && growth >= 2) {
    findings.push({
      code: 'doubled',
      detail: t(
        `营业收入为入库基数的 ${growth} 倍，实现倍增`,
        `revenue is ${growth}× the admission baseline`,
      ),
    });
  }
  const outgrown = findings.length > 0;
  for (const c of failedCriteria(screening, 'hard').filter((c) => c.id !== 'S1')) {
    findings.push({
      code: 'hard_criterion_failed',
      detail: t(`${c.id}：${c.detail}`, `${c.id}: ${c.detailEn}`),
    });
  }
  const proposal: AnnualProposal = outgrown ? 'graduate' : findings.length ? 'exit' : 'continue';
  return { year, proposal, findings, growth, screening };
}

/** The reason a GRADUATION_REVIEW would record for the proposal (its form's options). */
export function proposedReason(e: AnnualEvaluation): string | null {
  if (e.proposal === 'exit') return 'ineligible';
  if (e.proposal !== 'graduate') return null;
  const codes = e.findings.map((f) => f.code);
  return codes.includes('listed') ? 'listed' : codes.includes('doubled') ? 'doubled' : 'on_track';
}

const MM_DD = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A valid MM-DD that exists in every year (29 February does not). */
export function isMonthDay(value: unknown): value is string {
  if (typeof value !== 'string' || !MM_DD.test(value) || value === '02-29') return false;
  const d = new Date(`2025-${value}T00:00:00Z`);
  return d.toISOString().slice(5, 10) === value;
}

/**
 * The review year a trigger may name: one the policy page offers (reviewYearChoices). A year the
 * page never offers (one long past, or next year's before its members have reported) is refused.
 */
export function isReviewYear(year: number, today: string): boolean {
  return reviewYearChoices(today).includes(year);
}

/** The last day of the year's ANNUAL_UPDATE (YYYY-MM-DD): the policy's `dueOn` of the review year. */
export function annualUpdateLastDay(year: number, settings: AnnualReviewSettings): string {
  return `${year}-${settings.dueOn}`;
}

/**
 * The years the policy page offers to run by hand, and the only ones the server takes: this year,
 * and last year for a review begun late (in January, say); none before the pool's first.
 */
export function reviewYearChoices(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return [year, year - 1].filter((y) => y >= FIRST_POOL_YEAR);
}

/**
 * When the year's ANNUAL_UPDATE is due in lifecycles recorded before patch
 * `calendar-days-roll-past-rest-days`: `dueOn` of the review year at 18:00, the working days' end
 * (written before calendar days ended with the day); a review opened later than that (run by hand)
 * gives the SLA's time from now instead. Later runs end with the day (deadlinesOnDay).
 */
export function annualUpdateDueAt(
  year: number,
  settings: AnnualReviewSettings,
  openedAt: Date,
  fallback: Date,
): Date {
  const due = new Date(`${annualUpdateLastDay(year, settings)}T18:00:00+08:00`);
  return due.getTime() > openedAt.getTime() ? due : fallback;
}
