import { SHANGHAI_OFFSET_MS } from './calendar';

/** The figures of a quarterly report (季度报告): money in integer yuan. */
export interface QuarterlyFigures {
  quarter: string;
  revenue: number;
  rdExpense: number;
  headcount: number;
  newClassOneIp: number;
  financing: number;
}

/**
 * 推动入库企业营业收入实现三年"倍增": revenue against the admission baseline, every quarter.
 * Quarterly revenue is annualised over the trailing four quarters (fewer while there are fewer
 * reports); on track means at or above the compound path to ×2 in three years: 2^(years/3).
 */
export interface DoublingProgress {
  quarter: string;
  annualizedRevenue: number;
  /** annualised revenue ÷ baseline; null without a baseline. */
  growth: number | null;
  /** Where the path to doubling expects the enterprise now (1 at admission, 2 after three years). */
  expected: number;
  onTrack: boolean;
  doubled: boolean;
  yearsInPool: number;
}

const YEAR_MS = 365.25 * 24 * 3_600_000;

/** The last instant of a quarter such as "2026Q3", Asia/Shanghai. */
export function quarterEnd(quarter: string): Date {
  const [year, q] = quarter.split('Q').map(Number);
  return new Date(Date.UTC(year, q * 3, 1) - SHANGHAI_OFFSET_MS - 1);
}

export function doublingProgress(
  baseline: number | null,
  admittedAt: string,
  reports: readonly { quarter: string; revenue: number }[],
): DoublingProgress | null {
  if (!reports.length) return null;
  const sorted = [...reports].sort((a, b) => a.quarter.localeCompare(b.quarter));
  const recent = sorted.slice(-4);
  const annualizedRevenue = Math.round((recent.reduce((sum, r) => sum + r.revenue, 0) * 4) / recent.length);
  const latest = sorted[sorted.length - 1].quarter;
  const yearsInPool = Math.max(0, (quarterEnd(latest).getTime() - Date.parse(admittedAt)) / YEAR_MS);
  const expected = 2 ** (Math.min(yearsInPool, 3) / 3);
  const growth = baseline && baseline > 0 ? annualizedRevenue / baseline : null;
  return {
    quarter: latest,
    annualizedRevenue,
    growth: growth === null ? null : round4(growth),
    expected: round4(expected),
    onTrack: growth !== null && growth >= expected,
    doubled: growth !== null && growth >= 2,
    yearsInPool: round4(yearsInPool),
  };
}

/** 三年倍增's goal: revenue twice the admission baseline. */
export const DOUBLING_TARGET = 2;

/**
 * How far along the way from the baseline (×1) to doubling (×2) a growth ratio is, in whole percent
 * 0–100: (growth − 1) ÷ (target − 1). ×1.30 is 30% of the way, not 65% (growth ÷ 2 counted the
 * baseline itself as progress); a fall below the baseline is 0.
 */
export function doublingPercent(growth: number): number {
  const percent = Math.round(((growth - 1) / (DOUBLING_TARGET - 1)) * 100);
  return Math.min(100, Math.max(0, percent));
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
