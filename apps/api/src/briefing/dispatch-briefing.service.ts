import { Injectable } from '@nestjs/common';
import {
  Actor,
  briefingFileName,
  dispatchBriefing,
  DispatchBriefingFacts,
  OwnerDepartment,
  PROBLEM_CATEGORIES,
  QuarterSpan,
  responsibleDepartment,
  shanghaiDate,
  t,
  taskDepartmentLabel,
  Text,
} from '@hardtech/domain';
import { ClustersRepository, ReportsRepository } from '@hardtech/persistence';
import { ReportsService } from '../services/reports.service';
import { docxOfPrintout } from './docx-printout';

const label = (options: { value: string; label: Text }[], key: string) =>
  options.find((o) => o.value === key)?.label ?? t(key, key);

/**
 * 调度会材料 (issue 19 item 2). Its figures are GET /api/reports/kpi's, computed by the same
 * ReportsService.kpi call (same caller, same day), never re-queried; the lists behind them (overdue
 * problems, the quarter's whistles and escalations) come from ReportsRepository with the same scope
 * and predicates; the overdue tasks are the KPI's own list. Only counts, names, ledger titles, steps
 * and due times go in: no officer's opinion reaches it.
 */
@Injectable()
export class DispatchBriefingService {
  constructor(
    private readonly reports: ReportsService,
    private readonly repo: ReportsRepository,
    private readonly clusters: ClustersRepository,
  ) {}

  /**
   * `cluster` (checked by the caller: ClusterFilterService) narrows every figure and list as the
   * dashboard's select narrows the KPI, within the caller's scope.
   */
  async facts(actor: Actor, span: QuarterSpan, cluster?: string): Promise<DispatchBriefingFacts> {
    const kpi = await this.reports.kpi(actor, span.year, cluster);
    const [overdue, quarter, admissions, divisionOf, named] = await Promise.all([
      // The KPI counts the ledger as of today whatever the year; so does the list behind it.
      this.repo.overdueProblems(actor, shanghaiDate(new Date()), cluster),
      this.repo.quarterTasks(actor, span, cluster),
      this.repo.admissions(actor, span.year, cluster),
      this.clusters.divisions(),
      this.named(cluster),
    ]);
    return {
      quarter: span.quarter,
      cluster: named,
      asOf: kpi.asOf,
      year: kpi.year,
      poolSize: kpi.poolSize,
      poolCapacity: kpi.poolCapacity,
      admittedThisYear: kpi.admittedThisYear,
      annualTarget: kpi.annualTarget,
      doubling: kpi.revenueDoubling,
      members: kpi.revenueDoubling.enterprises,
      admissions,
      problems: kpi.problems,
      overdueProblems: overdue.map(({ cluster, ...p }) => ({
        ...p,
        category: label(PROBLEM_CATEGORIES, p.category),
        // 各行业处室牵头: the industry side by its lead cluster's division.
        owner: responsibleDepartment(p.ownerDepartment as OwnerDepartment, divisionOf(cluster)),
      })),
      whistles: quarter.whistles.map((w) => ({
        ...w,
        owner: w.department ? taskDepartmentLabel(w.department) : null,
      })),
      escalations: quarter.escalations,
      // The KPI's own list, so the table is as long as the dashboard's 逾期任务 figure.
      overdueTasks: kpi.overdueTasks.items.map((task) => ({
        enterpriseName: task.enterpriseName,
        district: task.district,
        taskType: task.taskType,
        department: task.departmentLabel,
        holder: task.assigneeName,
        dueAt: task.dueAt,
      })),
      readAt: new Date().toISOString(),
    };
  }

  /** The pack and its Chinese file name, which says the cluster as its title does. */
  async docx(actor: Actor, span: QuarterSpan, cluster?: string): Promise<{ file: Buffer; fileName: string }> {
    const facts = await this.facts(actor, span, cluster);
    return {
      file: await docxOfPrintout(dispatchBriefing(facts)),
      fileName: briefingFileName(span.quarter, facts.cluster),
    };
  }

  /** The cluster's Chinese name, as the title says it (a retired one keeps its name). */
  private async named(code?: string): Promise<{ code: string; name: string } | null> {
    if (!code) return null;
    const cluster = (await this.clusters.names()).find((c) => c.code === code);
    return { code, name: cluster?.name ?? code };
  }
}
