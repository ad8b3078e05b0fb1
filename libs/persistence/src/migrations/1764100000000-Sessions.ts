import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions of local login: a signed-out token is remembered until it would have expired anyway,
 * and a password reset ends every session issued before it.
 */
export class Sessions1764100000000 implements MigrationInterface {
  name = 'Sessions1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN sessions_valid_after timestamptz`);
    await q.query(`
      CREATE TABLE revoked_tokens (
        jti uuid PRIMARY KEY,
        username varchar(64) NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX revoked_tokens_expiry ON revoked_tokens (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS revoked_tokens`);
    await q.query(`ALTER TABLE users DROP COLUMN IF EXISTS sessions_valid_after`);
  }
}
