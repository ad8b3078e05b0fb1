import { DataSource, DataSourceOptions } from 'typeorm';
import type { AppConfig } from '@hardtech/config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { StatementCounter } from './statement-counter';

/** The one definition of how we reach PostgreSQL; `synchronize` stays off, migrations own the schema. */
export function dataSourceOptions(config: Pick<AppConfig, 'database'>): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.database.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    subscribers: [StatementCounter],
    synchronize: false,
    migrationsRun: false,
    extra: { max: config.database.poolSize, connectionTimeoutMillis: 5000 },
  };
}

export function createDataSource(config: Pick<AppConfig, 'database'>): DataSource {
  return new DataSource(dataSourceOptions(config));
}
