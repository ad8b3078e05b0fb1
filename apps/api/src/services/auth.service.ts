import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { AppConfig, CONFIG } from '@hardtech/config';
import { DomainError, t } from '@hardtech/domain';
import { AuditRepository } from '@hardtech/persistence';
import { UsersRepository } from '../repositories/users.repository';
import { LoginThrottle } from './login-throttle';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  user: { username: string; role: string; scope: unknown; displayName: string };
}

@Injectable()
export class AuthService {
  private readonly throttle = new LoginThrottle(20, 60_000);
  /** Verified against when the user does not exist, so both paths take the same time. */
  private readonly decoy = argon2.hash('decoy-password-0');

  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditRepository,
  ) {}

  /** Every login and every failed one is audited, with the attempted username and the reason. */
  async login(username: string, password: string, clientAddress: string): Promise<LoginResult> {
    let result: LoginResult;
    try {
      result = await this.attempt(username, password, clientAddress);
    } catch (e) {
      if (e instanceof DomainError) {
        await this.audit.append({
          actor: username,
          action: 'auth.login_failed',
          outcome: 'refused',
          status: e.status,
          data: { code: e.code, clientAddress },
        });
      }
      throw e;
    }
    await this.audit.append({
      actor: username,
      actorRole: result.user.role,
      action: 'auth.login',
      data: { clientAddress },
    });
    return result;
  }

  private async attempt(username: string, password: string, clientAddress: string): Promise<LoginResult> {
    if (!this.throttle.allow(clientAddress)) {
      throw new DomainError(
        429,
        'TOO_MANY_LOGIN_ATTEMPTS',
        t('登录尝试过于频繁，请稍后再试', 'too many login attempts, try again later'),
      );
    }
    const user = await this.users.findActive(username);
    if (user?.lockedUntil && user.lockedUntil > new Date()) {
      throw new DomainError(
        429,
        'ACCOUNT_LOCKED',
        t(
          `连续登录失败，账号已锁定至 ${user.lockedUntil.toISOString()}`,
          `account locked until ${user.lockedUntil.toISOString()}`,
        ),
      );
    }
    const ok = user
      ? await argon2.verify(user.passwordHash, password)
      : (await argon2.verify(await this.decoy, password), false);
    if (!user || !ok) {
      if (user) await this.users.recordFailure(user.id, MAX_FAILED_LOGINS, LOCK_MINUTES);
      throw new DomainError(401, 'INVALID_CREDENTIALS', t('用户名或密码错误', 'wrong username or password'));
    }
    await this.users.recordSuccess(user.id);
    const expiresIn = this.config.auth.tokenTtlSeconds;
    const accessToken = await this.jwt.signAsync({ sub: user.username, role: user.role }, { expiresIn });
    return {
      accessToken,
      expiresIn,
      user: { username: user.username, role: user.role, scope: user.scope, displayName: user.displayName },
    };
  }
}
