import { Injectable } from '@nestjs/common';
import {
  Actor,
  NotFound,
  personalCandidates,
  screeningVisible,
  t,
  TASK_DEPARTMENT_LABELS,
  taskRefusal,
  TASK_LABELS,
  taskDepartment,
  Text,
  visibleClosing,
  visibleDiagnosis,
  visibleEndReason,
  visibleStatechart,
  visibleStateValue,
  visibleSupplementRequest,
} from '@hardtech/domain';
import { describeStatechart } from '@hardtech/workflows/lifecycle/definition';
import {
  ClustersRepository,
  EnterpriseFilter,
  EnterprisesRepository,
  TaskEntity,
  TasksRepository,
  UsersRepository,
} from '@hardtech/persistence';
import { LedgerScopeService } from './ledger-scope.service';
import { problemView } from './problems.service';
import { taskItem } from './tasks.service';

const notFound = () => new NotFound('ENTERPRISE_NOT_FOUND', t('企业不存在', 'no such enterprise'));

@Injectable()
export class EnterprisesService {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly tasks: TasksRepository,
    private readonly users: UsersRepository,
    private readonly clusters: ClustersRepository,
    private readonly ledger: LedgerScopeService,
  ) {}

  /**
   * The list, filtered as the dashboard's numbers are (docs/api.md), each enterprise with the step
   * it waits on, its handler and due date: the caller's own step first (see currentStepsOf).
   */
  async list(actor: Actor, filter: EnterpriseFilter) {
    const { items, total } = await this.enterprises.list(actor, filter);
    const steps = await this.currentSteps(
      actor,
      items.map((e) => e.creditCode),
    );
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
        currentStep: steps.get(e.creditCode) ?? null,
      })),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }

  private async currentSteps(actor: Actor, creditCodes: string[]): Promise<Map<string, CurrentStep>> {
    const open = await this.tasks.openVisibleOfMany(actor, creditCodes);
    const names = await this.users.displayNames(
      open.map((task) => task.assignee).filter((a): a is string => !!a),
    );
    // The caller's own: a step they may do now (theirs, or unclaimed and theirs to take).
    return currentStepsOf(open, names, new Date(), (task) => !taskRefusal(actor, task, 'complete'));
  }

  /**
   * The enterprise as docs/api.md describes it; 404 when outside the caller's scope. Officers'
   * deliberations in it (screening, portrait, an end reason) as libs/domain/src/visibility allows.
   */
  async detail(actor: Actor, creditCode: string) {
    const e = await this.enterprises.findVisible(actor, creditCode);
    if (!e) throw notFound();
    const [openTasks, problems, reports, membership, lifecycles, stageSince, divisionOf, steps] =
      await Promise.all([
        this.tasks.openVisibleOf(actor, creditCode),
        // 中小企业处 / 产业金融处: their department's problems, not every one of the enterprise they see.
        this.ledger.problemsOf(actor, creditCode, e.lifecycleNo),
        this.enterprises.reportsOf(creditCode, e.lifecycleNo),
        this.enterprises.membershipOf(creditCode),
        this.enterprises.lifecyclesOf(creditCode),
        this.enterprises.stageSince(creditCode, e.lifecycleNo, e.stage),
        this.clusters.divisions(),
        // In 补充材料 the screening's request is read from its step (the enterprise's home shows it).
        e.stage === 'supplement' ? this.tasks.stepsOf(creditCode, e.lifecycleNo) : [],
      ]);
    // The people who serve the enterprise and who nominated each lifecycle by name (its own user
    // reads these), in one query; the username when gone.
    const names = await this.users.displayNames(
      [
        e.nominatedBy,
        e.commissioner,
        e.districtLiaison,
        ...lifecycles.map((l) => l.nominatedBy),
        ...openTasks.flatMap((task) => [task.assignee, ...personalCandidates(task.candidateGroups)]),
      ].filter((u) => u !== null),
    );
    const latest = reports[reports.length - 1];
    const nameOf = (username: string | null) => (username ? (names.get(username) ?? username) : null);
    return {
      creditCode: e.creditCode,
      name: e.name,
      district: e.district,
      cluster: e.cluster,
      stage: e.stage,
      stageSince: stageSince?.toISOString() ?? null,
      stateValue: visibleStateValue(actor.role, e.stateValue),
      lifecycleNo: e.lifecycleNo,
      workflowId: e.workflowId,
      policyVersion: e.policyVersion,
      nomination: e.nomination,
      nominatedBy: e.nominatedBy,
      nominatedByName: nameOf(e.nominatedBy),
      screening: screeningVisible(actor.role) ? e.screening : null,
      supplementRequest: visibleSupplementRequest(
        actor.role,
        e.stage,
        steps.map((t) => ({
          taskType: t.type,
          outcome: t.outcome,
          data: t.data,
          at: t.completedAt?.toISOString() ?? null,
        })),
      ),
      leadCluster: e.leadCluster,
      commissioner: e.commissioner,
      commissionerName: nameOf(e.commissioner),
      districtLiaison: e.districtLiaison,
      districtLiaisonName: nameOf(e.districtLiaison),
      openTasks: openTasks.map((task) => ({
        ...taskItem(task, actor.role),
        assigneeName: nameOf(task.assignee),
        candidateNames: Object.fromEntries(
          personalCandidates(task.candidateGroups).map((u) => [u, nameOf(u)!]),
        ),
      })),
      diagnosis: visibleDiagnosis(actor.role, e.diagnosis),
      problems: problems.map((p) => problemView(p, actor.role, divisionOf)),
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
        reason: visibleEndReason(actor.role, { stage: l.finalStage, outcome: l.outcome, reason: l.reason }),
        nominatedBy: l.nominatedBy,
        nominatedByName: nameOf(l.nominatedBy),
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
    return {
      definition: visibleStatechart(actor.role, describeStatechart()),
      current: { stage: e.stage, stateValue: visibleStateValue(actor.role, e.stateValue) },
    };
  }
}

