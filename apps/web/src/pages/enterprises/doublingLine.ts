import { quarterEnd } from '@hardtech/domain/doubling';
import type { QuarterlyReport } from './types';

const YEAR_MS = 365.25 * 24 * 3_600_000;

/** The quarter an instant falls in, Asia/Shanghai, e.g. "2026Q3". */
export function quarterOf(at: string): string {
  const d = new Date(Date.parse(at) + 8 * 3_600_000);
  return `${d.getUTCFullYear()}Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

function nextQuarter(q: string): string {
  const [year, n] = q.split('Q').map(Number);
  return n === 4 ? `${year + 1}Q1` : `${year}Q${n + 1}`;
}

export interface DoublingPoint {
  quarter: string;
  revenue: number | null;
  annualized: number | null;
  path: number;
}

/**
 * 三年倍增: from the admission quarter (or the first report, if earlier) to three years on (or the latest report, if later), each
 * quarter's revenue, the trailing-four-quarter annualised revenue the server computed, and the
 * compound path baseline × 2^(t/3) it is measured against (libs/domain/src/doubling.ts).
 */
export function doublingLine(
  baseline: number,
  admittedAt: string,
  reports: QuarterlyReport[],
): DoublingPoint[] {
  const byQuarter = new Map(reports.map((r) => [r.quarter, r]));
  const threeYears = quarterOf(new Date(Date.parse(admittedAt) + 3 * YEAR_MS).toISOString());
  const quarters = [...byQuarter.keys(), quarterOf(admittedAt), threeYears].sort();
  const points: DoublingPoint[] = [];
  for (let q = quarters[0]; q <= quarters[quarters.length - 1]; q = nextQuarter(q)) {
    const years = Math.max(0, (quarterEnd(q).getTime() - Date.parse(admittedAt)) / YEAR_MS);
    const report = byQuarter.get(q);
    points.push({
      quarter: q,
      revenue: report?.revenue ?? null,
      annualized: report?.doubling?.annualizedRevenue ?? null,
      path: Math.round(baseline * 2 ** (Math.min(years, 3) / 3)),
    });
  }
  return points;
}
