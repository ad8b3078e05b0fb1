import { Injectable } from '@nestjs/common';
import {
  Actor,
  copiedAgainRefusal,
  COPY_RECIPIENT_ROLES,
  Forbidden,
  nextUrgeAt,
  NotFound,
  notReadersRefusal,
  t,
} from '@hardtech/domain';
import { ActivePolicyRepository, TasksRepository } from '@hardtech/persistence';
import { LifecycleClient } from '@hardtech/temporal';
import { keyedAction, keyedUpdateId } from './idempotency';
import { ProxyService } from './proxy.service';
import { UsersService } from './users.service';

/** The 抄送 picker's answer: at most this many people. */
const PICKER_SIZE = 20;

const notFound = () => new NotFound('TASK_NOT_FOUND', t('任务不存在', 'no such task'));

const URGE_PRINCIPAL = new Forbidden(
  'URGE_OWN_TASK',
  t('您正在代理该任务的办理人，请直接办理，无需催办', 'you stand in for its holder: do it instead of urging'),
);

/**
 * 催办 and 抄送 (issue 17.3, 17.5): Updates of the lifecycle, which checks the task is open, who
 * may, and how often; here the caller's scope (404 outside it) and the named users' scope.
 */
@Injectable()
export class TaskActionsService {
  constructor(
    private readonly lifecycles: LifecycleClient,
    private readonly tasks: TasksRepository,
    private readonly users: UsersService,
    private readonly policies: ActivePolicyRepository,
    private readonly proxies: ProxyService,
  ) {}

  /** 催办: anyone who can see the task but its assignee; answers who was told. */
  async urge(
    actor: Actor,
    id: string,
    message?: string,
    key?: string,
  ): Promise<{ notified: string[]; notifiedNames: string[]; urgeableAt: string }> {
    const task = await this.tasks.findVisible(actor, id);
    if (!task) throw notFound();
    const updateId = keyedUpdateId('urge', id, actor.username, key, { message });
    const policy = await this.policies.current();
    const result = await keyedAction(this.lifecycles, task.creditCode, updateId, async () => {
      // 委托代理: the stand-in holds the task for its principal, who is away: an urge would go to them.
      if (task.status === 'open' && (await this.proxies.principalFor(actor, task))) throw URGE_PRINCIPAL;
      return this.lifecycles.urge(
        task.creditCode,
        { taskId: id, actor, message: message?.trim() || undefined, calendar: policy.calendar },
        updateId,
      );
    });
    const people = await this.users.candidatesFor(result.audienceGroups);
    const told = [...people].sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
    // The names, in the same order, are what the officer is told (a login name means little to them).
    // When the caller may urge again, by the rule that refuses them until then (429 URGE_TOO_SOON).
    const urges = [{ by: actor.username, at: result.at }];
    const again = nextUrgeAt(actor.username, urges, new Date(result.at), policy.calendar);
    return {
      notified: told.map((u) => u.username),
      notifiedNames: told.map((u) => u.displayName),
      urgeableAt: again?.toISOString() ?? result.at,
    };
  }

  /**
   * 抄送: to users who may see the enterprise (422 naming the others) and were not copied it before
   * (409 naming them); they read it read-only. A proxy copies the principal's task for them (委托代理).
   */
  async cc(actor: Actor, id: string, users: string[], note?: string, key?: string) {
    const task = await this.tasks.findVisible(actor, id);
    if (!task) throw notFound();
    const updateId = keyedUpdateId('cc', id, actor.username, key, { users, note });
    const result = await keyedAction(this.lifecycles, task.creditCode, updateId, async () => {
      // Everyone named in one query, by the rule the picker offers them by.
      const readers = await this.users.readersOf(users, task.creditCode);
      const notReaders = users.filter((username) => !readers.has(username));
      if (notReaders.length) {
        // Named as the picker names people: a login alone means little to the officer (the walk).
        throw notReadersRefusal('users', notReaders, await this.users.displayNames(notReaders))!;
      }
      // Nobody is copied twice (the workflow's validator agrees, for two copies at once): named here
      // as the task page lists its copies.
      const copies = await this.tasks.copiesOf(id);
      const again = copiedAgainRefusal(
        copies.map((copy) => copy.username),
        users,
        new Map(copies.map((copy) => [copy.username, copy.displayName])),
      );
      if (again) throw again;
      const onBehalfOf = task.status === 'open' ? await this.proxies.principalFor(actor, task) : undefined;
      return this.lifecycles.cc(
        task.creditCode,
        { taskId: id, actor, users, note: note?.trim() || undefined, onBehalfOf },
        updateId,
      );
    });
    return { taskId: result.taskId, users: result.users };
  }

  /**
   * 抄送's picker: active officers and leaders (COPY_RECIPIENT_ROLES) whose username or name
   * contains `q` and who may see the task's enterprise, by the same scope rule the copy itself is
   * checked against (in the query that finds them); not the caller. A 404 outside the caller's
   * scope, like the task.
   */
  async ccCandidates(actor: Actor, id: string, q?: string) {
    const task = await this.tasks.findVisible(actor, id);
    if (!task) throw notFound();
    const people = await this.users.activeOf(COPY_RECIPIENT_ROLES, q?.trim() || undefined, PICKER_SIZE, {
      seeing: task.creditCode,
      except: actor.username,
    });
    return {
      items: people.map((user) => ({
        username: user.username,
        displayName: user.displayName ?? user.username,
        role: user.role,
      })),
    };
  }
}
