import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import type { Actor } from '@hardtech/domain';
import { UsersRepository } from '@hardtech/persistence';
import { IdentityProvider, PasswordState } from './identity-provider';

/** The claims of our access tokens (`at`: issue time in ms, finer than `iat`'s seconds). */
export interface AccessClaims {
  sub: string;
  role: string;
  jti: string;
  at: number;
  exp: number;
}

/**
 * Bearer tokens issued by POST /api/auth/login (HS256, expiring). The user is read again on every
 * request so that a deactivated account, a changed role or scope, a password reset or a sign-out
 * takes effect at once, not when the token expires.
 */
@Injectable()
export class LocalJwtIdentityProvider implements IdentityProvider {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
  ) {}

  async identify(req: Request): Promise<Actor | null> {
    const claims = await this.claims(req);
    if (!claims) return null;
    const session = await this.users.findSession(claims.sub, claims.jti);
    if (!session || session.revoked) return null;
    const { user } = session;
    if (user.sessionsValidAfter && claims.at < user.sessionsValidAfter.getTime()) return null;
    (req as Request & PasswordState).passwordChangeRequired = user.mustChangePassword;
    return { username: user.username, role: user.role, scope: user.scope, displayName: user.displayName };
  }

  async signOut(req: Request): Promise<string | null> {
    const claims = await this.claims(req);
    if (!claims) return null;
    await this.users.revokeToken(claims.jti, claims.sub, new Date(claims.exp * 1000));
    return claims.jti;
  }

  private async claims(req: Request): Promise<AccessClaims | null> {
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(req.headers.authorization ?? '');
    if (!match) return null;
    try {
      const claims = await this.jwt.verifyAsync<Partial<AccessClaims>>(match[1], { algorithms: ['HS256'] });
      const wellFormed =
        typeof claims.sub === 'string' &&
        typeof claims.jti === 'string' &&
        /^[0-9a-f-]{36}$/.test(claims.jti) &&
        Number.isSafeInteger(claims.at) &&
        Number.isSafeInteger(claims.exp);
      return wellFormed ? (claims as AccessClaims) : null;
    } catch {
      return null;
    }
  }
}
