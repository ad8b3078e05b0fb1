import { Api } from '../support/api';
import { createCast, createUser, tag } from '../support/cast';
import { closeDb, db } from '../support/db';
import { driveToSupporting } from '../support/drive';
import { complete, eventually, expectOk } from '../support/lifecycle';
import { getPdf, squeezed } from '../support/pdf';
import { closeTemporal } from '../support/temporal';

// 部门报到: the department's reply is addressed to the enterprise that blew the whistle. It reads
// it on its problem and is told of it, by department; the officers' comments on that task, and
// which officer answered, reach it in none of those, nor in its history or 一企一档.
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

/** The caller's whistle-answer notices about one enterprise. */
async function answersOf(api: Api, creditCode: string): Promise<any[]> {
  const feed = await expectOk(api.get('/api/notifications?pageSize=100'));
  return feed.items.filter((n: any) => n.kind === 'whistle_answered' && n.creditCode === creditCode);
}

it('shows the enterprise the department’s reply on its problem and tells it, without the task’s comments', async () => {
  const c = await createCast();
  await driveToSupporting(c);
  const finance = await createUser('finance_officer', { department: 'finance' });
  const problemId = (await expectOk(c.enterprise.api.get(`/api/enterprises/${c.creditCode}`))).problems[0].id;
  const whistle = await expectOk(
    c.enterprise.api.post(`/api/enterprises/${c.creditCode}/whistle`, {
      problemId,
      title: '贷款审批停滞',
      description: '银行审批已超过三个月',
    }),
    201,
  );
  const reply = `MARK-reply-${tag()}`;
  const internal = `MARK-internal-${tag()}`;

  // Before the answer: the whistle, no reply, no notice.
  expect((await expectOk(c.enterprise.api.get(`/api/problems/${problemId}`))).whistle).toMatchObject({
    title: '贷款审批停滞',
    answer: null,
  });
  await expectOk(finance.api.post(`/api/tasks/${whistle.task.id}/comments`, { text: internal }), 201);
  await expectOk(
    complete(finance.api, c.creditCode, 'WHISTLE_RESPONSE', 'respond', { response: reply, resolved: false }),
  );

  const problem = await expectOk(c.enterprise.api.get(`/api/problems/${problemId}`));
  expect(problem.whistle).toEqual({
    title: '贷款审批停滞',
    description: '银行审批已超过三个月',
    at: expect.any(String),
    answer: { response: reply, resolved: false, department: 'finance', at: expect.any(String) },
  });
  expect(problem.status).toBe('in_progress');

  const told = await eventually(async () => {
    const n = await answersOf(c.enterprise.api, c.creditCode);
    return n.length ? n : undefined;
  }, 30_000);
  expect(told).toHaveLength(1);
  expect(told[0]).toMatchObject({
    kind: 'whistle_answered',
    taskId: null,
    taskType: null,
    dueAt: null,
    read: false,
    text: {
      zh: `【部门报到】产业金融处已答复「${told[0].enterpriseName}」的吹哨问题「${problem.title}」（问题化解中）：“${reply}”`,
      en: expect.stringContaining(reply),
    },
  });
  // The department that answered knows: it is not told.
  expect(await answersOf(finance.api, c.creditCode)).toEqual([]);
  // Once per person, also when swept again.
  await db().query(`UPDATE problem_decision_outbox SET swept_at = NULL WHERE task_id = $1`, [
    whistle.task.id,
  ]);
  await eventually(async () => {
    const { rows } = await db().query(`SELECT swept_at FROM problem_decision_outbox WHERE task_id = $1`, [
      whistle.task.id,
    ]);
    return rows[0].swept_at !== null;
  }, 30_000);
  expect(await answersOf(c.enterprise.api, c.creditCode)).toHaveLength(1);

  // The reply reaches the enterprise's history and 一企一档; the comment and the officer do not.
  const history = await expectOk(c.enterprise.api.get(`/api/enterprises/${c.creditCode}/history`));
  const dossier = await getPdf(c.enterprise.api, `/api/enterprises/${c.creditCode}/dossier.pdf`);
  expect(dossier.status).toBe(200);
  expect(JSON.stringify(history)).toContain(reply);
  expect(dossier.text).toContain(squeezed(reply));
  const outputs = {
    problem: JSON.stringify(problem),
    notices: JSON.stringify(told),
    history: JSON.stringify(history),
    dossier: dossier.text,
  };
  for (const [output, text] of Object.entries(outputs)) {
    // The test's users are named as their usernames.
    for (const hidden of [internal, finance.username]) {
      expect([output, hidden, text.includes(hidden)]).toEqual([output, hidden, false]);
    }
  }
});
