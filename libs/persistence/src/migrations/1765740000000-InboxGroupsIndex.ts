import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 21 (f): the inbox reads its candidate groups through `tasks_open_groups` on every request
 * (docs/design.md 3.3). With GIN's fast update, new entries wait in a pending list that every scan
 * reads in full until VACUUM or autoanalyze merges it, up to 4 MB: a few thousand tasks opened
 * since then cost each inbox read more than the caller's own tasks do. Tasks open a few at a time
 * per transition, so writing each one into the index at once costs little.
 */
export class InboxGroupsIndex1765740000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER INDEX tasks_open_groups SET (fastupdate = off)`);
    // Turning it off leaves the entries already pending where they are: merge them now.
    await q.query(`SELECT gin_clean_pending_list('tasks_open_groups')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER INDEX tasks_open_groups RESET (fastupdate)`);
  }
}
