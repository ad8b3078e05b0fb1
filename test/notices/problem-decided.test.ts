import { Api } from '../support/api';
import { Cast, createCast, createUser, Member, tag } from '../support/cast';
import { closeDb, db } from '../support/db';
import { driveToSupporting } from '../support/drive';
import { eventually, expectOk, openTask } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// When the coordinators decide a ledger request (销号 / 延期), whoever works the problem is told —
// the owner department and the service commissioner — and, of a 销号 or more time, the enterprise,
// which never reads the coordinator's opinion nor who decided. Once per person, also when swept again.
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

async function financeMember(): Promise<{ c: Cast; finance: Member; problemId: string; title: string }> {
  const c = await createCast();
  await driveToSupporting(c);
  const finance = await createUser('finance_officer', { department: 'finance' });
  const [problem] = (await expectOk(c.enterprise.api.get(`/api/enterprises/${c.creditCode}`))).problems;
  expect(problem.ownerDepartment).toBe('finance');
  return { c, finance, problemId: problem.id, title: problem.title };
}

/** The caller's decision notices about one enterprise, oldest first. */
async function decisionsOf(api: Api, creditCode: string): Promise<any[]> {
  const feed = await expectOk(api.get('/api/notifications?pageSize=100'));
  return feed.items.filter((n: any) => n.kind === 'problem_decided' && n.creditCode === creditCode).reverse();
}

/** Decides the enterprise's open request of a type; answers the decided task's id. */
async function decide(c: Cast, type: string, outcome: string, data: Record<string, unknown>) {
  const task = await openTask(c.coordinator.api, c.creditCode, type);
  await expectOk(c.coordinator.api.post(`/api/tasks/${task.id}/complete`, { outcome, data }));
  return task.id as string;
}

/** Waits until the decisions' notices are swept; answers the ids of the notifications they made. */
async function swept(taskIds: string[]): Promise<string[]> {
  await eventually(async () => {
    const { rows } = await db().query(
      `SELECT count(swept_at)::int AS swept FROM problem_decision_outbox WHERE task_id = ANY($1)`,
      [taskIds],
    );
    return rows[0].swept === taskIds.length;
  }, 30_000);
  const { rows } = await db().query(
    `SELECT id FROM notifications WHERE kind = 'problem_decided' AND split_part(id, ':', 2) = ANY($1) ORDER BY id`,
    [taskIds],
  );
  return rows.map((r) => r.id);
}

async function displayName(username: string): Promise<string> {
  return (await db().query(`SELECT display_name FROM users WHERE username = $1`, [username])).rows[0]
    .display_name;
}

