import { Injectable, Logger } from '@nestjs/common';
import {
  Actor,
  Conflict,
  countersignAskedRefusal,
  countersignClosedProblemRefusal,
  countersignerGroups,
  countersignersRefusal,
  CountersignMode,
  DomainError,
  isCandidate,
  NotFound,
  t,
  taskClosedRefusal,
  withdrawerRefusal,
  withdrawNotDone,
} from '@hardtech/domain';
import {
  ActivePolicyRepository,
  EnterprisesRepository,
  ProblemsRepository,
  TaskEntity,
  TasksRepository,
} from '@hardtech/persistence';
import {
  answeredWithin,
  CompleteTaskResult,
  CountersignResult,
  domainErrorFrom,
  LifecycleClient,
  WithdrawalRefusal,
  WithdrawTaskResult,
} from '@hardtech/temporal';
import { keyedAction, keyedUpdateId } from './idempotency';
import { ProxyService } from './proxy.service';
import { UsersService } from './users.service';

const FINAL_STAGES = ['rejected', 'graduated', 'exited'];

const lifecycleEnded = () =>
  new Conflict('LIFECYCLE_ENDED', t('该企业的流程已结束', 'the lifecycle has ended'));

/**
 * 退回, 撤回, 加签 (issue 17 items 1, 2, 4): each an Update of the enterprise's lifecycle, which
 * validates it (libs/domain/src/approval-actions) and records it in history and the audit log.
 * Here: the task in the caller's scope, the facts only the read model has (comments, who may see
 * the enterprise), and the answers.
 */
/** How long a task's page waits for the workflow's answer to whether its 撤回 would be refused. */
const WITHDRAWAL_QUERY_MS = 2_000;

@Injectable()
export class ApprovalActionsService {
  private readonly logger = new Logger('ApprovalActionsService');

  constructor(
    private readonly lifecycles: LifecycleClient,
    private readonly tasks: TasksRepository,
    private readonly enterprises: EnterprisesRepository,
    private readonly users: UsersService,
    private readonly policies: ActivePolicyRepository,
    private readonly proxies: ProxyService,
    private readonly problems: ProblemsRepository,
  ) {}

  /**
   * Whoever may complete the task may send it back: also a proxy, for its principal (委托代理).
   * With an Idempotency-Key, sent again: the first answer (keyedAction), not a 409.
   */
  async returnTask(actor: Actor, id: string, reason: string, key?: string): Promise<CompleteTaskResult> {
    const task = await this.visible(actor, id);
    const updateId = keyedUpdateId('return', id, actor.username, key, { reason });
    return keyedAction(this.lifecycles, task.creditCode, updateId, async () => {
      if (task.status !== 'open') throw taskClosedRefusal(task.status);
      const [policy, onBehalfOf] = await Promise.all([
        this.policies.current(),
        this.proxies.principalFor(actor, task),
      ]);
      return this.send(() =>
        this.lifecycles.returnTask(
          task.creditCode,
          { taskId: id, reason, actor, policy, onBehalfOf },
          updateId,
        ),
      );
    });
  }

  /**
   * 撤回 by the person who completed the task, while its lifecycle runs; the workflow decides
   * whether what the completion opened is untouched — the comments on those tasks are known here.
   */
  async withdraw(actor: Actor, id: string, key?: string): Promise<WithdrawTaskResult> {
    const task = await this.visible(actor, id);
    const updateId = keyedUpdateId('withdraw', id, actor.username, key, {});
    return keyedAction(this.lifecycles, task.creditCode, updateId, async () => {
      if (task.status === 'open') throw withdrawNotDone();
      if (task.status === 'cancelled') throw taskClosedRefusal(task.status);
      const refusal = withdrawerRefusal(actor, task);
      if (refusal) throw refusal;
      await this.assertRunning(task);
      const [commented, policy] = await Promise.all([this.commentedSince(task), this.policies.current()]);
      return this.send(() =>
        this.lifecycles.withdraw(task.creditCode, { taskId: id, actor, commented, policy }, updateId),
      );
    });
  }

  /**
   * Why the caller's 撤回 of a done task would be refused now, for its button (null: it would
   * not be, or the task is not theirs to withdraw and the page offers no button).
   */
  async withdrawalRefusal(actor: Actor, task: TaskEntity): Promise<WithdrawalRefusal | null> {
    if (task.status !== 'done' || withdrawerRefusal(actor, task)) return null;
    try {
      await this.assertRunning(task);
      const commented = await this.commentedSince(task);
      return await answeredWithin(
        WITHDRAWAL_QUERY_MS,
        this.lifecycles.withdrawalRefusal(task.creditCode, { taskId: task.id, actor, commented }),
      );
    } catch (e) {
      const error = domainErrorFrom(e) ?? (e instanceof DomainError ? e : null);
      if (error) return { code: error.code, message: error.text };
      // The page reads the task all the same: a workflow that cannot be asked now (no worker, a
      // restarting server) leaves the button offered, and the 撤回 itself answers for the workflow.
      this.logger.warn(`withdrawal check of task ${task.id}: ${(e as Error).message}`);
      return null;
    }
  }

