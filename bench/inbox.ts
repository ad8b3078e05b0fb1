import { DataSource, Logger } from 'typeorm';
import { Actor } from '@hardtech/domain';
import {
  AccessService,
  ENTITIES,
  TaskCommentEntity,
  TaskEntity,
  TaskFilter,
  TasksRepository,
} from '@hardtech/persistence';
import { createUser } from '../test/support/cast';
import { db } from '../test/support/db';
import { timed } from './stats';

/** The inbox's first page as `GET /api/tasks` asks for it by default (tasks.controller.ts). */
const FIRST_PAGE: TaskFilter = { view: 'inbox', status: 'open', sort: 'dueAt', page: 1, pageSize: 20 };

/**
 * Times `GET /api/tasks` of a district officer and, alternately, its floor `GET /api/me` (an
 * authenticated request that reads one row: the session), `samples` each, one request at a time:
 * taken in turns, both see the same machine.
 */
export async function measureInbox(district: string, samples: number) {
  const officer = await createUser('district_officer', { districts: [district] });
  const get = async () => {
    const r = await officer.api.get('/api/tasks');
    if (r.status !== 200) throw new Error(`inbox: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.total as number;
  };
  const me = async () => {
    const r = await officer.api.get('/api/me');
    if (r.status !== 200) throw new Error(`me: ${r.status} ${JSON.stringify(r.body)}`);
  };
  for (let i = 0; i < 20; i++) await get().then(me); // warm-up: connections, plans, caches
  const samplesMs: number[] = [];
  const meMs: number[] = [];
  let total = 0;
  for (let i = 0; i < samples; i++) {
    const { ms, value } = await timed(get);
    samplesMs.push(ms);
    total = value;
    meMs.push((await timed(me)).ms);
  }
  const actor: Actor = {
    username: officer.username,
    role: 'district_officer',
    scope: { districts: [district] },
  };
  return { samplesMs, meMs, inboxTotal: total, plans: await queryPlans(actor) };
}

/**
 * EXPLAIN ANALYZE of the very statements the API runs for that inbox: the repository of
 * apps/api builds them here, on a connection of the bench's own whose logger keeps them.
 */
async function queryPlans(actor: Actor): Promise<{ sql: string; plan: string }[]> {
  const statements: { sql: string; params: unknown[] }[] = [];
  const logger: Logger = {
    // TypeORM's own start-up queries (version, schema) are not the inbox's.
    logQuery: (sql, params) =>
      void (/FROM "tasks"/.test(sql) && statements.push({ sql, params: params ?? [] })),
    logQueryError: () => {},
    logQuerySlow: () => {},
    logSchemaBuild: () => {},
    logMigration: () => {},
    log: () => {},
  };
  const ds = new DataSource({
    type: 'postgres',
    url: process.env.DATABASE_URL,
    entities: ENTITIES,
    logging: ['query'],
    logger,
    extra: { max: 1 },
  });
  await ds.initialize();
  try {
    const repository = new TasksRepository(
      ds.getRepository(TaskEntity),
      ds.getRepository(TaskCommentEntity),
      new AccessService(),
    );
    await repository.list(actor, FIRST_PAGE);
  } finally {
    await ds.destroy();
  }
  const plans = [];
  for (const { sql, params } of statements) {
    const { rows } = await db().query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    plans.push({ sql, plan: rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n') });
  }
  return plans;
}
