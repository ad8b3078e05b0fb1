import { Injectable } from '@nestjs/common';
import {
  Actor,
  ENDING_REASONS,
  districtText,
  FIRST_POOL_YEAR,
  hasStanding,
  overdueFor,
  OWNER_DEPARTMENTS,
  PROBLEM_CATEGORIES,
  LEDGER_STATUSES,
  poolDateOf,
  OverdueCount,
  STAGES,
  shanghaiDate,
  STAGE_LABELS,
  t,
  tallyOverdue,
  taskDepartmentLabel,
  TASK_LABELS,
  Text,
} from '@hardtech/domain';
import {
  MembershipRow,
  OverdueRepository,
  OverdueTaskRow,
  PolicyRepository,
  ReportsRepository,
} from '@hardtech/persistence';

const labelled = (options: { value: string; label: Text }[]) => (key: string) =>
  options.find((o) => o.value === key)?.label ?? t(key, key);

/** 移出帮扶库 reasons, as GRADUATION_REVIEW offers them. */
const endingReason = (key: string) => labelled(ENDING_REASONS)(key);

export type Kpi = Awaited<ReturnType<ReportsService['kpi']>>;

/**
 * GET /api/reports/kpi: the pool at a glance for leaders, within the caller's scope. 每年重点帮扶
 * 企业不少于50家 (the annual target), 三年倍增 by enterprise and by cohort (admission year), the
 * 化解问题台账 and what is overdue, graduations and exits with reasons.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly overdue: OverdueRepository,
    private readonly policies: PolicyRepository,
  ) {}

  /**
   * Every count of members is "in the pool on `asOf`" (libs/domain/src/pool-membership.ts), today
   * for this year and the year's last day for a past one: the card 在库, the month chart's last
   * point, the 三年倍增 tallies and cohort bars are one number, the list behind them
   * GET /api/enterprises?inPoolOn=<asOf>. The stages are as `asOf` ended (a past year's from the
   * stage history). Ledger and overdue tasks are as of today. `cluster` narrows every figure to
   * one cluster within the scope (the lists' `cluster` filter, so each figure opens its list);
   * the city's figures stay the city's.
   */
  async kpi(actor: Actor, year: number, cluster?: string) {
    const today = shanghaiDate(new Date());
    const asOf = poolDateOf(year, today);
    const [
      policy,
      poolSize,
      poolOverTime,
      admittedByYear,
      stages,
      doubling,
      byCategory,
      byStatus,
      byOwner,
      overdue,
      overdueList,
      endings,
      city,
    ] = await Promise.all([
      this.policies.active(),
      this.reports.poolSize(actor, asOf, cluster),
      this.reports.poolOverTime(actor, { year, asOf }, cluster),
      this.reports.admittedByYear(actor, FIRST_POOL_YEAR, year, cluster),
      this.reports.stages(actor, asOf, today, cluster),
      this.reports.memberships(actor, asOf, cluster),
      this.reports.problemsBy(actor, 'category', today, cluster),
      this.reports.problemsBy(actor, 'status', today, cluster),
      this.reports.problemsBy(actor, 'owner_department', today, cluster),
      this.overdue.summary(actor, cluster),
      this.overdue.list(actor, cluster),
      this.reports.endings(actor, { year }, cluster),
      // One cluster's figures are narrower than the city's, as a narrower scope's are.
      this.reports.seesWholeCity(actor) && !cluster ? null : this.reports.cityFigures(asOf, year),
    ]);
    const progress = (admitted: number) =>
      policy.annualTarget > 0 ? round4(admitted / policy.annualTarget) : null;
    const total = (rows: { n: number }[]) => rows.reduce((s, r) => s + r.n, 0);
    const admittedThisYear = admittedByYear.find((r) => r.year === year)?.admitted ?? 0;
    return {
      year,
      asOf,
      /** The cluster the figures are narrowed to; null for the whole scope. */
      cluster: cluster ?? null,
      poolSize,
      poolCapacity: policy.poolCapacity,
      poolOverTime,
      admittedThisYear,
      annualTarget: policy.annualTarget,
      /** 每年重点帮扶企业不少于50家, year by year since the work plan began. */
      admittedByYear: admittedByYear.map((r) => ({ ...r, target: policy.annualTarget })),
      /** Enterprises by the stage they were at on `asOf` (now, this year), in the order of the path. */
      stages: STAGES.map((stage) => ({
        key: stage,
        label: STAGE_LABELS[stage],
        n: stages.find((r) => r.stage === stage)?.n ?? 0,
      })),
      /**
       * admittedThisYear ÷ annualTarget, 4 decimals; null for a scope narrower than the city: the
       * target is the city's (city.targetProgress), not a district's or a cluster's.
       */
      targetProgress: city ? null : progress(admittedThisYear),
      /**
       * The city's figures for a caller whose scope is narrower (a district, clusters, a
       * commissioner's members), to read the city's capacity and target against; null when the
       * caller's own figures are the city's.
       */
      city: city && {
        poolSize: city.poolSize,
        admittedThisYear: city.admitted,
        targetProgress: progress(city.admitted),
      },
      revenueDoubling: revenueDoubling(doubling),
      problems: {
        total: total(byStatus),
        overdue: byStatus.reduce((s, r) => s + r.overdue, 0),
        byCategory: byCategory.map((r) => ({
          key: r.key,
          label: labelled(PROBLEM_CATEGORIES)(r.key),
          n: r.n,
        })),
        byStatus: byStatus.map((r) => ({ key: r.key, label: labelled(LEDGER_STATUSES)(r.key), n: r.n })),
        byOwner: byOwner.map((r) => ({
          key: r.key,
          label: labelled(OWNER_DEPARTMENTS)(r.key),
          n: r.n,
          overdue: r.overdue,
        })),
      },
      overdueTasks: overdueTasks(overdue, overdueList),
      endings: {
        graduated: total(endings.filter((r) => r.stage === 'graduated')),
        exited: total(endings.filter((r) => r.stage === 'exited')),
        rejected: total(endings.filter((r) => r.stage === 'rejected')),
        byReason: endings
          .filter((r) => r.stage !== 'rejected')
          .map((r) => ({
            stage: r.stage,
            stageLabel: STAGE_LABELS[r.stage as keyof typeof STAGE_LABELS] ?? t(r.stage, r.stage),
            reason: r.reason,
            reasonLabel: r.reason ? endingReason(r.reason) : null,
            n: r.n,
          })),
      },
    };
  }
}

