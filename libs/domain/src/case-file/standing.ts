import type { QuarterlyFigures } from '../doubling';
import {
  LEDGER_STATUSES,
  LedgerStatus,
  ledgerStatusOf,
  OwnerDepartment,
  problemOverdue,
  ProblemStatus,
} from '../ledger';
import type { Stage } from '../stages';
import type { Text } from '../text';

/** A quarterly report as the member sent it and as it counts (one sent back does not). */
export type CaseReport = QuarterlyFigures;

/** 三年倍增 as of the latest report that counts: the figure the enterprise's home shows. */
export interface CaseDoubling {
  quarter: string;
  baselineRevenue: number | null;
  /** The trailing four quarters annualised (libs/domain/src/doubling.ts). */
  annualizedRevenue: number;
  /** annualizedRevenue ÷ baselineRevenue. */
  growth: number | null;
  /** Where the path to ×2 in three years expects the member then. */
  expected: number | null;
  onTrack: boolean | null;
}

export interface CaseLedgerProblem {
  id: string;
  title: string;
  status: ProblemStatus;
  ownerDepartment: OwnerDepartment;
  dueAt: string;
  /** The lead cluster's 行业处室: the 责任部门 of an industry-owned problem (responsibleDepartment). */
  leadDivision: Text;
}

/**
 * 问题台账 of the lifecycle as far as the reader may see it: counted by status as the ledger counts
 * them (帮扶已结束 once the lifecycle ended, not 待化解), the overdue named.
 */
export interface CaseLedger {
  total: number;
  byStatus: { status: LedgerStatus; n: number }[];
  overdue: CaseLedgerProblem[];
}

/**
 * Where a member stands, beside a decision on it (季度评审, 毕业移出): its reports quarter by quarter,
 * 三年倍增, and its ledger. Nothing here is an officer's deliberation: figures the enterprise sent,
 * the doubling rule's arithmetic, and problems' titles and statuses as its own home shows them.
 */
export interface CaseStanding {
  /** Oldest first. */
  reports: CaseReport[];
  doubling: CaseDoubling | null;
  ledger: CaseLedger;
}

/** A report row with the 三年倍增 the workflow computed when it was sent. */
export interface StandingReport extends CaseReport {
  annualizedRevenue: number | null;
  growth: number | null;
  expected: number | null;
  onTrack: boolean | null;
}

/** Null for an enterprise not (yet) a member: no baseline, no report, no problem. */
export function caseStanding(
  baselineRevenue: number | null,
  reports: readonly StandingReport[],
  problems: readonly CaseLedgerProblem[],
  today: string,
  /** The stage of the problems' lifecycle: a final one (graduated, exited, not admitted) ends their work. */
  stage: Stage | null = null,
): CaseStanding | null {
  if (baselineRevenue === null && !reports.length && !problems.length) return null;
  const sorted = [...reports].sort((a, b) => a.quarter.localeCompare(b.quarter));
  const latest = sorted.at(-1);
  const counted = problems.map((p) => ({ ...p, enterpriseStage: stage }));
  return {
    reports: sorted.map(({ quarter, revenue, rdExpense, headcount, newClassOneIp, financing }) => ({
      quarter,
      revenue,
      rdExpense,
      headcount,
      newClassOneIp,
      financing,
    })),
    doubling:
      latest && latest.annualizedRevenue !== null
        ? {
            quarter: latest.quarter,
            baselineRevenue,
            annualizedRevenue: latest.annualizedRevenue,
            growth: latest.growth,
            expected: latest.expected,
            onTrack: latest.onTrack,
          }
        : null,
    ledger: {
      total: problems.length,
      byStatus: LEDGER_STATUSES.map((s) => ({
        status: s.value as LedgerStatus,
        n: counted.filter((p) => ledgerStatusOf(p) === s.value).length,
      })).filter((s) => s.n > 0),
      overdue: counted
        .filter((p) => problemOverdue(p, today))
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id))
        .map(({ id, title, status, ownerDepartment, dueAt, leadDivision }) => ({
          id,
          title,
          status,
          ownerDepartment,
          dueAt,
          leadDivision,
        })),
    },
  };
}