  private async assertRunning(task: TaskEntity): Promise<void> {
    const row = await this.enterprises.findRow(task.creditCode);
    if (!row || row.lifecycleNo !== task.lifecycleNo || FINAL_STAGES.includes(row.stage))
      throw lifecycleEnded();
  }

  /** The tasks the completion opened that have comments (the workflow does not know them). */
  private async commentedSince(task: TaskEntity): Promise<string[]> {
    const opened = ((task.result as CompleteTaskResult | null)?.nextTasks ?? []).map((n) => n.id);
    const commented: string[] = [];
    for (const taskId of opened) {
      if ((await this.tasks.commentsOf(taskId)).length) commented.push(taskId);
    }
    return commented;
  }

  /**
   * 加签: the named users must be officers who may see the enterprise (422 naming the others); not
   * on a task whose ledger problem is closed out (422 PROBLEM_RESOLVED). A proxy asks for its
   * principal (委托代理), whose task it stays.
   */
  async countersign(
    actor: Actor,
    id: string,
    req: { users: string[]; mode: CountersignMode; note: string },
    key?: string,
  ): Promise<CountersignResult> {
    const task = await this.visible(actor, id);
    const updateId = keyedUpdateId('countersign', id, actor.username, key, {
      users: req.users,
      mode: req.mode,
      note: req.note,
    });
    return keyedAction(this.lifecycles, task.creditCode, updateId, async () => {
      if (task.status !== 'open') throw taskClosedRefusal(task.status);
      // Its ledger problem closed out (销号) meanwhile: 422 PROBLEM_RESOLVED, as the page offers none.
      const closed = countersignClosedProblemRefusal(
        task.problemId ? (await this.problems.workState(task.problemId))?.status : null,
      );
      if (closed) throw closed;
      const onBehalfOf = await this.proxies.principalFor(actor, task);
      const groups = await this.countersignerGroupsOf(task);
      const named = await Promise.all(
        req.users.map(async (u) => [u, await this.users.findActor(u)] as const),
      );
      const refusal = countersignersRefusal(
        named.filter(([, user]) => !user || !isCandidate(user, groups)).map(([u]) => u),
      );
      if (refusal) throw refusal;
      // Nobody is asked twice while they still owe an answer (the workflow's validator agrees).
      const again = countersignAskedRefusal(task.countersigns, req.users);
      if (again) throw again;
      const policy = await this.policies.current();
      return this.send(() =>
        this.lifecycles.countersign(
          task.creditCode,
          {
            taskId: id,
            actor,
            users: named.map(([, user]) => user!),
            mode: req.mode,
            note: req.note,
            policy,
            onBehalfOf,
          },
          updateId,
        ),
      );
    });
  }

  /**
   * Who may be asked to countersign the task: active officers who may see the enterprise; not the
   * caller, nor the principal a proxy asks for.
   */
  async countersigners(actor: Actor, id: string) {
    const task = await this.visible(actor, id);
    const [users, principal] = await Promise.all([
      this.countersignerGroupsOf(task).then((groups) => this.users.candidatesFor(groups)),
      task.status === 'open' ? this.proxies.principalFor(actor, task) : undefined,
    ]);
    return users
      .filter((u) => u.username !== actor.username && u.username !== principal?.username)
      .map((u) => ({ username: u.username, displayName: u.displayName, role: u.role, assignee: false }));
  }

  private async countersignerGroupsOf(task: TaskEntity): Promise<string[]> {
    const row = await this.enterprises.findRow(task.creditCode);
    return countersignerGroups(row ?? task);
  }

  private async send<T>(update: () => Promise<T>): Promise<T> {
    try {
      return await update();
    } catch (e) {
      // The lifecycle ended between our reading and the Update reaching it.
      if (domainErrorFrom(e)?.code === 'LIFECYCLE_NOT_RUNNING') throw lifecycleEnded();
      throw e;
    }
  }

  private async visible(actor: Actor, id: string): Promise<TaskEntity> {
    const task = await this.tasks.findVisible(actor, id);
    if (!task) throw new NotFound('TASK_NOT_FOUND', t('任务不存在', 'no such task'));
    return task;
  }
}
