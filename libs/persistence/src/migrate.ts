import { loadConfig } from '@hardtech/config';
import { createDataSource } from './data-source';
import { ensureReferenceData } from './reference-data';
import { applicationRoleOf } from './roles/application-role';
import { grantApplicationRole } from './roles/grant-application-role';

/**
 * `node dist/libs/persistence/src/migrate.js`: as the owner (MIGRATION_DATABASE_URL), applies
 * pending migrations and reference data, then creates and grants the application role of
 * DATABASE_URL (issue 20.2).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const ds = createDataSource({ database: { ...config.database, url: config.database.migrationUrl } });
  await ds.initialize().catch((e: unknown) => {
    const from = process.env.MIGRATION_DATABASE_URL ? 'MIGRATION_DATABASE_URL' : 'DATABASE_URL';
    throw new Error(
      `cannot connect to PostgreSQL at ${where(config.database.migrationUrl)} (${from}): ${e instanceof Error ? e.message : e}`,
    );
  });
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    for (const m of applied) console.log(`migrated: ${m.name}`);
    await ensureReferenceData(ds, initialPolicy());
    const role = applicationRoleOf(config.database.url, config.database.migrationUrl);
    if (role) {
      await grantApplicationRole(ds, role);
      console.log(`application role ${role.name}: granted`);
    } else {
      console.warn(
        'DATABASE_URL connects as the owner: set MIGRATION_DATABASE_URL to the owner and DATABASE_URL to an application role to keep the audit log out of the application’s reach',
      );
    }
  } finally {
    await ds.destroy();
  }
}

/** INITIAL_POLICY: JSON overrides of the first policy version (checked like a PUT of the policy). */
function initialPolicy(): Record<string, unknown> {
  const raw = process.env.INITIAL_POLICY;
  if (!raw) return {};
  try {
    return JSON.parse(raw);
  } catch {
    throw new Error('INITIAL_POLICY must be a JSON object of policy fields, e.g. {"poolCapacity": 200}');
  }
}

/** user@host:port/database of a postgres:// URL, without its password. */
function where(url: string): string {
  const u = new URL(url);
  return `${decodeURIComponent(u.username)}@${u.host}${u.pathname}`;
}

main().catch((e) => {
  console.error(`migrate: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
