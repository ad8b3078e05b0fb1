import { Injectable } from '@nestjs/common';
import {
  Actor,
  buildCaseFile,
  CaseFile,
  CaseNames,
  caseStanding,
  CompletedStep,
  findDistrict,
  isSystemActor,
  shanghaiDate,
  Stage,
  stepDataWithinLedgerScope,
  taskSubject,
  visibleReturned,
  withinLedgerScope,
} from '@hardtech/domain';
import {
  ClustersRepository,
  EnterprisesRepository,
  TaskEntity,
  TasksRepository,
  UsersRepository,
} from '@hardtech/persistence';
import { AttachmentsService } from './attachments.service';
import { LedgerScopeService } from './ledger-scope.service';

/**
 * The case file of a task (审批单): the lifecycle's projected facts, where a member stands (its
 * reports that count, 三年倍增, the ledger problems the caller may see), its completed steps from
 * the inbox's record of them, and the evidence files the caller may see — built and redacted by
 * libs/domain's case-file builder.
 */
@Injectable()
export class CaseFileService {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly tasks: TasksRepository,
    private readonly attachments: AttachmentsService,
    private readonly users: UsersRepository,
    private readonly clusters: ClustersRepository,
    private readonly ledger: LedgerScopeService,
  ) {}

  /**
   * The case file of a task the caller may see (the caller checked that), with why the step was
   * sent back to this task (退回), as the reader may read it.
   */
  async ofTask(
    actor: Actor,
    task: TaskEntity,
  ): Promise<(CaseFile & { returnedReason: string | null }) | null> {
    const file = await this.ofLifecycle(actor, task.creditCode, task);
    return file && { ...file, returnedReason: visibleReturned(actor.role, task.returned)?.reason ?? null };
  }

  /** The case file of the enterprise's current lifecycle (一企一档); the caller checked its scope. */
  ofEnterprise(actor: Actor, creditCode: string): Promise<CaseFile | null> {
    return this.ofLifecycle(actor, creditCode, null);
  }

  private async ofLifecycle(
    actor: Actor,
    creditCode: string,
    task: TaskEntity | null,
  ): Promise<CaseFile | null> {
    const row = await this.enterprises.findRow(creditCode);
    if (!row) return null;
    const lifecycleNo = task?.lifecycleNo ?? row.lifecycleNo;
    const current = row.lifecycleNo === lifecycleNo;
    const [allSteps, { problems: ledger, scope }, files, reports, divisionOf, kept, earlier] =
      await Promise.all([
        this.tasks.stepsOf(creditCode, lifecycleNo),
        // The problems the caller reads, once: the ledger of its standing, its scope (中小企业处 /
        // 产业金融处: their department's), and the problems whose files it holds.
        this.ledger.ofLifecycle(actor, creditCode, lifecycleNo),
        this.attachments.list(actor, creditCode),
        this.enterprises.reportsOf(creditCode, lifecycleNo),
        this.clusters.divisions(),
        // An earlier lifecycle is read with its own nomination, not the next one's (its district's).
        current ? null : this.enterprises.nominationOf(creditCode, lifecycleNo),
        // An earlier lifecycle has ended: its problems are counted as its final stage left them.
        current ? null : this.enterprises.lifecyclesOf(creditCode),
      ]);
    // 中小企业处 / 产业金融处: another department's 部门报到, 销号 or 延期 review is not their step to
    // read, nor its problem in the lists of the others (the diagnosis's, a quarterly review's).
    const done = withinLedgerScope(actor.role, scope, allSteps, (t) => taskSubject(scope, t.id, t.type));
    const lifecycleStage = current
      ? row.stage
      : ((earlier?.find((l) => l.lifecycleNo === lifecycleNo)?.finalStage as Stage | undefined) ?? null);
    const steps: CompletedStep[] = done
      // Human steps only: what the policy decided by itself (a silent district) is no one's opinion.
      .filter((t) => t.completedBy && !isSystemActor(t.completedBy) && t.outcome && t.completedAt)
      .map((t) => ({
        taskId: t.id,
        taskType: t.type,
        outcome: t.outcome!,
        data: stepDataWithinLedgerScope(actor.role, scope, t.type, t.data ?? {}),
        actor: t.completedBy!,
        onBehalfOf: t.onBehalfOf,
        at: t.completedAt!.toISOString(),
      }));
    const taskIds = new Set(done.map((t) => t.id).concat(task ? [task.id] : []));
    // A problem's files are listed to those who read the problem (AttachmentsService), by the rule
    // the ledger is read by: the ledger's problems are the lifecycle's whose files the caller sees.
    const problemIds = new Set(ledger.map((p) => p.id));
    const ofLifecycle = files.filter((f) =>
      f.subject === 'nomination'
        ? f.subjectId === String(lifecycleNo)
        : f.subject === 'task'
          ? taskIds.has(f.subjectId!)
          : problemIds.has(f.subjectId!),
    );
    const usernames = [
      ...steps.flatMap((s) => [s.actor, s.onBehalfOf]),
      ...ofLifecycle.map((f) => f.uploadedBy),
      ...(current ? [row.commissioner, row.districtLiaison] : []),
    ].filter((u): u is string => !!u);
    const names = await this.names([...new Set(usernames)]);
    return buildCaseFile(
      actor.role,
      {
        nomination: kept ?? row.nomination,
        stage: current || !task ? row.stage : task.stage,
        lifecycleNo,
        screening: current ? row.screening : null,
        leadCluster: current ? row.leadCluster : null,
        commissioner: current ? row.commissioner : null,
        districtLiaison: current ? row.districtLiaison : null,
        baselineRevenue: current ? row.baselineRevenue : null,
        standing: caseStanding(
          current ? row.baselineRevenue : null,
          reports.map((r) => ({ ...r, growth: r.growthRatio, expected: r.expectedRatio })),
          ledger.map((p) => ({ ...p, leadDivision: divisionOf(p.cluster) })),
          shanghaiDate(new Date()),
          lifecycleStage,
        ),
      },
      steps,
      ofLifecycle.map((f) => ({
        id: f.id,
        fileName: f.fileName,
        purpose: f.purpose,
        subject: f.subject,
        size: f.size,
        uploadedBy: f.uploadedBy,
        uploadedAt: f.uploadedAt,
      })),
      names,
    );
  }

  private async names(usernames: string[]): Promise<CaseNames> {
    const [people, clusters] = await Promise.all([this.users.people(usernames), this.clusters.list()]);
    const clusterNames = new Map(clusters.map((c) => [c.code, c.name]));
    return {
      district: (code) => findDistrict(code)?.name ?? null,
      cluster: (code) => clusterNames.get(code) ?? null,
      person: (username) => people.get(username) ?? null,
    };
  }
}
