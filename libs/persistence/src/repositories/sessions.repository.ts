import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role, Scope, SecurityPolicy } from '@hardtech/domain';

/** A login's session as the server keeps it; the token only names it. */
export interface SessionRow {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  clientAddress: string | null;
  createdAt: Date;
  lastSeenAt: Date;
}

/** A request's session with what the guard needs of its user and of the security policy. */
export interface RequestSession extends SessionRow {
  scope: Scope;
  mustChangePassword: boolean;
  /** The stored security policy (security_policy), null until an administrator saves one. */
  securityPolicy: Partial<SecurityPolicy> | null;
}

const SESSION_COLUMNS = `s.id, s.user_id AS "userId", u.username, u.display_name AS "displayName", u.role, s.client_address AS "clientAddress",
  s.created_at AS "createdAt", s.last_seen_at AS "lastSeenAt"`;

/** The only writer of `sessions`. Whether a session is still live is `sessionEndsAt` (libs/domain). */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Opens a session at login; sessions that ended more than a day ago are forgotten meanwhile. */
  async open(id: string, userId: string, clientAddress: string | null, now: Date): Promise<void> {
    await this.ds.query(
      `DELETE FROM sessions WHERE revoked_at < now() - interval '1 day'
         OR last_seen_at < now() - interval '2 days'`,
    );
    await this.ds.query(
      `INSERT INTO sessions (id, user_id, client_address, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)`,
      [id, userId, clientAddress?.slice(0, 64) ?? null, now],
    );
  }

  /** The session unless revoked or its user deactivated (the caller applies the time limits). */
  async findOpen(id: string): Promise<SessionRow | null> {
    const [row] = await this.ds.query(
      `SELECT ${SESSION_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id = $1 AND s.revoked_at IS NULL AND u.active`,
      [id],
    );
    return row ?? null;
  }

  /**
   * The same for a request, in one statement: the session, its user (role, scope, whether the
   * password must change) and the security policy whose limits the caller applies. Read afresh on
   * every request, so a revocation, a deactivation or a policy change applies to the next one.
   */
  async findForRequest(id: string): Promise<RequestSession | null> {
    const [row] = await this.ds.query(
      `SELECT ${SESSION_COLUMNS}, u.scope,
         u.must_change_password AS "mustChangePassword",
         (SELECT policy FROM security_policy WHERE id = 1) AS "securityPolicy"
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id = $1 AND s.revoked_at IS NULL AND u.active`,
      [id],
    );
    return row ?? null;
  }

  async touch(id: string, now: Date): Promise<void> {
    await this.ds.query(`UPDATE sessions SET last_seen_at = $2 WHERE id = $1`, [id, now]);
  }

  /**
   * One page of the live sessions, most recently used first, and how many there are in all: not
   * revoked, their user active, begun after `since` (the lifetime's start) and used after
   * `idleSince` (the idle timeout's) — sessionEndsAt after now, said in SQL so that the database
   * pages and counts (a list of thousands of sessions is neither read whole nor cut short).
   */
  async listLive(
    { since, idleSince, username }: { since: Date; idleSince: Date; username?: string },
    page: number,
    pageSize: number,
  ): Promise<{ rows: SessionRow[]; total: number }> {
    const rows: (SessionRow & { total: number })[] = await this.ds.query(
      `WITH live AS (
         SELECT ${SESSION_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.revoked_at IS NULL AND u.active AND s.created_at > $1 AND s.last_seen_at > $2
           AND ($3::text IS NULL OR u.username = $3))
       SELECT c.total, p.* FROM (SELECT count(*)::int AS total FROM live) c
       LEFT JOIN (SELECT * FROM live ORDER BY "lastSeenAt" DESC, id LIMIT $4 OFFSET $5) p ON true
       ORDER BY p."lastSeenAt" DESC, p.id`,
      [since, idleSince, username ?? null, pageSize, (page - 1) * pageSize],
    );
    return {
      // A page past the end is the count alone (one row without a session).
      rows: rows.filter((r) => r.id !== null).map(({ total: _, ...row }) => row),
      total: rows[0]?.total ?? 0,
    };
  }

  /** Ends one session; false when there was no open one. */
  async revoke(id: string, by: string): Promise<boolean> {
    const [, count] = (await this.ds.query(
      `UPDATE sessions SET revoked_at = now(), revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [id, by],
    )) as [unknown, number];
    return count > 0;
  }

  /** Ends every session of a user (a password change or reset, a revocation of the user). */
  async revokeAllOf(userId: string, by: string): Promise<number> {
    const [, count] = (await this.ds.query(
      `UPDATE sessions SET revoked_at = now(), revoked_by = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, by],
    )) as [unknown, number];
    return count;
  }
}
