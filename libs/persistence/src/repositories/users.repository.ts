import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { personDepartment } from '@hardtech/domain';
import type { Person, Role } from '@hardtech/domain';
import { UserEntity } from '../entities';
import { AccessService } from '../access/access.service';

export interface UserFilter {
  role?: Role;
  /** any of these roles */
  roles?: readonly Role[];
  /** username or display name contains */
  q?: string;
  active?: boolean;
  /** who may see this enterprise (credit code), each by their role's scope rule */
  seeing?: string;
  /** not this user */
  except?: string;
  /** only these users */
  usernames?: readonly string[];
  page: number;
  pageSize: number;
}

/** Who may match a set of candidate groups, as a coarse SQL filter (refined by `isCandidate`). */
export interface CandidateSelectors {
  roles: string[];
  usernames: string[];
  departments: string[];
}

/** The failures an attempt counts as, until its password proves right (a run-out lockout: the first). */
const NEXT_FAILURES = `CASE WHEN locked_until IS NULL THEN failed_logins + 1 ELSE 1 END`;

@Injectable()
export class UsersRepository {
  constructor(
    @InjectRepository(UserEntity) private readonly repo: Repository<UserEntity>,
    private readonly access: AccessService,
  ) {}

  findActive(username: string): Promise<UserEntity | null> {
    return this.repo.findOne({ where: { username, active: true } });
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.repo.findOne({ where: { username } });
  }

  /** Users by username, deactivated ones too (their names stay on what they did). */
  findBySubject(oidcSubject: string): Promise<UserEntity | null> {
    return this.repo.findOne({ where: { oidcSubject } });
  }

  findByUsernames(usernames: string[]): Promise<UserEntity[]> {
    return usernames.length ? this.repo.find({ where: { username: In(usernames) } }) : Promise.resolve([]);
  }

  /** Username → display name of these users (each asked once); a user who is gone is missing. */
  async displayNames(usernames: string[]): Promise<Map<string, string>> {
    const found = await this.findByUsernames([...new Set(usernames)]);
    return new Map(found.map((u) => [u.username, u.displayName]));
  }

  /** Username → name, role and department of these users, as the UI names people; a user who is gone is missing. */
  async people(usernames: string[]): Promise<Map<string, Person>> {
    const found = await this.findByUsernames([...new Set(usernames)]);
    return new Map(
      found.map((u) => [
        u.username,
        { displayName: u.displayName, role: u.role, department: personDepartment(u.role, u.scope ?? {}) },
      ]),
    );
  }

  async list(f: UserFilter): Promise<{ items: UserEntity[]; total: number }> {
    const [items, total] = await this.filtered(f)
      .skip((f.page - 1) * f.pageSize)
      .take(f.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** The first `limit` users of a filter, by username, without counting them all (pickers). */
  first(f: Omit<UserFilter, 'page' | 'pageSize'>, limit: number): Promise<UserEntity[]> {
    return this.filtered(f).take(limit).getMany();
  }

  private filtered(f: Omit<UserFilter, 'page' | 'pageSize'>) {
    const qb = this.repo.createQueryBuilder('u');
    if (f.role) qb.andWhere('u.role = :role', { role: f.role });
    if (f.roles) qb.andWhere('u.role = ANY(:roles)', { roles: f.roles });
    if (f.active !== undefined) qb.andWhere('u.active = :active', { active: f.active });
    if (f.except) qb.andWhere('u.username <> :except', { except: f.except });
    if (f.usernames) qb.andWhere('u.username = ANY(:usernames)', { usernames: f.usernames });
    if (f.seeing) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM enterprises se WHERE se.credit_code = :seeing AND ${this.access.enterpriseSeenByUser('u', 'se')})`,
        { seeing: f.seeing },
      );
    }
    if (f.q) {
      qb.andWhere(`(u.username ILIKE :q ESCAPE '\\' OR u.display_name ILIKE :q ESCAPE '\\')`, {
        q: `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    return qb.orderBy('u.username', 'ASC');
  }

  /** Active users who could belong to one of the groups; the caller applies the exact rule. */
  candidates(s: CandidateSelectors): Promise<UserEntity[]> {
    return this.repo
      .createQueryBuilder('u')
      .where('u.active')
      .andWhere(
        `(u.role = ANY(:roles) OR u.username = ANY(:usernames) OR u.scope->>'department' = ANY(:departments))`,
        s,
      )
      .orderBy('u.username', 'ASC')
      .limit(500)
      .getMany();
  }

  async insert(user: Partial<UserEntity>): Promise<UserEntity> {
    return this.repo.save(this.repo.create(user));
  }

  async update(
    id: string,
    changes: Partial<
      Pick<
        UserEntity,
        | 'displayName'
        | 'role'
        | 'scope'
        | 'active'
        | 'passwordHash'
        | 'failedLogins'
        | 'lockedUntil'
        | 'wecomUserId'
        | 'dingtalkUserId'
        | 'mustChangePassword'
        | 'oidcSubject'
      >
    >,
  ): Promise<void> {
    await this.repo.update(
      { id },
      { ...changes, ...(changes.passwordHash ? { passwordChangedAt: new Date() } : {}) },
    );
  }

  /** The same password hashed at another cost: its age (password expiry) does not restart. */
  async rehash(id: string, passwordHash: string): Promise<void> {
    await this.repo.update({ id }, { passwordHash });
  }

  /**
   * Takes one password attempt of the account before the password is checked, in one UPDATE: the
   * row lock makes parallel attempts queue, so of any number of them exactly `maxFailures` pass
   * before the account is locked (the attempt that reaches the count locks it; a right password then
   * unlocks it again through `recordSuccess`). A lockout that ran out starts the count afresh.
   * Answers null when the account is locked, and the attempt may not be made.
   */
  async claimAttempt(id: string, maxFailures: number, lockMinutes: number): Promise<number | null> {
    const [rows] = (await this.repo.query(
      `UPDATE users SET
         failed_logins = ${NEXT_FAILURES},
         locked_until = CASE WHEN ${NEXT_FAILURES} >= $2 THEN now() + make_interval(mins => $3) END
       WHERE id = $1 AND (locked_until IS NULL OR locked_until <= now())
       RETURNING failed_logins`,
      [id, maxFailures, lockMinutes],
    )) as [{ failed_logins: number }[], number];
    return rows.length ? rows[0].failed_logins : null;
  }

  /** Accounts locked now, the soonest to open first. */
  lockedOut(): Promise<UserEntity[]> {
    return this.repo
      .createQueryBuilder('u')
      .where('u.locked_until > now()')
      .orderBy('u.locked_until', 'ASC')
      .limit(1000)
      .getMany();
  }

  async recordSuccess(id: string): Promise<void> {
    await this.repo.update({ id }, { failedLogins: 0, lockedUntil: null });
  }
}
