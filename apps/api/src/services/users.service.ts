import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig, CONFIG } from '@hardtech/config';
import {
  Actor,
  ADMIN_ROLES,
  Conflict,
  FieldError,
  Forbidden,
  groupMembers,
  InvalidInput,
  isCandidate,
  mayHoldTask,
  NotFound,
  passwordProblem,
  Person,
  Role,
  RuleViolation,
  Scope,
  retiredClustersRefusal,
  scopeProblems,
  t,
  UserView,
} from '@hardtech/domain';
import {
  ClustersRepository,
  SecurityPolicyRepository,
  SessionsRepository,
  TasksRepository,
  UserEntity,
  UserFilter,
  UsersRepository,
} from '@hardtech/persistence';
import { LifecycleClient } from '@hardtech/temporal';
import { CreateUserDto, UpdateUserDto } from '../dtos/user.dto';
import { DEMO_ADMIN_PASSWORD } from '../seed/demo-data';
import { AuthService, LoginResult } from './auth.service';
import { PasswordHasher } from './password-hasher';

export type { UserView };

export function userView(u: UserEntity): UserView {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    scope: u.scope,
    active: u.active,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
    wecomUserId: u.wecomUserId,
    dingtalkUserId: u.dingtalkUserId,
    oidcSubject: u.oidcSubject,
  };
}

const notFound = () => new NotFound('USER_NOT_FOUND', t('用户不存在', 'no such user'));
const adminsOnly = () =>
  new Forbidden(
    'ROLE_NOT_ALLOWED',
    t('只有系统管理员可以管理管理员账号', 'only a system administrator may manage administrators'),
  );
const actorOf = (u: UserEntity): Actor => ({
  username: u.username,
  role: u.role,
  scope: u.scope,
  displayName: u.displayName,
});

/** 三员: the administrators' accounts are the system administrator's to create and change. */
const isAdmin = (role: Role | undefined) => role !== undefined && ADMIN_ROLES.includes(role);

