import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig, CONFIG } from '@hardtech/config';
import { DomainError, passwordExpired, Role, Scope, t } from '@hardtech/domain';
import {
  AuditRepository,
  SecurityPolicyRepository,
  SessionsRepository,
  UserEntity,
  UsersRepository,
} from '@hardtech/persistence';
import { isDemoLogin } from '../seed/demo-data';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';

/** Failed logins one client address may make per minute, whatever the accounts. */
export const MAX_FAILURES_PER_ADDRESS = 20;

export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  user: { username: string; role: Role; scope: Scope; displayName: string; mustChangePassword?: true };
}

const wrongCredentials = () =>
  new DomainError(401, 'INVALID_CREDENTIALS', t('用户名或密码错误', 'wrong username or password'));

const accountLocked = (until: Date) =>
  new DomainError(
    429,
    'ACCOUNT_LOCKED',
    t(`连续登录失败，账号已锁定至 ${until.toISOString()}`, `account locked until ${until.toISOString()}`),
  );

/** Local login (username and password). An OIDC provider would replace this and the token issuing. */
@Injectable()
export class AuthService {
  private readonly throttle = new LoginThrottle(MAX_FAILURES_PER_ADDRESS, 60_000);
  /** Verified against when the user does not exist, so both paths take the same time. */
  private readonly decoy: Promise<string>;

  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditRepository,
    private readonly sessions: SessionsRepository,
    private readonly policy: SecurityPolicyRepository,
    private readonly passwords: PasswordHasher,
  ) {
    this.decoy = passwords.hash('decoy-password-0');
  }

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
    if (this.throttle.blocked(clientAddress)) {
      throw new DomainError(
        429,
        'TOO_MANY_LOGIN_ATTEMPTS',
        t('登录失败次数过多，请稍后再试', 'too many failed logins, try again later'),
      );
    }
    if (this.config.env === 'production' && isDemoLogin(username, password)) {
      throw new DomainError(
        403,
        'DEMO_ACCOUNT_REFUSED',
        t('生产环境不允许使用演示账号或演示密码', 'demo accounts and passwords are refused in production'),
      );
    }
    const user = await this.users.findActive(username);
    if (!(await this.checkPassword(user, password))) {
      this.throttle.fail(clientAddress);
      throw wrongCredentials();
    }
    // An expired password is the first-login case again: one flag, changed before anything else.
    if (
      !user!.mustChangePassword &&
      passwordExpired(user!.passwordChangedAt, await this.policy.get(), new Date())
    ) {
      await this.users.update(user!.id, { mustChangePassword: true });
      user!.mustChangePassword = true;
    }
    return this.issue(user!, clientAddress);
  }

  /**
   * Whether the password is the user's, counted against the account's lockout: the attempt is taken
   * in the database before the (slow) hash is checked, so parallel guesses cannot overtake the count,
   * and a locked account answers 429 ACCOUNT_LOCKED whatever the password. A right one resets the
   * count. Login and the own-password change both come here.
   */
  async checkPassword(user: UserEntity | null, password: string): Promise<boolean> {
    if (!user) return this.verify(null, password);
    const { maxFailedLogins, lockMinutes } = await this.policy.get();
    if ((await this.users.claimAttempt(user.id, maxFailedLogins, lockMinutes)) === null) {
      const lockedUntil = (await this.users.findByUsername(user.username))?.lockedUntil ?? new Date();
      throw accountLocked(lockedUntil);
    }
    if (!(await this.verify(user, password))) return false;
    await this.users.recordSuccess(user.id);
    // A hash made at an earlier cost is made again now, while the password is at hand.
    if (this.passwords.outdated(user.passwordHash)) {
      await this.users.rehash(user.id, await this.passwords.hash(password));
    }
    return true;
  }

  /** Checks a password against the user's hash; a missing user costs the same time and fails. */
  private async verify(user: UserEntity | null, password: string): Promise<boolean> {
    if (!user) {
      await this.passwords.verify(await this.decoy, password);
      return false;
    }
    return this.passwords.verify(user.passwordHash, password);
  }

  /**
   * Opens a server-side session and answers a token naming it (`jti`). The token expires with the
   * session's lifetime at the latest; idle timeout, logout and revocation end it earlier.
   */
  async issue(user: UserEntity, clientAddress: string | null): Promise<LoginResult> {
    const policy = await this.policy.get();
    const expiresIn = Math.min(this.config.auth.tokenTtlSeconds, policy.sessionLifetimeMinutes * 60);
    const sessionId = randomUUID();
    await this.sessions.open(sessionId, user.id, clientAddress, new Date());
    const accessToken = await this.jwt.signAsync(
      { sub: user.username, role: user.role, jti: sessionId },
      { expiresIn },
    );
    return {
      accessToken,
      expiresIn,
      user: {
        username: user.username,
        role: user.role,
        scope: user.scope,
        displayName: user.displayName,
        ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
      },
    };
  }
}
