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
    await ensureReferenceData(ds);
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