/** User administration (admin and city coordinator) and the caller's own account. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger('UsersService');

  constructor(
    private readonly users: UsersRepository,
    private readonly clusters: ClustersRepository,
    private readonly auth: AuthService,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly tasks: TasksRepository,
    private readonly lifecycles: LifecycleClient,
    private readonly sessions: SessionsRepository,
    private readonly policy: SecurityPolicyRepository,
    private readonly passwords: PasswordHasher,
  ) {}

  async create(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    if (isAdmin(dto.role) && actor.role !== 'system_admin') throw adminsOnly();
    await this.check(dto.username, dto.role, dto.scope, dto.password);
    if (await this.users.findByUsername(dto.username)) {
      throw new Conflict('USERNAME_TAKEN', t('用户名已存在', 'the username is taken'));
    }
    const { wecomUserId = null, dingtalkUserId = null } = dto;
    return userView(
      await this.insert(dto.username, dto.password, dto.displayName, dto.role, dto.scope, {
        wecomUserId,
        dingtalkUserId,
      }),
    );
  }

  async list(filter: UserFilter) {
    const { items, total } = await this.users.list(filter);
    return { items: items.map(userView), total, page: filter.page, pageSize: filter.pageSize };
  }

  async get(username: string): Promise<UserView> {
    const user = await this.users.findByUsername(username);
    if (!user) throw notFound();
    return userView(user);
  }

  /**
   * Changes a user: name, role and scope (effective on their next request), active (deactivated
   * users cannot log in and their tokens stop working), password (ends their sessions), unlock.
   */
  async update(actor: Actor, username: string, dto: UpdateUserDto): Promise<UserView> {
    const user = await this.users.findByUsername(username);
    if (!user) throw notFound();
    if (actor.role !== 'system_admin' && (isAdmin(user.role) || isAdmin(dto.role))) throw adminsOnly();
    if (user.username === actor.username && ((dto.role && dto.role !== user.role) || dto.active === false)) {
      throw new RuleViolation(
        'OWN_ACCOUNT',
        t('不能停用自己的账号或修改自己的角色', 'you may not deactivate yourself or change your own role'),
      );
    }
    // A reset here skips 修改密码's current-password check (and keeps this session): one's own
    // password is changed there, as every other user's is.
    if (user.username === actor.username && dto.password !== undefined) {
      throw new RuleViolation(
        'OWN_ACCOUNT',
        t(
          '不能在用户管理中重置自己的密码，请通过“修改密码”办理',
          'you may not reset your own password here: use Change password',
        ),
      );
    }
    const role = dto.role ?? user.role;
    const scope = dto.scope ?? user.scope;
    await this.check(user.username, role, scope, dto.password, user.scope.clusters);
    const changes: Parameters<UsersRepository['update']>[1] = {};
    if (dto.displayName !== undefined) changes.displayName = dto.displayName;
    if (dto.role !== undefined || dto.scope !== undefined) Object.assign(changes, { role, scope });
    if (dto.active !== undefined) changes.active = dto.active;
    if (dto.wecomUserId !== undefined) changes.wecomUserId = dto.wecomUserId;
    if (dto.dingtalkUserId !== undefined) changes.dingtalkUserId = dto.dingtalkUserId;
    if (dto.oidcSubject !== undefined) {
      const holder = dto.oidcSubject === null ? null : await this.users.findBySubject(dto.oidcSubject);
      if (holder && holder.id !== user.id) {
        throw new Conflict(
          'OIDC_SUBJECT_TAKEN',
          t('该统一身份认证账号已对应其他用户', 'that identity-service subject belongs to another user'),
        );
      }
      changes.oidcSubject = dto.oidcSubject;
    }
    if (dto.password !== undefined) changes.passwordHash = await this.passwords.hash(dto.password);
    if (dto.unlock || dto.password !== undefined)
      Object.assign(changes, { failedLogins: 0, lockedUntil: null });
    if (!Object.keys(changes).length) {
      throw new InvalidInput([{ field: 'body', text: t('没有要修改的内容', 'nothing to change') }]);
    }
    await this.users.update(user.id, changes);
    if (dto.password !== undefined) await this.sessions.revokeAllOf(user.id, actor.username);
    await this.releaseTasksOutOfReach(user, { username: user.username, role, scope }, dto.active !== false);
    return this.get(user.username);
  }

  /**
   * The tasks a user has claimed that their new role or scope (or deactivation) no longer lets them
   * hold go back to their candidates (issue 20.6). The release is an unclaim by the holder as they
   * were — the one actor the workflow's rule always lets give a claim back; the audit log names the
   * administrator whose change caused it.
   */
  private async releaseTasksOutOfReach(before: UserEntity, after: Actor, active: boolean): Promise<void> {
    const holder: Actor = { username: before.username, role: before.role, scope: before.scope };
    for (const task of await this.tasks.openAssignedTo(before.username)) {
      if (active && mayHoldTask(after, task)) continue;
      await this.lifecycles
        .assign(task.creditCode, { taskId: task.id, kind: 'unclaim', actor: holder })
        .catch((e) => this.logger.warn(`task ${task.id} not released from ${before.username}: ${e}`));
    }
  }

  /** The caller's own password; answers a fresh token, as every earlier session ends. */
  async changeOwnPassword(
    actor: Actor,
    current: string,
    next: string,
    clientAddress: string | null,
  ): Promise<LoginResult> {
    const user = await this.users.findActive(actor.username);
    if (!user) throw notFound();
    if (!(await this.auth.checkPassword(user, current))) {
      throw new RuleViolation('WRONG_PASSWORD', t('当前密码不正确', 'the current password is wrong'), [
        { field: 'currentPassword', text: t('不正确', 'is wrong') },
      ]);
    }
    const weak = passwordProblem(next, user.username, await this.policy.get());
    if (weak) throw new InvalidInput([{ field: 'newPassword', text: weak }]);
    await this.users.update(user.id, {
      passwordHash: await this.passwords.hash(next),
      failedLogins: 0,
      lockedUntil: null,
      mustChangePassword: false,
    });
    await this.sessions.revokeAllOf(user.id, actor.username);
    return this.auth.issue((await this.users.findActive(user.username))!, clientAddress);
  }

  async findActor(username: string): Promise<Actor | null> {
    const u = await this.users.findActive(username);
    return u ? actorOf(u) : null;
  }

  /**
   * Active users of these roles whose username or name contains `q`, by username, at most `limit`:
   * what a people picker starts from before it applies the rule it serves.
   */
  async activeOf(
    roles: readonly Role[],
    q: string | undefined,
    limit: number,
    only: Pick<UserFilter, 'seeing' | 'except'> = {},
  ): Promise<Actor[]> {
    return (await this.users.first({ roles, q, active: true, ...only }, limit)).map(actorOf);
  }

  /**
   * Which of `usernames` are active and may see the enterprise, each by their role's scope rule,
   * in one query (AccessService.enterpriseSeenByUser): whom 抄送 may copy a task to.
   */
  async readersOf(usernames: readonly string[], creditCode: string): Promise<Set<string>> {
    const unique = [...new Set(usernames)];
    if (!unique.length) return new Set();
    const found = await this.users.first(
      { usernames: unique, active: true, seeing: creditCode },
      unique.length,
    );
    return new Set(found.map((u) => u.username));
  }

  /** Username → display name, active or not (a page names who held a task); one who is gone is missing. */
  displayNames(usernames: string[]): Promise<Map<string, string>> {
    return this.users.displayNames(usernames);
  }

  /** Name, role and department of these users, as the UI names people (one query). */
  people(usernames: string[]): Promise<Map<string, Person>> {
    return this.users.people(usernames);
  }

  /** The active users among `usernames`, by username, in one query. */
  async findActors(usernames: string[]): Promise<Map<string, Actor>> {
    const found = await this.users.findByUsernames([...new Set(usernames)]);
    return new Map(found.filter((u) => u.active).map((u) => [u.username, actorOf(u)]));
  }

  /** Active users who may do a task with these candidate groups. */
  async candidatesFor(groups: readonly string[]): Promise<UserEntity[]> {
    const users = await this.users.candidates(groupMembers(groups));
    return users.filter((u) => isCandidate(u, groups));
  }

  /** The bootstrap admin: ADMIN_USERNAME / ADMIN_PASSWORD, or admin / admin123456 in demo mode. */
  async ensureBootstrapAdmin(): Promise<void> {
    const { adminUsername, adminPassword } = this.config.auth;
    const username = adminUsername ?? (this.config.demoMode ? 'admin' : undefined);
    const password = adminPassword ?? (this.config.demoMode ? DEMO_ADMIN_PASSWORD : undefined);
    if (!username || !password) {
      this.logger.warn('no bootstrap admin: set ADMIN_USERNAME and ADMIN_PASSWORD');
      return;
    }
    if (await this.users.findByUsername(username)) return;
    const admin = await this.insert(username, password, '系统管理员', 'system_admin', {});
    // 等保 2.0: the password an installer typed into the environment is changed at first login.
    if (this.config.env === 'production') {
      await this.users.update(admin.id, { mustChangePassword: true });
    }
    this.logger.log(`bootstrap admin "${username}" created`);
  }

  /** Creates a user unless the name exists; for seeds. */
  async ensure(
    username: string,
    password: string,
    displayName: string,
    role: Role,
    scope: Scope,
  ): Promise<void> {
    if (await this.users.findByUsername(username)) return;
    await this.insert(username, password, displayName, role, scope);
  }

  /**
   * Scope fits the role, codes exist, the password (when given) is strong enough: 400 otherwise. A
   * retired cluster is given to nobody new (422 CLUSTER_RETIRED); one the user `held` stays, so
   * they keep reading its old enterprises.
   */
  private async check(
    username: string,
    role: Role,
    scope: Scope,
    password?: string,
    held: readonly string[] = [],
  ): Promise<void> {
    const { active, retired } = await this.clusters.codes();
    const problems: FieldError[] = scopeProblems(role, scope, new Set([...active, ...retired]));
    const weak = password === undefined ? null : passwordProblem(password, username, await this.policy.get());
    if (weak) problems.unshift({ field: 'password', text: weak });
    if (problems.length) throw new InvalidInput(problems);
    const chosen = (scope.clusters ?? []).map((code, i) => [`scope.clusters[${i}]`, code] as const);
    const refusal = retiredClustersRefusal(
      chosen.filter(([, code]) => !held.includes(code)),
      retired,
    );
    if (refusal) throw refusal;
  }

  private async insert(
    username: string,
    password: string,
    displayName: string,
    role: Role,
    scope: Scope,
    ids: { wecomUserId: string | null; dingtalkUserId: string | null } = {
      wecomUserId: null,
      dingtalkUserId: null,
    },
  ) {
    try {
      return await this.users.insert({
        username,
        passwordHash: await this.passwords.hash(password),
        displayName,
        role,
        scope,
        ...ids,
      });
    } catch (e) {
      if ((e as { code?: string }).code === '23505') {
        throw new Conflict('USERNAME_TAKEN', t('用户名已存在', 'the username is taken'));
      }
      throw e;
    }
  }
}
