import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import type { Actor } from '@hardtech/domain';
import { UsersRepository } from '../repositories/users.repository';
import { IdentityProvider } from './identity-provider';

/**
 * Bearer tokens issued by POST /api/auth/login. The user is read again on every request so that
 * a deactivated account or a changed scope takes effect before the token expires.
 */
@Injectable()
export class LocalJwtIdentityProvider implements IdentityProvider {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
  ) {}

  async identify(req: Request): Promise<Actor | null> {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header);
    if (!match) return null;
    let payload: { sub?: string };
    try {
      payload = await this.jwt.verifyAsync(match[1]);
    } catch {
      return null;
    }
    if (!payload.sub) return null;
    const user = await this.users.findActive(payload.sub);
    return user
      ? { username: user.username, role: user.role, scope: user.scope, displayName: user.displayName }
      : null;
  }
}
