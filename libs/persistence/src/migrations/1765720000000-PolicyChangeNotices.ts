import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['policy_versions', 'calendar_days', 'calendar_years'];

/**
 * Issue 21: the API and the worker cache the active policy by version. A change to the policy or
 * to the working-day calendar, by whatever writes it (the API, a test, psql), notifies
 * `policy_changed` on commit, and every process drops its cached copy (PolicyChanges).
 */
export class PolicyChangeNotices1765720000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_policy_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('policy_changed', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    for (const table of TABLES) {
      await q.query(
        `CREATE TRIGGER ${table}_policy_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION notify_policy_changed()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`DROP TRIGGER ${table}_policy_changed ON ${table}`);
    await q.query(`DROP FUNCTION notify_policy_changed()`);
  }
}
