import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A login sent to the identity service and not yet back: what the callback must check. */
export interface PendingLogin {
  state: string;
  codeVerifier: string;
  nonce: string;
  returnTo: string;
}

/** How long a browser may take at the identity service before its login is forgotten. */
const PENDING_LOGIN_MINUTES = 10;

/**
 * Single sign-on's state in PostgreSQL, so that the API process that answers the callback need not
 * be the one that started the login; and the mapping of the identity service's subjects to accounts.
 */
@Injectable()
export class SingleSignOnRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async savePending(login: PendingLogin): Promise<void> {
    await this.ds.query(`DELETE FROM oidc_logins WHERE created_at < now() - make_interval(mins => $1)`, [
      PENDING_LOGIN_MINUTES,
    ]);
    await this.ds.query(
      `INSERT INTO oidc_logins (state, code_verifier, nonce, return_to) VALUES ($1, $2, $3, $4)`,
      [login.state, login.codeVerifier, login.nonce, login.returnTo],
    );
  }

  /** The pending login of `state`, once: a replayed callback finds nothing. */
  async takePending(state: string): Promise<PendingLogin | null> {
    // A DELETE … RETURNING answers [rows, count] through TypeORM.
    const [[r]] = (await this.ds.query(
      `DELETE FROM oidc_logins WHERE state = $1 AND created_at >= now() - make_interval(mins => $2)
       RETURNING state, code_verifier, nonce, return_to`,
      [state, PENDING_LOGIN_MINUTES],
    )) as [{ state: string; code_verifier: string; nonce: string; return_to: string }[], number];
    return r
      ? { state: r.state, codeVerifier: r.code_verifier, nonce: r.nonce, returnTo: r.return_to }
      : null;
  }

  /** The active account an administrator mapped to this subject, by username. */
  async usernameOf(subject: string): Promise<string | null> {
    const rows = await this.ds.query(`SELECT username FROM users WHERE oidc_subject = $1 AND active`, [
      subject,
    ]);
    return rows[0]?.username ?? null;
  }

  async saveSession(jti: string, idToken: string, expiresAt: Date): Promise<void> {
    await this.ds.query(`DELETE FROM oidc_sessions WHERE expires_at < now()`);
    await this.ds.query(
      `INSERT INTO oidc_sessions (jti, id_token, expires_at) VALUES ($1, $2, $3) ON CONFLICT (jti) DO NOTHING`,
      [jti, idToken, expiresAt],
    );
  }

  /** The ID token a session was opened with, once (for the identity service's sign-out). */
  async takeSession(jti: string): Promise<string | null> {
    const [[r]] = (await this.ds.query(`DELETE FROM oidc_sessions WHERE jti = $1 RETURNING id_token`, [
      jti,
    ])) as [{ id_token: string }[], number];
    return r?.id_token ?? null;
  }
}