it('tells the department and the commissioner why a close request was refused, and the enterprise only that its problem is closed out', async () => {
  const { c, finance, problemId, title } = await financeMember();
  const url = `/api/problems/${problemId}`;
  const reason = `MARK-refused-${tag()}`;
  const opinion = `MARK-confirmed-${tag()}`;

  await expectOk(finance.api.post(`${url}/close-request`, { summary: '已获授信' }), 201);
  const refused = await decide(c, 'PROBLEM_CLOSE', 'reject', { opinion: reason });
  await swept([refused]);

  const [toFinance] = await decisionsOf(finance.api, c.creditCode);
  expect(toFinance).toMatchObject({
    kind: 'problem_decided',
    taskId: null,
    taskType: null,
    dueAt: null,
    read: false,
    taskOpen: null,
    text: {
      zh: `【销号退回】「${toFinance.enterpriseName}」的问题「${title}」销号申请未通过，请继续化解：“${reason}”`,
      en: expect.stringContaining(reason),
    },
  });
  expect((await decisionsOf(c.commissioner.api, c.creditCode)).map((n) => n.text.zh)).toEqual([
    toFinance.text.zh,
  ]);
  expect(await decisionsOf(c.enterprise.api, c.creditCode)).toEqual([]); // a refusal is not the enterprise's
  expect(await decisionsOf(c.coordinator.api, c.creditCode)).toEqual([]); // the decider knows

  await expectOk(finance.api.post(`${url}/close-request`, { summary: '已获授信 500 万元' }), 201);
  const confirmed = await decide(c, 'PROBLEM_CLOSE', 'confirm', { opinion });
  const made = await swept([refused, confirmed]);
  expect(made.length).toBeGreaterThan(0);

  const closedOut = `【销号确认】「${toFinance.enterpriseName}」的问题「${title}」已销号`;
  // The department reads no coordinator's deliberation, the commissioner (an officer) does.
  expect((await decisionsOf(finance.api, c.creditCode)).map((n) => n.text.zh)).toEqual([
    toFinance.text.zh,
    `${closedOut}。`,
  ]);
  expect((await decisionsOf(c.commissioner.api, c.creditCode)).at(-1).text.zh).toBe(
    `${closedOut}：“${opinion}”`,
  );
  const toEnterprise = await decisionsOf(c.enterprise.api, c.creditCode);
  expect(toEnterprise.map((n) => n.text)).toEqual([
    { zh: `${closedOut}。`, en: expect.stringContaining('Closed out') },
  ]);
  const seen = JSON.stringify(toEnterprise);
  for (const hidden of [opinion, reason, c.coordinator.username, await displayName(c.coordinator.username)]) {
    expect(seen).not.toContain(hidden);
  }

  // A sweep whose mark was lost runs again: nobody is told twice, no channel twice. (A department
  // is resolved when swept: a finance officer another test file created meanwhile is told once, so
  // what is compared is the notices and deliveries of those told the first time.)
  const deliveries = async () =>
    (
      await db().query(
        `SELECT count(*)::int AS n FROM notification_deliveries WHERE notification_id = ANY($1)`,
        [made],
      )
    ).rows[0].n;
  const sent = await deliveries();
  await db().query(`UPDATE problem_decision_outbox SET swept_at = NULL WHERE task_id = ANY($1)`, [
    [refused, confirmed],
  ]);
  expect(await swept([refused, confirmed])).toEqual(expect.arrayContaining(made));
  expect(await deliveries()).toBe(sent);
  expect(await decisionsOf(finance.api, c.creditCode)).toHaveLength(2);
});

it('tells the enterprise of more time, with the new due date, and only the department of a refusal', async () => {
  const { c, finance, problemId, title } = await financeMember();
  const url = `/api/problems/${problemId}`;
  const reason = `MARK-no-time-${tag()}`;

  await expectOk(finance.api.post(`${url}/extend`, { dueAt: '2100-06-30', reason: '银行审批周期长' }), 201);
  const approved = await decide(c, 'PROBLEM_EXTENSION', 'approve', {});
  await expectOk(finance.api.post(`${url}/extend`, { dueAt: '2100-09-30', reason: '再延' }), 201);
  const refused = await decide(c, 'PROBLEM_EXTENSION', 'reject', { opinion: reason });
  await swept([approved, refused]);

  const [first] = await decisionsOf(finance.api, c.creditCode);
  const what = `「${first.enterpriseName}」的问题「${title}」`;
  expect((await decisionsOf(finance.api, c.creditCode)).map((n) => n.text.zh)).toEqual([
    `【延期批准】${what}时限延至 2100-06-30。`,
    `【延期未批准】${what}延期申请未通过，时限仍为 2100-06-30：“${reason}”`,
  ]);
  expect(await decisionsOf(c.commissioner.api, c.creditCode)).toHaveLength(2);
  const toEnterprise = await decisionsOf(c.enterprise.api, c.creditCode);
  expect(toEnterprise.map((n) => n.text.zh)).toEqual([`【延期批准】${what}时限延至 2100-06-30。`]);
  expect(JSON.stringify(toEnterprise)).not.toContain(reason);
  // As the ledger shows the enterprise its due date.
  expect((await expectOk(c.enterprise.api.get(url))).dueAt).toBe('2100-06-30');
});
