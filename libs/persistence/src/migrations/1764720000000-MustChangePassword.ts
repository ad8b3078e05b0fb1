import { MigrationInterface, QueryRunner } from 'typeorm';

/** An account that must change its password before anything else (the production bootstrap admin). */
export class MustChangePassword1764720000000 implements MigrationInterface {
  name = 'MustChangePassword1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN must_change_password`);
  }
}