export interface CurrentStep {
  taskId: string;
  type: string;
  label: Text;
  assignee: string | null;
  handler: Text;
  dueAt: string;
  overdue: boolean;
  openTasks: number;
  waitsOnCaller: boolean;
  waitingOnCaller: number;
}

/**
 * Per enterprise, the step to show with who handles it (the assignee by name, else the department
 * its candidates belong to): the open task due first among those that wait on the caller, else the
 * open task due first (`open` is sorted by due date). An officer's own review would otherwise hide
 * behind another department's earlier step (a whistle's 部门报到).
 */
export function currentStepsOf(
  open: TaskEntity[],
  names: Map<string, string>,
  now: Date,
  waitsOnCaller: (task: TaskEntity) => boolean,
): Map<string, CurrentStep> {
  const steps = new Map<string, CurrentStep>();
  for (const task of open) {
    const mine = waitsOnCaller(task);
    const seen = steps.get(task.creditCode);
    if (seen) {
      seen.openTasks += 1;
      seen.waitingOnCaller += mine ? 1 : 0;
      if (!mine || seen.waitsOnCaller) continue;
    }
    const name = task.assignee ? (names.get(task.assignee) ?? task.assignee) : null;
    steps.set(task.creditCode, {
      taskId: task.id,
      type: task.type,
      label: TASK_LABELS[task.type],
      assignee: task.assignee,
      handler: name ? t(name, name) : TASK_DEPARTMENT_LABELS[taskDepartment(task.type, task.candidateGroups)],
      dueAt: task.dueAt.toISOString(),
      overdue: task.dueAt.getTime() < now.getTime(),
      openTasks: seen?.openTasks ?? 1,
      waitsOnCaller: mine,
      waitingOnCaller: seen?.waitingOnCaller ?? (mine ? 1 : 0),
    });
  }
  return steps;
}
