import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserEntity } from '@hardtech/persistence';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly repo: Repository<UserEntity>) {}

  findActive(username: string): Promise<UserEntity | null> {
    return this.repo.findOne({ where: { username, active: true } });
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.repo.findOne({ where: { username } });
  }

  async insert(user: Partial<UserEntity>): Promise<UserEntity> {
    return this.repo.save(this.repo.create(user));
  }

  /** Counts a failed login; locks the account once `maxFailures` is reached. */
  async recordFailure(id: string, maxFailures: number, lockMinutes: number): Promise<void> {
    await this.repo.query(
      `UPDATE users SET
         failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
         locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
       WHERE id = $1`,
      [id, maxFailures, lockMinutes],
    );
  }

  async recordSuccess(id: string): Promise<void> {
    await this.repo.update({ id }, { failedLogins: 0, lockedUntil: null });
  }
}
