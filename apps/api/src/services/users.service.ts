import { Inject, Injectable, Logger } from '@nestjs/common';
import * as argon2 from 'argon2';
import { AppConfig, CONFIG } from '@hardtech/config';
import {
  Actor,
  Conflict,
  Forbidden,
  InvalidInput,
  passwordProblem,
  Role,
  Scope,
  scopeProblems,
  t,
} from '@hardtech/domain';
import { UserEntity } from '@hardtech/persistence';
import { CreateUserDto } from '../dtos/user.dto';
import { ClustersRepository } from '../repositories/clusters.repository';
import { UsersRepository } from '../repositories/users.repository';

export interface PublicUser {
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
}

export function publicUser(u: UserEntity): PublicUser {
  return { username: u.username, displayName: u.displayName, role: u.role, scope: u.scope };
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger('UsersService');

  constructor(
    private readonly users: UsersRepository,
    private readonly clusters: ClustersRepository,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, dto: CreateUserDto): Promise<PublicUser> {
    if (dto.role === 'admin' && actor.role !== 'admin') {
      throw new Forbidden(
        'ROLE_NOT_ALLOWED',
        t('只有系统管理员可以创建管理员', 'only an admin may create admins'),
      );
    }
    const problems = scopeProblems(dto.role, dto.scope, await this.clusters.activeCodes());
    const weak = passwordProblem(dto.password, dto.username);
    if (weak) problems.unshift({ field: 'password', text: weak });
    if (problems.length) throw new InvalidInput(problems);
    if (await this.users.findByUsername(dto.username)) {
      throw new Conflict('USERNAME_TAKEN', t('用户名已存在', 'the username is taken'));
    }
    const user = await this.insert(dto.username, dto.password, dto.displayName, dto.role, dto.scope);
    return publicUser(user);
  }

  async findActor(username: string): Promise<Actor | null> {
    const u = await this.users.findActive(username);
    return u ? { username: u.username, role: u.role, scope: u.scope, displayName: u.displayName } : null;
  }

  /** The bootstrap admin: ADMIN_USERNAME / ADMIN_PASSWORD, or admin / admin123456 in demo mode. */
  async ensureBootstrapAdmin(): Promise<void> {
    const { adminUsername, adminPassword } = this.config.auth;
    const username = adminUsername ?? (this.config.demoMode ? 'admin' : undefined);
    const password = adminPassword ?? (this.config.demoMode ? 'admin123456' : undefined);
    if (!username || !password) {
      this.logger.warn('no bootstrap admin: set ADMIN_USERNAME and ADMIN_PASSWORD');
      return;
    }
    if (await this.users.findByUsername(username)) return;
    await this.insert(username, password, '系统管理员', 'admin', {});
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

  private async insert(username: string, password: string, displayName: string, role: Role, scope: Scope) {
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    try {
      return await this.users.insert({ username, passwordHash, displayName, role, scope });
    } catch (e) {
      if ((e as { code?: string }).code === '23505') {
        throw new Conflict('USERNAME_TAKEN', t('用户名已存在', 'the username is taken'));
      }
      throw e;
    }
  }
}
