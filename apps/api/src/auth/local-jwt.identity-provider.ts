import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { Actor, sessionEndsAt } from '@hardtech/domain';
import { SecurityPolicyRepository, SessionsRepository } from '@hardtech/persistence';
import { IdentityProvider, PasswordState } from './identity-provider';

/** The claims of our access tokens; `jti` is the id of the server-side session. */
export interface AccessClaims {
  sub: string;
  role: string;
  jti: string;
  exp: number;
}

/** A session's last use is written at most this often (and at most every tenth of the idle timeout). */
export const TOUCH_INTERVAL_MS = 30_000;

/**
 * Bearer tokens issued by POST /api/auth/login (HS256, expiring), each naming a session the server
 * keeps. Session, user and security policy are read again on every request, in one statement, so
 * that idle timeout and lifetime (the security policy), a sign-out, a revocation, a password change,
 * a deactivated account or a changed role or scope take effect at once, not when the token expires.
 *
 * The session's last use is written when it is older than TOUCH_INTERVAL_MS or a tenth of the idle
 * timeout, whichever is shorter, not on every request (issue 21: one write fewer per request). The
 * idle timeout counts from that write, so a session may end up to that much sooner than idle, never
 * later.
 */
@Injectable()
export class LocalJwtIdentityProvider implements IdentityProvider {
  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: SessionsRepository,
    private readonly policy: SecurityPolicyRepository,
  ) {}

  async identify(req: Request): Promise<Actor | null> {
    const claims = await this.claims(req);
    if (!claims) return null;
    const session = await this.sessions.findForRequest(claims.jti);
    if (!session || session.username !== claims.sub) return null;
    const now = new Date();
    const policy = this.policy.withDefaults(session.securityPolicy);
    if (sessionEndsAt(session, policy) <= now) return null;
    const touchAfter = Math.min(TOUCH_INTERVAL_MS, (policy.idleTimeoutMinutes * 60_000) / 10);
    if (now.getTime() - session.lastSeenAt.getTime() >= touchAfter)
      await this.sessions.touch(session.id, now);
    (req as Request & PasswordState).passwordChangeRequired = session.mustChangePassword;
    return {
      username: session.username,
      role: session.role,
      scope: session.scope,
      displayName: session.displayName,
    };
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
