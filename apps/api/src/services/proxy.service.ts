import { Injectable } from '@nestjs/common';
import {
  Actor,
  HeldTask,
  isPersonalTaskOf,
  parseInstant,
  proxyActive,
  proxyPersonProblem,
  proxyRefusal,
  ProxySetting,
  taskRefusal,
} from '@hardtech/domain';
import { AuditRepository, TaskProxiesRepository } from '@hardtech/persistence';
import { UsersService } from './users.service';

/**
 * 委托代理 (issue 17.6): a user names a colleague of the same role, whose scope covers theirs, to
 * stand in for them over a period. While it runs, the proxy sees the principal's personal tasks
 * (libs/persistence AccessService.proxiedTasks) and completes them on the principal's behalf.
 * Setting, changing and ending a proxy is audited.
 */
@Injectable()
export class ProxyService {
  constructor(
    private readonly proxies: TaskProxiesRepository,
    private readonly users: UsersService,
    private readonly audit: AuditRepository,
  ) {}

  async get(actor: Actor) {
    const [proxy, standingInFor] = await Promise.all([
      this.proxies.of(actor.username),
      this.proxies.principalsOf(actor.username, new Date()),
    ]);
    return { proxy: proxy && (await this.view(proxy)), ...(await this.standingIn(standingInFor)) };
  }

  /** The proxy picker: active users of my role whose scope covers mine, by name (`q`), at most 50. */
  async candidates(actor: Actor, q?: string) {
    const users = await this.users.activeOf([actor.role], q?.trim() || undefined, 200);
    const items = users
      .filter((u) => !proxyPersonProblem(actor, u))
      .slice(0, 50)
      .map((u) => ({ username: u.username, displayName: u.displayName ?? u.username, role: u.role }));
    return { items };
  }

  async set(actor: Actor, body: { to: string; from: string; until: string }) {
    const period = { from: parseInstant(body.from)!, until: parseInstant(body.until)! };
    const to = await this.users.findActor(body.to);
    const refusal = proxyRefusal(actor, to, period, new Date());
    if (refusal) throw refusal;
    const setting: ProxySetting = {
      principal: actor.username,
      to: to!.username,
      from: period.from.toISOString(),
      until: period.until.toISOString(),
    };
    const before = await this.proxies.set(setting);
    await this.audit.append({
      actor: actor.username,
      actorRole: actor.role,
      action: before ? 'proxy.changed' : 'proxy.set',
      data: { ...setting, before },
    });
    return {
      proxy: await this.view(setting),
      ...(await this.standingIn(await this.proxies.principalsOf(actor.username, new Date()))),
    };
  }

  async remove(actor: Actor) {
    const ended = await this.proxies.remove(actor.username);
    if (ended) {
      await this.audit.append({
        actor: actor.username,
        actorRole: actor.role,
        action: 'proxy.ended',
        data: { ...ended },
      });
    }
    return {
      proxy: null,
      ...(await this.standingIn(await this.proxies.principalsOf(actor.username, new Date()))),
    };
  }

  /**
   * The principal the actor would do the task for: none when the actor may do it themselves; else
   * one who has named the actor their proxy now, whose personal task it is and who may do it.
   */
  async principalFor(actor: Actor, task: HeldTask): Promise<Actor | undefined> {
    if (!taskRefusal(actor, task, 'complete')) return undefined;
    for (const username of await this.proxies.principalsOf(actor.username, new Date())) {
      if (!isPersonalTaskOf(username, task)) continue;
      const principal = await this.users.findActor(username);
      if (principal && principal.role === actor.role && !taskRefusal(principal, task, 'complete')) {
        return principal;
      }
    }
    return undefined;
  }

  /** Whom I stand in for, and their names in the same order (the web said 您正在代理 district-500112). */
  private async standingIn(standingInFor: string[]) {
    const names = await this.users.displayNames(standingInFor);
    return { standingInFor, standingInForNames: standingInFor.map((u) => names.get(u) ?? u) };
  }

  private async view(p: ProxySetting) {
    const to = await this.users.findActor(p.to);
    return { ...p, toName: to?.displayName ?? null, active: proxyActive(p, new Date()) };
  }
}
