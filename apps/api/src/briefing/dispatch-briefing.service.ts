import { Injectable } from '@nestjs/common';
import {
  Actor,
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

  async facts(actor: Actor, span: QuarterSpan): Promise<DispatchBriefingFacts> {
    const kpi = await this.reports.kpi(actor, span.year);
    const [overdue, quarter, admissions, divisionOf] = await Promise.all([
      // The KPI counts the ledger as of today whatever the year; so does the list behind it.
      this.repo.overdueProblems(actor, shanghaiDate(new Date())),
      this.repo.quarterTasks(actor, span),
      this.repo.admissions(actor, span.year),
      this.clusters.divisions(),
    ]);
    return {
      quarter: span.quarter,
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

  async docx(actor: Actor, span: QuarterSpan): Promise<Buffer> {
    return docxOfPrintout(dispatchBriefing(await this.facts(actor, span)));
  }
}