/**
 * The members on the day, per enterprise and per cohort (admission year): how many report, how
 * many are on the path to ×2 (hasStanding, as the list's `doubling` filter).
 */
function revenueDoubling(rows: MembershipRow[]) {
  const enterprises = rows.map((r) => ({
    ...r,
    cohort: Number(r.admittedOn.slice(0, 4)),
    doubled: hasStanding(r, 'doubled'),
  }));
  const cohorts = [...new Set(enterprises.map((e) => e.cohort))].sort().map((cohort) => {
    const members = enterprises.filter((e) => e.cohort === cohort);
    return { cohort, ...tally(members) };
  });
  return { ...tally(enterprises), cohorts, enterprises };
}

function tally(members: { growth: number | null; onTrack: boolean | null }[]) {
  const reporting = members.filter((m) => hasStanding(m, 'reporting'));
  return {
    members: members.length,
    reporting: reporting.length,
    onTrack: members.filter((m) => hasStanding(m, 'on_track')).length,
    doubled: members.filter((m) => hasStanding(m, 'doubled')).length,
    /** Mean growth (annualised revenue ÷ baseline) of those reporting. */
    averageGrowth: reporting.length
      ? round4(reporting.reduce((s, m) => s + m.growth!, 0) / reporting.length)
      : null,
  };
}

/**
 * Open tasks past due, by the department they wait on and by district (as GET /api/tasks/overdue/summary),
 * and the tasks themselves, the longest overdue first: who holds each and by how long it is late.
 */
function overdueTasks(rows: OverdueCount[], list: OverdueTaskRow[], now = new Date()) {
  return {
    ...tallyOverdue(rows),
    items: list.map((r) => ({
      taskId: r.taskId,
      creditCode: r.creditCode,
      enterpriseName: r.enterpriseName,
      district: r.district,
      districtLabel: districtText(r.district),
      taskType: r.type,
      taskLabel: TASK_LABELS[r.type] ?? t(r.type, r.type),
      department: r.department,
      departmentLabel: taskDepartmentLabel(r.department),
      assignee: r.assignee,
      assigneeName: r.assigneeName,
      dueAt: r.dueAt.toISOString(),
      overdueDays: wholeDaysLate(r.dueAt, now),
    })),
  };
}

/** Whole days past due (0 within the first day), as the inbox's 已超期 N 天 counts them. */
const wholeDaysLate = (dueAt: Date, now: Date) => {
  const late = overdueFor(dueAt, now);
  return late?.unit === 'day' ? late.n : 0;
};

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
