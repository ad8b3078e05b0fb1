import { Injectable } from '@nestjs/common';
import {
  Actor,
  allowedTaskActions,
  approvalSheetNo,
  commentVisible,
  formRefers,
  listsAllTasks,
  listsLedgerItems,
  missingPlan,
  NotFound,
  onBehalfLabel,
  Person,
  personDepartment,
  ProblemPlanField,
  ProblemStatus,
  Role,
  RuleViolation,
  screeningVisible,
  stepDataWithinLedgerScope,
  t,
  taskClosedRefusal,
  TASK_FORMS,
  TASK_LABELS,
  TaskType,
  taskMaterialVisible,
  Text,
  visibleStep,
  visibleTaskDetails,
  WHOLE_LEDGER,
} from '@hardtech/domain';
import {
  ActivePolicyRepository,
  ClustersRepository,
  EnterprisesRepository,
  ProblemsRepository,
  ReadModelRepairRepository,
  TaskCommentEntity,
  TaskCounts,
  TaskEntity,
  TaskFilter,
  TaskListColumns,
  TasksRepository,
} from '@hardtech/persistence';
import {
  AssignKind,
  AssignTaskResult,
  CompleteTaskResult,
  domainErrorFrom,
  LifecycleClient,
} from '@hardtech/temporal';
import { TASK_DEFINITIONS } from '@hardtech/workflows/lifecycle/definition';
import { ApprovalActionsService } from './approval-actions.service';
import { approvalActions, approvalDetail, approvalMarks, urgeableAtOf, urgesBy } from './approval-views';
import { CaseFileService } from './case-file.service';
import { LedgerScopeService } from './ledger-scope.service';
import { ProxyService } from './proxy.service';
import { Completion, completionUpdateId, isReplayOf, keyedAction, keyedUpdateId } from './idempotency';
import { TaskReferences } from './task-references';
import { UsersService } from './users.service';

/**
 * A task as the reader may see it: a completed officer's step keeps from the enterprise and the
 * departments what libs/domain/src/visibility says (its data's deliberations, who completed it).
 */
function completedStep(
  task: Pick<TaskEntity, 'type' | 'outcome' | 'completedBy'> & Partial<Pick<TaskEntity, 'data'>>,
  role: Role,
) {
  return visibleStep(role, {
    taskType: task.type,
    outcome: task.outcome ?? '',
    data: task.data ?? {},
    actor: task.completedBy,
  });
}

/** A list's item: the columns `TasksRepository.list` reads (who completed it, not what they wrote). */
export function taskItem(task: TaskListColumns, role: Role) {
  const step = completedStep(task, role);
  const sheet = { sheetYear: task.sheetYear, sheetNo: Number(task.sheetNo) };
  return {
    id: task.id,
    ...sheet,
    sheetNoText: approvalSheetNo(sheet),
    type: task.type,
    label: TASK_LABELS[task.type],
    creditCode: task.creditCode,
    enterpriseName: task.enterpriseName,
    stage: task.stage,
    candidateGroups: task.candidateGroups,
    assignee: task.assignee,
    dueAt: task.dueAt.toISOString(),
    provisional: task.provisional ?? false,
    createdAt: task.createdAt.toISOString(),
    status: task.status,
    overdue: task.status === 'open' && task.dueAt.getTime() < Date.now(),
    quarter: task.quarter,
    district: task.district,
    cluster: task.cluster,
    policyVersion: task.policyVersion,
    outcome: task.outcome === null ? null : step.outcome,
    completedBy: step.actor,
    completedAt: task.completedAt?.toISOString() ?? null,
    onBehalfOf: step.actor ? task.onBehalfOf : null,
    urgedAt: task.status === 'open' ? (task.urgedAt?.toISOString() ?? null) : null,
    delegationReason: task.delegationReason,
    ...approvalMarks(task, role),
  };
}

