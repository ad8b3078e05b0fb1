import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inbox views are not shared with enterprise users (VIEW_NOT_FOR_ENTERPRISES, libs/domain's
 * saved-views): the audiences stored before lose that role, so an owner's next save of such a view
 * is not refused for what it held, and the table says what the rule does (enterprises read none).
 */
export class ViewsNotForEnterprises1765956000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE saved_views SET shared_roles = array_remove(shared_roles, 'enterprise_user')
       WHERE 'enterprise_user' = ANY(shared_roles)`,
    );
  }

  async down(): Promise<void> {
    // The role is not given back: no view may be shared with it.
  }
}
