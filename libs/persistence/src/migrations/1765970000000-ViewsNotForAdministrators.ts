import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inbox views are not shared with the three administrators (VIEW_NOT_FOR_ADMINISTRATORS, libs/domain's
 * saved-views): they work no cases. The audiences stored before lose those roles, so an owner's next
 * save of such a view is not refused for what it held.
 */
export class ViewsNotForAdministrators1765970000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE saved_views
       SET shared_roles = array_remove(array_remove(array_remove(shared_roles,
         'system_admin'), 'security_admin'), 'audit_admin')
       WHERE shared_roles && ARRAY['system_admin', 'security_admin', 'audit_admin']::text[]`,
    );
  }

  async down(): Promise<void> {
    // The roles are not given back: no view may be shared with them.
  }
}
