import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on (issue 22 §5): accounts mapped to the identity service's subject; logins in flight
 * (state, PKCE verifier, nonce — server-side, so any API process can finish them); and the ID token
 * of each SSO session, for signing out at the identity service too.
 */
export class SingleSignOn1764800000000 implements MigrationInterface {
  name = 'SingleSignOn1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN oidc_subject varchar(255) UNIQUE`);
    await q.query(`
      CREATE TABLE oidc_logins (
        state text PRIMARY KEY,
        code_verifier text NOT NULL,
        nonce text NOT NULL,
        return_to text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE oidc_sessions (
        jti uuid PRIMARY KEY,
        id_token text NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE oidc_sessions`);
    await q.query(`DROP TABLE oidc_logins`);
    await q.query(`ALTER TABLE users DROP COLUMN oidc_subject`);
  }
}
