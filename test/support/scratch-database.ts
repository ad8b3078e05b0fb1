import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@hardtech/persistence/migrations';

/**
 * A database of a test's own to run the migrations on as an upgraded installation would: made before
 * the file's tests and dropped after them by the owner (MIGRATION_DATABASE_URL). `migrated(upTo)`
 * runs the first `upTo` migrations (all when left out) and answers a connection the caller destroys;
 * `before(name)` is the count that stops short of the named migration.
 */
export function scratchDatabase(prefix: string) {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const owner = new Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
  const url = new URL(process.env.MIGRATION_DATABASE_URL!);
  url.pathname = `/${name}`;

  beforeAll(async () => {
    await owner.connect();
    await owner.query(`CREATE DATABASE ${name}`);
  });
  afterAll(async () => {
    await owner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await owner.end();
  });

  return {
    before: (migration: string) => MIGRATIONS.findIndex((m) => m.name === migration),
    async migrated(upTo = MIGRATIONS.length): Promise<DataSource> {
      const ds = new DataSource({
        type: 'postgres',
        url: url.toString(),
        migrations: MIGRATIONS.slice(0, upTo),
      });
      await ds.initialize();
      await ds.runMigrations({ transaction: 'each' });
      return ds;
    },
  };
}
