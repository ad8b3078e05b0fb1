import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox (`GET /api/tasks`) asks for tasks offered to my groups, assigned to me or completed by
 * me. With an index for each arm PostgreSQL ORs three small bitmaps instead of reading every open
 * task (issue 9: 100,000 task rows, 84 ms → 3 ms; the plans are in bench/results/latest.md).
 */
export class InboxIndexes1764500000000 implements MigrationInterface {
  name = 'InboxIndexes1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX tasks_completed_by ON tasks (completed_by) WHERE completed_by IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tasks_completed_by`);
  }
}
