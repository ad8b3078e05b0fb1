import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { AppConfig, CONFIG } from '@hardtech/config';

/**
 * The one place passwords are hashed: argon2id at the configured cost. A hash keeps the cost it
 * was made with, so `outdated` tells a login to re-hash a password of an earlier cost.
 */
@Injectable()
export class PasswordHasher {
  private readonly options: argon2.HashOptions;

  constructor(@Inject(CONFIG) config: AppConfig) {
    const { memoryKib, timeCost } = config.auth.passwordHash;
    this.options = { type: argon2.argon2id, memoryCost: memoryKib, timeCost };
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, this.options);
  }

  verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password);
  }

  outdated(hash: string): boolean {
    return argon2.needsRehash(hash, this.options);
  }
}
