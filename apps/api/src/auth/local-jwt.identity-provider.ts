import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { Actor, sessionEndsAt } from '@hardtech/domain';
import { SecurityPolicyRepository, SessionsRepository, UsersRepository } from '@hardtech/persistence';
import { IdentityProvider, PasswordState } from './identity-provider';

/** The claims of our access tokens; `jti` is the id of the server-side session. */
export interface AccessClaims {
  sub: string;
  role: string;
  jti: string;
  exp: number;
}

/**
 * Bearer tokens issued by POST /api/auth/login (HS256, expiring), each naming a session the server
 * keeps. Session and user are read again on every request, so that idle timeout and lifetime (the
 * security policy), a sign-out, a revocation, a password change, a deactivated account or a changed
 * role or scope take effect at once, not when the token expires.
 */
@Injectable()
export class LocalJwtIdentityProvider implements IdentityProvider {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly policy: SecurityPolicyRepository,
  ) {}

  async identify(req: Request): Promise<Actor | null> {
    const claims = await this.claims(req);
    if (!claims) return null;
    const session = await this.sessions.findOpen(claims.jti);
    if (!session || session.username !== claims.sub) return null;
    const now = new Date();
    if (sessionEndsAt(session, await this.policy.get()) <= now) return null;
    const user = await this.users.findActive(session.username);
    if (!user) return null;
    await this.sessions.touch(session.id, now);
    (req as Request & PasswordState).passwordChangeRequired = user.mustChangePassword;
    return { username: user.username, role: user.role, scope: user.scope, displayName: user.displayName };
  }

  async signOut(req: Request): Promise<string | null> {
    const claims = await this.claims(req);
    if (!claims) return null;
    await this.sessions.revoke(claims.jti, claims.sub);
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
        Number.isSafeInteger(claims.exp);
      return wellFormed ? (claims as AccessClaims) : null;
    } catch {
      return null;
    }
  }
}
