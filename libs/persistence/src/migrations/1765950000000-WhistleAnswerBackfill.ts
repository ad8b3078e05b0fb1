import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 部门报到 given before the ledger kept the answer with the whistle (problems.whistle.answer) reached
 * the enterprise's problem only at the problem's next change. The answer is recorded on its done
 * WHISTLE_RESPONSE task (keyed `whistle:<id>`, `data` {response, resolved}, `completed_at`), and the
 * department is the problem's owner, to which the whistle went: this fills it in, as the projection
 * would have (libs/persistence/src/projection/problems.writer.ts), by department, never the officer.
 *
 * No notice goes out: problem_decision_outbox is left alone. These answers are old; the enterprise
 * has read each in its history and 一企一档 since it was given, and a 【部门报到】 now would read as
 * a new answer, arriving all at once for every whistle answered before.
 *
 * Rows whose whistle itself is not kept (blown before 1765930000000) have no words to hang the
 * answer on and are still filled at their next change. down() leaves the answers: the projection
 * writes the same ones.
 */
export class WhistleAnswerBackfill1765950000000 implements MigrationInterface {
  name = 'WhistleAnswerBackfill1765950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE problems p
         SET whistle = jsonb_set(p.whistle, '{answer}', jsonb_build_object(
               'response', a.data ->> 'response',
               'resolved', COALESCE((a.data ->> 'resolved')::boolean, false),
               'department', p.owner_department,
               'at', to_char(a.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
        FROM (SELECT DISTINCT ON (credit_code, state_key) credit_code, state_key, data, completed_at
                FROM tasks
               WHERE type = 'WHISTLE_RESPONSE' AND status = 'done' AND outcome = 'respond'
                 AND data ? 'response' AND completed_at IS NOT NULL
               ORDER BY credit_code, state_key, completed_at DESC) a
       WHERE p.whistle_status = 'answered'
         AND jsonb_typeof(p.whistle) = 'object'
         AND jsonb_typeof(p.whistle -> 'answer') IS DISTINCT FROM 'object'
         AND a.credit_code = p.credit_code
         AND a.state_key = 'whistle:' || (p.whistle ->> 'id')`);
  }

  async down(): Promise<void> {}
}
