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
export function listStatements(actor: Actor, filter: TaskFilter): Promise<Statement[]> {
  return statementsOf((logger) => listedBy(actor, filter, logger));
}

/** The statement `TasksRepository.counts` sends for a desk (GET /api/tasks/counts), as listStatements. */
export function countStatements(actor: Actor): Promise<Statement[]> {
  return statementsOf((logger) => withRepository(logger, (repository) => repository.counts(actor, false)));
}

/** The statements on the tasks table that `run` sends through its logger. */
async function statementsOf(run: (logger: Logger) => Promise<unknown>): Promise<Statement[]> {
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
  await run(logger);
  return statements;
}

/** The rows `TasksRepository.list` gives this caller, on a connection of our own (with `logger`). */
export function listedBy(actor: Actor, filter: TaskFilter, logger?: Logger): Promise<TaskListRow[]> {
  return withRepository(logger, async (repository) => (await repository.list(actor, filter)).items);
}

/** `use` of a TasksRepository on a connection of our own (with `logger`), closed after. */
async function withRepository<T>(
  logger: Logger | undefined,
  use: (repository: TasksRepository) => Promise<T>,
): Promise<T> {
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
    return await use(repository);
  } finally {
    await ds.destroy();
  }
}
