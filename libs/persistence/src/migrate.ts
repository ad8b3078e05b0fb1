import { loadConfig } from '@hardtech/config';
import { createDataSource } from './data-source';
import { ensureReferenceData } from './reference-data';

/** `node dist/libs/persistence/src/migrate.js`: applies pending migrations, then reference data. */
async function main(): Promise<void> {
  const ds = createDataSource(loadConfig());
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    for (const m of applied) console.log(`migrated: ${m.name}`);
    await ensureReferenceData(ds, initialPolicy());
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
