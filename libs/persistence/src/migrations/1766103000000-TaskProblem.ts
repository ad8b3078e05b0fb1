import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A ledger task keeps the problem it is about (tasks.problem_id, written by the projection from
 * taskProblemId). A WHISTLE_RESPONSE's problem was read back through the problem's latest whistle,
 * so a done 部门报到 lost its problem (its title in the inbox, its card on the task page) as soon as
 * the enterprise whistled on that problem again.
 *
 * Filled in for the tasks before it: a PROBLEM_CLOSE's and a PROBLEM_EXTENSION's from their key; a
 * WHISTLE_RESPONSE's from the decision notice queued when it was answered (problem_decision_outbox),
 * else from the problem whose latest whistle it answers. A response whose whistle was superseded
 * before either was kept names no problem, as before. down() drops the column.
 */
export class TaskProblem1766103000000 implements MigrationInterface {
  name = 'TaskProblem1766103000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN IF NOT EXISTS problem_id uuid`);
    await q.query(`
      UPDATE tasks t SET problem_id = p.id
        FROM problems p
       WHERE t.problem_id IS NULL
         AND t.type IN ('PROBLEM_CLOSE', 'PROBLEM_EXTENSION')
         AND p.credit_code = t.credit_code
         AND t.state_key IN ('problem-close:' || p.id::text, 'problem-extension:' || p.id::text)`);
    await q.query(`
      UPDATE tasks t SET problem_id = o.problem_id
        FROM problem_decision_outbox o
       WHERE t.problem_id IS NULL AND t.type = 'WHISTLE_RESPONSE' AND o.task_id = t.id`);
    await q.query(`
      UPDATE tasks t SET problem_id = p.id
        FROM problems p
       WHERE t.problem_id IS NULL AND t.type = 'WHISTLE_RESPONSE'
         AND p.credit_code = t.credit_code
         AND t.state_key = 'whistle:' || (p.whistle ->> 'id')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks DROP COLUMN IF EXISTS problem_id`);
  }
}
