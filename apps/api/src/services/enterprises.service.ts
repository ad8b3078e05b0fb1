import { Injectable } from '@nestjs/common';
import {
  Actor,
  closingReasonVisible,
  NotFound,
  screeningVisible,
  t,
  visibleClosing,
  visibleDiagnosis,
} from '@hardtech/domain';
import { describeStatechart } from '@hardtech/workflows/lifecycle/definition';
import { EnterpriseFilter, EnterprisesRepository, TasksRepository } from '@hardtech/persistence';
import { problemView } from './problems.service';
import { taskItem } from './tasks.service';

const notFound = () => new NotFound('ENTERPRISE_NOT_FOUND', t('企业不存在', 'no such enterprise'));

@Injectable()
export class EnterprisesService {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly tasks: TasksRepository,
  ) {}

  async list(actor: Actor, filter: EnterpriseFilter) {
    const { items, total } = await this.enterprises.list(actor, filter);
    return {
      items: items.map((e) => ({
        creditCode: e.creditCode,
        name: e.name,
        district: e.district,
        cluster: e.cluster,
        leadCluster: e.leadCluster,
        stage: e.stage,
        lifecycleNo: e.lifecycleNo,
        updatedAt: e.updatedAt.toISOString(),
      })),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }

  /**
   * The enterprise as docs/api.md describes it; 404 when outside the caller's scope. Officers'
   * deliberations in it (screening, portrait, an end reason) as libs/domain/src/visibility allows.
   */
  async detail(actor: Actor, creditCode: string) {
    const e = await this.enterprises.findVisible(actor, creditCode);
    if (!e) throw notFound();
    const [openTasks, problems, reports, membership, lifecycles] = await Promise.all([
      this.tasks.openVisibleOf(actor, creditCode),
      this.enterprises.problemsOf(creditCode, e.lifecycleNo),
      this.enterprises.reportsOf(creditCode, e.lifecycleNo),
      this.enterprises.membershipOf(creditCode),
      this.enterprises.lifecyclesOf(creditCode),
    ]);
    const latest = reports[reports.length - 1];
    return {
      creditCode: e.creditCode,
      name: e.name,
      district: e.district,
      cluster: e.cluster,
      stage: e.stage,
      stateValue: e.stateValue,
      lifecycleNo: e.lifecycleNo,
      workflowId: e.workflowId,
      policyVersion: e.policyVersion,
      nomination: e.nomination,
      nominatedBy: e.nominatedBy,
      screening: screeningVisible(actor.role) ? e.screening : null,
      leadCluster: e.leadCluster,
      commissioner: e.commissioner,
      districtLiaison: e.districtLiaison,
      openTasks: openTasks.map((task) => taskItem(task, actor.role)),
      diagnosis: visibleDiagnosis(actor.role, e.diagnosis),
      problems: problems.map(problemView),
      membership: membership.map((m) => ({
        from: m.fromDate,
        to: m.toDate,
        reason: m.endReason,
        lifecycleNo: m.lifecycleNo,
      })),
      baselineRevenue: e.baselineRevenue,
      quarterlyReports: reports.map((r) => ({
        quarter: r.quarter,
        revenue: r.revenue,
        rdExpense: r.rdExpense,
        headcount: r.headcount,
        newClassOneIp: r.newClassOneIp,
        financing: r.financing,
        listingProgress: r.listingProgress,
        submittedBy: r.submittedBy,
        submittedAt: r.submittedAt.toISOString(),
        doubling:
          r.annualizedRevenue === null
            ? null
            : {
                annualizedRevenue: r.annualizedRevenue,
                growth: r.growthRatio,
                expected: r.expectedRatio,
                onTrack: r.onTrack,
              },
      })),
      lifecycles: lifecycles.map((l) => ({
        lifecycleNo: l.lifecycleNo,
        startedAt: l.startedAt.toISOString(),
        endedAt: l.endedAt?.toISOString() ?? null,
        finalStage: l.finalStage,
        reason: closingReasonVisible(actor.role, { stage: l.finalStage ?? '' }) ? l.reason : null,
        nominatedBy: l.nominatedBy,
      })),

      closing: visibleClosing(actor.role, e.closing),
      updatedAt: e.updatedAt.toISOString(),
      latestQuarter: latest?.quarter ?? null,
      doubling:
        latest && latest.annualizedRevenue !== null
          ? {
              quarter: latest.quarter,
              annualizedRevenue: latest.annualizedRevenue,
              growth: latest.growthRatio,
              expected: latest.expectedRatio,
              onTrack: latest.onTrack,
            }
          : null,
    };
  }

  async statechart(actor: Actor, creditCode: string) {
    const e = await this.enterprises.findVisible(actor, creditCode);
    if (!e) throw notFound();
    return { definition: describeStatechart(), current: { stage: e.stage, stateValue: e.stateValue } };
  }
}
