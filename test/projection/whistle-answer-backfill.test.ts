import { WhistleAnswerBackfill1765950000000 } from '@hardtech/persistence/migrations/1765950000000-WhistleAnswerBackfill';
import { createCast, createUser } from '../support/cast';
import { closeDb, db, runMigrationUp } from '../support/db';
import { blowWhistleOnFirstProblem, driveToSupporting } from '../support/drive';
import { complete, eventually, expectOk } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// A whistle answered before the ledger kept the answer with it: the row holds the whistle without
// `answer`. The migration fills the answer from the done WHISTLE_RESPONSE task, as the projection
// would have, and tells nobody (the enterprise has long read the reply in its history).
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

const runBackfill = () => runMigrationUp(new WhistleAnswerBackfill1765950000000());

const answerNotices = async (creditCode: string): Promise<number> =>
  (
    await db().query(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'whistle_answered' AND credit_code = $1`,
      [creditCode],
    )
  ).rows[0].n;

it('fills the answer of a whistle answered before the ledger kept it, with no notice', async () => {
  const c = await createCast();
  await driveToSupporting(c);
  const finance = await createUser('finance_officer', { department: 'finance' });
  const { problemId, taskId } = await blowWhistleOnFirstProblem(c);
  await expectOk(
    complete(finance.api, c.creditCode, 'WHISTLE_RESPONSE', 'respond', {
      response: '已协调银行',
      resolved: true,
    }),
  );
  const projected = (await expectOk(c.enterprise.api.get(`/api/problems/${problemId}`))).whistle;
  expect(projected.answer).toMatchObject({ response: '已协调银行', resolved: true, department: 'finance' });
  // Its notice went out at the time: once swept, the count is what the backfill must leave.
  await eventually(async () => ((await answerNotices(c.creditCode)) > 0 ? true : undefined), 30_000);
  const notices = await answerNotices(c.creditCode);
  const outbox = await db().query(`SELECT task_id FROM problem_decision_outbox WHERE problem_id = $1`, [
    problemId,
  ]);

  // The row as a ledger from before the answer was kept left it.
  await db().query(`UPDATE problems SET whistle = whistle - 'answer' WHERE id = $1`, [problemId]);
  expect((await expectOk(c.enterprise.api.get(`/api/problems/${problemId}`))).whistle.answer).toBeNull();

  await runBackfill();
  const filled = await expectOk(c.enterprise.api.get(`/api/problems/${problemId}`));
  expect(filled.whistle).toEqual(projected);
  expect(filled.status).toBe('closing'); // "resolved" awaits the coordinators' 销号 review
  // Nothing queued, nobody told again.
  expect(
    (await db().query(`SELECT task_id FROM problem_decision_outbox WHERE problem_id = $1`, [problemId])).rows,
  ).toEqual(outbox.rows);
  expect(outbox.rows).toEqual([{ task_id: taskId }]);
  expect(await answerNotices(c.creditCode)).toBe(notices);

  // Run again, it changes nothing (an answer already kept is left as it is).
  await runBackfill();
  expect((await expectOk(c.enterprise.api.get(`/api/problems/${problemId}`))).whistle).toEqual(projected);
});