const notFound = () => new NotFound('TASK_NOT_FOUND', t('任务不存在', 'no such task'));

@Injectable()
export class TasksService {
  constructor(
    private readonly lifecycles: LifecycleClient,
    private readonly tasks: TasksRepository,
    private readonly enterprises: EnterprisesRepository,
    private readonly users: UsersService,
    private readonly references: TaskReferences,
    private readonly policies: ActivePolicyRepository,
    private readonly clusters: ClustersRepository,
    private readonly caseFiles: CaseFileService,
    private readonly proxies: ProxyService,
    private readonly repairs: ReadModelRepairRepository,
    private readonly problems: ProblemsRepository,
    private readonly approvals: ApprovalActionsService,
    private readonly ledger: LedgerScopeService,
  ) {}

  async list(actor: Actor, filter: TaskFilter) {
    const { items, total } = await this.tasks.list(actor, filter);
    // The calendar 催办's interval counts on, only for a page with a task the caller urged: reading
    // the policy's version for every page was a third read per request (inbox-plan.test).
    const calendar = items.some((task) => task.myLastUrge) ? (await this.policies.current()).calendar : null;
    const now = new Date();
    return {
      items: items.map((task) => {
        const item = taskItem(task, actor.role);
        return {
          ...item,
          copied: task.copied,
          copiedByName: task.copiedByName,
          assigneeName: task.assigneeName,
          // Named only where the reader may know who did it (an enterprise never learns the officer).
          completedByName: item.completedBy ? task.completedByName : null,
          problemTitle: task.problemTitle,
          urgeableAt: urgeableAtOf(actor, task, task.myLastUrge, calendar, now),
        };
      }),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }

  /** GET /api/tasks/counts: a desk's inbox, mine and overdue, a watcher's all and overdue (listsAllTasks). */
  counts(actor: Actor): Promise<TaskCounts> {
    return this.tasks.counts(actor, listsAllTasks(actor.role));
  }

  /**
   * The task with its form (from the statechart), the enterprise's summary, the comments and the
   * case file the decision is taken on.
   */
  async detail(actor: Actor, id: string) {
    const task = await this.visible(actor, id);
    const enterprise = await this.enterprises.findRow(task.creditCode);
    const definition = TASK_DEFINITIONS.get(task.type);
    const form = definition?.form ?? TASK_FORMS[task.type];
    const outcomes: { outcome: string; label: Text }[] = Object.entries(form.outcomes).map(
      ([outcome, o]) => ({
        outcome,
        label: o.label,
      }),
    );
    const material = taskMaterialVisible(actor.role, task.type);
    const [allComments, caseFile, copies, principal, names, problem, asked, policy, scope, lastUrge] =
      await Promise.all([
        material ? this.tasks.commentsOf(id) : Promise.resolve([]),
        this.caseFiles.ofTask(actor, task),
        this.tasks.copiesOf(id),
        task.status === 'open' ? this.proxies.principalFor(actor, task) : Promise.resolve(undefined),
        this.users.displayNames(
          [
            task.assignee,
            task.returned?.by ?? null,
            ...(task.countersigns ?? []).flatMap((round) => [
              ...round.users,
              round.requestedBy,
              round.onBehalfOf ?? null,
            ]),
          ].filter((u) => u !== null),
        ),
        this.problemOf(task),
        task.countersignOf ? this.tasks.countersignRound(task.countersignOf) : Promise.resolve(null),
        // Cached by version: 催办's interval counts working hours on the calendar the workflow reads.
        this.policies.current(),
        // The diagnosis and a quarterly review list the ledger: a department reads its own of it.
        task.data && listsLedgerItems(task.type) ? this.ledger.of(actor, task.creditCode) : WHOLE_LEDGER,
        // 催办: the caller's last urge, which alone holds them back (issue 17.3).
        task.status === 'open' ? this.tasks.lastUrgeBy(id, actor.username) : Promise.resolve(null),
      ]);
    // Who wrote each comment: their role decides whether the reader may read it, and the page names
    // them as people are named elsewhere (王五 · 产业金融处), not by their login.
    // …and who asked this countersignature (for whom), named the same way in the same read.
    const askers = asked ? [asked.requestedBy, ...(asked.onBehalfOf ? [asked.onBehalfOf] : [])] : [];
    const authors = await this.users.people([...allComments.map((c) => c.author), ...askers]);
    const comments = allComments.filter((c) =>
      commentVisible(actor.role, authors.get(c.author)?.role ?? null),
    );
    const open = task.status === 'open';
    const actions = {
      ...(open
        ? allowedTaskActions(actor, task)
        : { complete: false, claim: false, unclaim: false, delegate: false }),
      ...approvalActions(actor, { ...task, urges: urgesBy(actor, lastUrge) }, principal, policy.calendar),
    };
    const item = taskItem(task, actor.role);
    // As the inbox names people: the display name, else the username.
    const nameOf = (username: string | null) => username && (names.get(username) ?? username);
    const approval = approvalDetail(actor, { ...task, problemStatus: problem.status }, principal);
    // 撤回 offered: the workflow says now whether it would be refused, so the button tells why.
    const withdrawBlocked = approval.approvalActions.withdraw
      ? await this.approvals.withdrawalRefusal(actor, task)
      : null;
    if (withdrawBlocked) approval.approvalActions.withdraw = false;
    return {
      ...item,
      assigneeName: nameOf(task.assignee),
      data:
        task.data &&
        stepDataWithinLedgerScope(actor.role, scope, task.type, completedStep(task, actor.role).data),
      details: visibleTaskDetails(actor.role, task.details ?? null),
      form,
      outcomes,
      actions,
      canComplete: actions.complete,
      canClaim: actions.claim && task.assignee !== actor.username,
      enterprise: enterprise && {
        creditCode: enterprise.creditCode,
        name: enterprise.name,
        district: enterprise.district,
        cluster: enterprise.cluster,
        stage: enterprise.stage,
        leadCluster: enterprise.leadCluster,
        screening: screeningVisible(actor.role) ? enterprise.screening : null,
        nomination: enterprise.nomination,
      },
      comments: comments.map((c) => commentView(c, authors.get(c.author))),
      caseFile,
      copies: copies.map((c) => ({ ...c, copiedAt: new Date(c.copiedAt).toISOString() })),
      copiedToMe: copies.some((c) => c.username === actor.username),
      ...approval,
      // 会签: who asks it, as the 加签 rounds name the asker (王五（代 张三）).
      countersignOf: approval.countersignOf && {
        ...approval.countersignOf,
        requestedBy: asked?.requestedBy ?? null,
        requestedByName: asked
          ? onBehalfLabel(
              authors.get(asked.requestedBy)?.displayName ?? asked.requestedBy,
              asked.onBehalfOf ? (authors.get(asked.onBehalfOf)?.displayName ?? asked.onBehalfOf) : null,
            ).zh
          : null,
      },
      withdrawBlocked,
      actingFor: principal
        ? { username: principal.username, displayName: principal.displayName ?? principal.username }
        : null,
      // 会签情况 names whom it waits for, as officers know each other: by name.
      countersigns:
        approval.countersigns?.map((round) => ({
          ...round,
          requestedByName: onBehalfLabel(nameOf(round.requestedBy)!, nameOf(round.onBehalfOf ?? null)).zh,
          userNames: round.users.map((u) => names.get(u) ?? u),
        })) ?? null,
      returned: item.returned && { ...item.returned, byName: nameOf(item.returned.by) },
      problemId: problem.id,
      problemPlanMissing: problem.planMissing,
      // A proxy urges nothing for the principal it stands in for (approvalActions): no time to wait.
      urgeableAt: principal ? null : urgeableAtOf(actor, task, lastUrge, policy.calendar),
    };
  }

  /**
   * The ledger problem a task decides (销号, 延期) or a whistle response answers, as the task keeps
   * it (problem_id), so its page can show the case (GET /api/problems/:id, with that reader's
   * redaction) — also after a later whistle on the problem.
   */
  private async problemOf(
    task: TaskEntity,
  ): Promise<{ id: string | null; planMissing: ProblemPlanField[]; status: ProblemStatus | null }> {
    if (!task.problemId) return { id: null, planMissing: [], status: null };
    const open = task.status === 'open';
    const whistle = task.type === 'WHISTLE_RESPONSE';
    // One read, when needed: an open task offers no 加签 once its problem is closed out (销号), and
    // 部门报到 on a whistled new problem sets the plan it lacks (whistle-plan.ts).
    const problem = open || whistle ? await this.problems.workState(task.problemId) : null;
    return {
      id: task.problemId,
      planMissing: whistle && problem ? missingPlan(problem) : [],
      status: open ? (problem?.status ?? null) : null,
    };
  }

  /**
   * Completes a task through the workflow's Update; answers after the next tasks are projected.
   * With an Idempotency-Key a retry returns the first answer, also after the task is done; any
   * other completion of a task that is done, or being completed, is a 409.
   *
   * A retry of a completion the inbox shows done still goes to the workflow with the same Update
   * id: the projection writes the inbox inside the workflow task, so when that task was lost (the
   * Temporal server restarted, a worker died) the inbox is ahead of the workflow, and only the
   * Update, re-run, makes them agree (test/faults found lifecycles stuck this way). Temporal answers
   * an Update it has with its first outcome; a task done in an earlier run gets the stored answer.
   */
  async complete(
    actor: Actor,
    id: string,
    body: Completion,
    idempotencyKey?: string,
  ): Promise<CompleteTaskResult> {
    const task = await this.visible(actor, id);
    const replay = !!idempotencyKey && isReplayOf(task, actor.username, idempotencyKey, body);
    if (task.status !== 'open' && !replay) throw taskClosedRefusal(task.status);
    // The taxonomy only where the step chooses a cluster (ADMIT, a supplement), in one read: its
    // retired codes for the check, its active ones for the workflow. Every other completion reads
    // and sends none.
    const taxonomy = formRefers(task.type as TaskType, 'cluster') ? await this.clusters.codes() : null;
    if (!replay) await this.references.check(task, body.outcome, body.data, taxonomy?.retired);
    // The policy and the taxonomy's active clusters go with the Update: the workflow reads neither
    // (issue 9), and ADMIT's lead cluster may be one the administrator added or may not be retired.
    const clusters = taxonomy?.active;
    const [policy, onBehalfOf] = await Promise.all([
      this.policies.current(),
      this.proxies.principalFor(actor, task),
    ]);
    const { outcome, data } = body;
    try {
      return await this.lifecycles.complete(
        task.creditCode,
        {
          taskId: id,
          outcome,
          data,
          actor,
          idempotencyKey,
          policy,
          onBehalfOf,
          ...(clusters ? { clusters: [...clusters].sort() } : {}),
        },
        idempotencyKey ? completionUpdateId(id, actor.username, idempotencyKey, body) : undefined,
      );
    } catch (e) {
      const code = domainErrorFrom(e)?.code;
      if (!code) await this.suspect(task.creditCode);
      if (replay && code === 'TASK_ALREADY_COMPLETED') return task.result as CompleteTaskResult;
      // The completion that won the race ended the lifecycle (a decline, a rejection) before this
      // one reached it: the task is done, which is a 409, not an unknown lifecycle's 404.
      if (!replay && code === 'LIFECYCLE_NOT_RUNNING') {
        const now = await this.tasks.findVisible(actor, id);
        if (now && now.status !== 'open') throw taskClosedRefusal(now.status);
      }
      throw e;
    }
  }

  /** Claim, unclaim or delegate: an Update too, so the workflow decides who holds the task. */
  async assign(
    actor: Actor,
    id: string,
    kind: AssignKind,
    to?: string,
    reason?: string,
    key?: string,
  ): Promise<AssignTaskResult> {
    const task = await this.visible(actor, id);
    const body = kind === 'delegate' ? { to, reason } : {};
    const updateId = keyedUpdateId(kind, id, actor.username, key, body);
    return keyedAction(this.lifecycles, task.creditCode, updateId, async () => {
      if (task.status !== 'open') throw taskClosedRefusal(task.status);
      let target: Actor | undefined;
      if (kind === 'delegate') {
        target = (await this.users.findActor(to!)) ?? undefined;
        if (!target) {
          throw new RuleViolation('DELEGATE_UNKNOWN', t('被转办人不存在', 'no such user'), [
            { field: 'to', text: t('用户不存在或已停用', 'unknown or deactivated user') },
          ]);
        }
      }
      const why = kind === 'delegate' ? reason?.trim() || undefined : undefined;
      // 委托代理: a proxy hands the principal's task on for them (claiming and releasing stay one's own).
      const onBehalfOf = kind === 'delegate' ? await this.proxies.principalFor(actor, task) : undefined;
      try {
        return await this.lifecycles.assign(
          task.creditCode,
          { taskId: id, kind, actor, to: target, reason: why, onBehalfOf },
          updateId,
        );
      } catch (e) {
        if (!domainErrorFrom(e)) await this.suspect(task.creditCode);
        throw e;
      }
    });
  }

  /**
   * An Update that failed without the workflow's answer (Temporal or the worker away) may have been
   * projected by a workflow task that was then lost: the worker's read-model repair compares the
   * enterprise with its workflow (docs/design.md, "The read model under faults"). Best effort: the
   * repair's periodic sweep finds it too.
   */
  private async suspect(creditCode: string): Promise<void> {
    await this.repairs.suspect(creditCode, 'update_failed').catch(() => undefined);
  }

  /**
   * Who may do the task: the active users in its candidate groups (to pick a delegate). 委托代理: a
   * proxy may hand the principal's task to themselves (the 转办 is for the principal), so their own
   * entry says whom they would take it for.
   */
  async candidates(actor: Actor, id: string) {
    const task = await this.visible(actor, id);
    const [users, principal] = await Promise.all([
      this.users.candidatesFor(task.candidateGroups),
      task.status === 'open' ? this.proxies.principalFor(actor, task) : Promise.resolve(undefined),
    ]);
    return users.map((u) => {
      const self = u.username === actor.username;
      return {
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        assignee: u.username === task.assignee,
        self,
        onBehalfOf:
          self && principal
            ? { username: principal.username, displayName: principal.displayName ?? principal.username }
            : null,
      };
    });
  }

  async comment(actor: Actor, id: string, text: string) {
    const task = await this.visible(actor, id);
    // 办理意见交流 is about the handling: once the task is done or cancelled it is the record, closed
    // to everyone (as are its files); a 撤回 that reopens the task reopens it. The page offers no box.
    if (task.status !== 'open') throw taskClosedRefusal(task.status);
    const author: Person = {
      displayName: actor.displayName ?? actor.username,
      role: actor.role,
      department: personDepartment(actor.role, actor.scope ?? {}),
    };
    return commentView(await this.tasks.addComment(id, actor.username, text), author);
  }

  private async visible(actor: Actor, id: string): Promise<TaskEntity> {
    const task = await this.tasks.findVisible(actor, id);
    if (!task) throw notFound();
    return task;
  }
}

function commentView(c: TaskCommentEntity, author?: Person) {
  return {
    id: c.id,
    author: c.author,
    authorName: author?.displayName ?? null,
    authorDepartment: author?.department ?? null,
    text: c.text,
    at: c.createdAt.toISOString(),
  };
}
