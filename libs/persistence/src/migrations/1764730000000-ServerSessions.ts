import { MigrationInterface, QueryRunner } from 'typeorm';
import { Sessions1764100000000 } from './1764100000000-Sessions';

/**
 * Sessions kept by the server (issue 20.4): a token names its session, and the session decides
 * whether the token still works (idle timeout, lifetime, logout, revocation by the security
 * administrator). They replace the list of signed-out tokens and the per-user cut-off. The security
 * policy is one row; a password's age is counted from `password_changed_at`.
 */
export class ServerSessions1764730000000 implements MigrationInterface {
  name = 'ServerSessions1764730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        client_address varchar(64),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by varchar(64)
      )`);
    await q.query(`CREATE INDEX sessions_live ON sessions (user_id) WHERE revoked_at IS NULL`);
    await q.query(`CREATE INDEX sessions_created ON sessions (created_at)`);
    await q.query(`DROP TABLE revoked_tokens`);
    await q.query(`ALTER TABLE users DROP COLUMN sessions_valid_after`);
    await q.query(`ALTER TABLE users ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`
      CREATE TABLE security_policy (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        policy jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by varchar(64) NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE security_policy`);
    await q.query(`ALTER TABLE users DROP COLUMN password_changed_at`);
    await q.query(`DROP TABLE sessions`);
    // What this one replaced: the signed-out tokens and the per-user cut-off, as first made.
    await new Sessions1764100000000().up(q);
  }
}
