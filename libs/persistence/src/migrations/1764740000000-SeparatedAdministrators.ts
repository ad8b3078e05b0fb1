import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 三员分立 (issue 20.3): the one administrator role becomes the system administrator; security and
 * audit administrators are new roles, created by a system administrator afterwards (README).
 */
export class SeparatedAdministrators1764740000000 implements MigrationInterface {
  name = 'SeparatedAdministrators1764740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE users SET role = 'system_admin' WHERE role = 'admin'`);
    await q.query(
      `UPDATE saved_views SET shared_roles = array_replace(shared_roles, 'admin', 'system_admin')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // The two new roles have no place in the old model: their holders are deactivated, not promoted.
    await q.query(`UPDATE users SET active = false WHERE role IN ('security_admin', 'audit_admin')`);
    await q.query(`UPDATE users SET role = 'admin' WHERE role = 'system_admin'`);
    await q.query(
      `UPDATE saved_views SET shared_roles = array_replace(shared_roles, 'system_admin', 'admin')`,
    );
  }
}
