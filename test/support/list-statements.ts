import { DataSource, Logger } from 'typeorm';
import { Actor } from '@hardtech/domain';
import {
  AccessService,
  TaskListRow,
  ENTITIES,
  TaskCommentEntity,
  TaskEntity,
  TaskFilter,
  TasksRepository,
} from '@hardtech/persistence';

/** The inbox's first page as `GET /api/tasks` asks for it by default (tasks.controller.ts). */
export const FIRST_PAGE: TaskFilter = { view: 'inbox', status: 'open', sort: 'dueAt', page: 1, pageSize: 20 };

export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * The very statements `TasksRepository.list` sends for this caller and filter, as the API would:
 * the repository of libs/persistence runs on a connection of our own whose logger keeps them (the
 * bench's query plans, test/serial/inbox-plan.test.ts).
 */
export async function listStatements(actor: Actor, filter: TaskFilter): Promise<Statement[]> {
  const statements: Statement[] = [];
  const logger: Logger = {
    // TypeORM's own start-up queries (version, schema) are not the list's.
    logQuery: (sql, params) =>
      void (/FROM "tasks"/.test(sql) && statements.push({ sql, params: params ?? [] })),
    logQueryError: () => {},
    logQuerySlow: () => {},
    logSchemaBuild: () => {},
    logMigration: () => {},
    log: () => {},
  };
  await listedBy(actor, filter, logger);
  return statements;
}

/** The rows `TasksRepository.list` gives this caller, on a connection of our own (with `logger`). */
export async function listedBy(actor: Actor, filter: TaskFilter, logger?: Logger): Promise<TaskListRow[]> {
  const ds = new DataSource({
    type: 'postgres',
    url: process.env.DATABASE_URL,
    entities: ENTITIES,
    ...(logger ? { logging: ['query' as const], logger } : {}),
    extra: { max: 1 },
  });
  await ds.initialize();
  try {
    const repository = new TasksRepository(
      ds.getRepository(TaskEntity),
      ds.getRepository(TaskCommentEntity),
      new AccessService(),
    );
    return (await repository.list(actor, filter)).items;
  } finally {
    await ds.destroy();
  }
}
