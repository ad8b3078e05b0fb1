import { Injectable } from '@nestjs/common';
import {
  Actor,
  InvalidInput,
  NotFound,
  SecurityPolicy,
  securityPolicyProblems,
  sessionEndsAt,
  t,
} from '@hardtech/domain';
import { SecurityPolicyRepository, SessionsRepository, UsersRepository } from '@hardtech/persistence';
import type { LockoutDto, SessionListDto } from '../dtos/security.dto';
import { TrustedProxies } from '../security/trusted-proxies';

/**
 * The security administrator's work (三员, issue 20.3): the security policy, live sessions and
 * locked accounts. Every call is audited by the request audit, reads included (administrators).
 */
@Injectable()
export class SecurityService {
  constructor(
    private readonly policy: SecurityPolicyRepository,
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
    private readonly trustedProxies: TrustedProxies,
  ) {}

  getPolicy(): Promise<SecurityPolicy> {
    return this.policy.get();
  }

  async putPolicy(actor: Actor, next: SecurityPolicy): Promise<SecurityPolicy> {
    const problems = securityPolicyProblems(next);
    if (problems.length) throw new InvalidInput(problems);
    await this.policy.put(next, actor.username);
    await this.trustedProxies.refresh();
    return this.policy.get();
  }

  /**
   * Live sessions: not revoked, within the lifetime and the idle timeout of the current policy; one
   * page of them, most recently used first, `total` counting them all.
   */
  async listSessions(username?: string, page = 1, pageSize = 20): Promise<SessionListDto> {
    const policy = await this.policy.get();
    const now = new Date();
    const { rows, total } = await this.sessions.listLive(
      {
        since: new Date(now.getTime() - policy.sessionLifetimeMinutes * 60_000),
        idleSince: new Date(now.getTime() - policy.idleTimeoutMinutes * 60_000),
        username,
      },
      page,
      pageSize,
    );
    const items = rows.map((s) => ({
      id: s.id,
      username: s.username,
      displayName: s.displayName,
      role: s.role,
      clientAddress: s.clientAddress,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      endsAt: sessionEndsAt(s, policy).toISOString(),
    }));
    return { items, total, page, pageSize };
  }

  async revokeSession(actor: Actor, id: string): Promise<void> {
    if (!(await this.sessions.revoke(id, actor.username))) {
      throw new NotFound('SESSION_NOT_FOUND', t('会话不存在或已结束', 'no such open session'));
    }
  }

  async listLockouts(): Promise<{ items: LockoutDto[] }> {
    const users = await this.users.lockedOut();
    return {
      items: users.map((u) => ({
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        lockedUntil: u.lockedUntil!.toISOString(),
      })),
    };
  }

  async unlock(username: string): Promise<void> {
    const user = await this.users.findByUsername(username);
    if (!user?.lockedUntil || user.lockedUntil <= new Date()) {
      throw new NotFound('LOCKOUT_NOT_FOUND', t('该账号没有被锁定', 'the account is not locked'));
    }
    await this.users.update(user.id, { failedLogins: 0, lockedUntil: null });
  }
}
