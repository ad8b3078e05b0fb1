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
  await ds.initialize();
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

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
