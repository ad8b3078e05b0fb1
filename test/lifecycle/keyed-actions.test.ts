import { Api } from '../support/api';
import { Cast, createCast } from '../support/cast';
import { closeDb, db } from '../support/db';
import { acceptedUpdates } from '../support/history';
import { driveToAdmission } from '../support/drive';
import { expectOk, nominationFor, openTask } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// The task actions besides complete with an Idempotency-Key (keyed-actions): the same key and body
// sent again is the same Update, applied once and answered as the first send was.
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

const nominate = (c: Cast) => expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
const post = (api: Api, taskId: string, action: string, body: unknown, key?: string) =>
  api.post(
    `/api/tasks/${taskId}/${action}`,
    body,
    key === undefined ? undefined : { 'idempotency-key': key },
  );
/** The Updates of `name` the lifecycle accepted (a refused one is not kept). */
const accepted = async (c: Cast, name: string) =>
  (await acceptedUpdates(c.creditCode)).filter((u) => u.name === name).length;
const answer = (r: { status: number; body: unknown }) => ({ status: r.status, body: r.body });

it('加签 sent twice with one key opens one set of countersign tasks and answers the same both times', async () => {
  const c = await createCast();
  await nominate(c);
  const screen = await openTask(c.coordinator.api, c.creditCode, 'SCREEN');
  const body = { users: [c.industry.username, c.districtOfficer.username], mode: 'all', note: '请出具意见' };
  const first = await post(c.coordinator.api, screen.id, 'countersign', body, 'cs-1');
  expect(first.status).toBe(201);
  // The lost answer's retry: the read model already shows them asked (a 409 without a key).
  const again = await post(c.coordinator.api, screen.id, 'countersign', body, 'cs-1');
  expect(answer(again)).toEqual(answer(first));
  const asked = await db().query(
    `SELECT assignee FROM tasks WHERE type = 'COUNTERSIGN' AND credit_code = $1 ORDER BY assignee`,
    [c.creditCode],
  );
  expect(asked.rows.map((r: any) => r.assignee)).toEqual(body.users.slice().sort());
  expect(await accepted(c, 'countersign')).toBe(1);
  // Another key is another 加签: refused as before (they still owe an answer), nothing added.
  const other = await post(c.coordinator.api, screen.id, 'countersign', body, 'cs-2');
  expect([other.status, other.body.code]).toEqual([409, 'COUNTERSIGNER_ALREADY_ASKED']);
  expect(await accepted(c, 'countersign')).toBe(1);
});

it('退回 sent again with its key answers as the first (not 409); the history has one return', async () => {
  const c = await createCast();
  await driveToAdmission(c);
  const admit = await openTask(c.coordinator.api, c.creditCode, 'ADMIT');
  const body = { reason: '研发投入数据需再核实' };
  const first = await post(c.coordinator.api, admit.id, 'return', body, 'return-1');
  expect(first.status).toBe(200);
  expect(first.body.nextTasks).toEqual([expect.objectContaining({ type: 'SCREEN' })]);
  const again = await post(c.coordinator.api, admit.id, 'return', body, 'return-1');
  expect(answer(again)).toEqual(answer(first));
  expect(await accepted(c, 'returnTask')).toBe(1);
  const returns = await db().query(
    `SELECT count(*)::int AS n FROM audit_events
      WHERE credit_code = $1 AND action = 'workflow.transition' AND data->'approvalAction'->>'kind' = 'return'`,
    [c.creditCode],
  );
  expect(returns.rows[0].n).toBe(1);
  expect(await openTask(c.coordinator.api, c.creditCode, 'SCREEN')).toMatchObject({
    id: first.body.nextTasks[0].id,
  });
  // Without a key, or with another one, a second 退回 is what it was: 409, the task is not open.
  expect((await post(c.coordinator.api, admit.id, 'return', body)).status).toBe(409);
  expect((await post(c.coordinator.api, admit.id, 'return', body, 'return-2')).status).toBe(409);
  expect(await accepted(c, 'returnTask')).toBe(1);
});

it('抄送 and 催办 sent again with their keys: one copy, one urge, the first answers', async () => {
  const c = await createCast();
  await nominate(c);
  const screen = await openTask(c.coordinator.api, c.creditCode, 'SCREEN');
  const copy = { users: [c.industry.username], note: '请知悉' };
  const copied = await post(c.coordinator.api, screen.id, 'cc', copy, 'cc-1');
  expect(copied.status).toBe(201);
  expect(answer(await post(c.coordinator.api, screen.id, 'cc', copy, 'cc-1'))).toEqual(answer(copied));
  const copies = await db().query(`SELECT username FROM task_copies WHERE task_id = $1`, [screen.id]);
  expect(copies.rows).toEqual([{ username: c.industry.username }]);
  const notices = await db().query(
    `SELECT count(*)::int AS n FROM notifications WHERE task_id = $1 AND kind = 'cc'`,
    [screen.id],
  );
  expect(notices.rows[0].n).toBe(1);
  expect(await accepted(c, 'ccTask')).toBe(1);

  // 催办's second send passes the API's checks: Temporal answers the Update it has, not a 429.
  const urge = () => post(c.districtOfficer.api, screen.id, 'urge', { message: '请尽快' }, 'urge-1');
  const urged = await urge();
  expect(urged.status).toBe(201);
  // The same urge: its time is the first one's (whom it told is read as the groups are now).
  const urgedAgain = await urge();
  expect([urgedAgain.status, urgedAgain.body.urgeableAt]).toEqual([201, urged.body.urgeableAt]);
  const urges = await db().query(`SELECT count(*)::int AS n FROM task_urges WHERE task_id = $1`, [screen.id]);
  expect(urges.rows[0].n).toBe(1);
  expect(await accepted(c, 'urgeTask')).toBe(1);
  // A key of an Update its validator refused (429: urged just now) keeps nothing: sent again, the
  // workflow is asked again, and says the same.
  const refused = await post(c.districtOfficer.api, screen.id, 'urge', { message: '请尽快' }, 'urge-2');
  expect([refused.status, refused.body.code]).toEqual([429, 'URGE_TOO_SOON']);
  const refusedAgain = await post(c.districtOfficer.api, screen.id, 'urge', { message: '请尽快' }, 'urge-2');
  expect(answer(refusedAgain)).toEqual(answer(refused));
  expect(await accepted(c, 'urgeTask')).toBe(1);
});

it('a bad Idempotency-Key is 400 on every keyed action, and nothing changes', async () => {
  const c = await createCast();
  await nominate(c);
  const screen = await openTask(c.coordinator.api, c.creditCode, 'SCREEN');
  const before = await acceptedUpdates(c.creditCode);
  const bad = ['x'.repeat(201), 'a key'];
  const sends: [Api, string, unknown][] = [
    [c.coordinator.api, 'return', { reason: '退回' }],
    [c.coordinator.api, 'withdraw', {}],
    [c.coordinator.api, 'countersign', { users: [c.industry.username], mode: 'all', note: '' }],
    [c.districtOfficer.api, 'urge', { message: '请尽快' }],
    [c.coordinator.api, 'cc', { users: [c.industry.username] }],
    [c.coordinator.api, 'claim', {}],
    [c.coordinator.api, 'unclaim', {}],
    [c.coordinator.api, 'delegate', { to: c.coordinator.username }],
  ];
  for (const [api, action, body] of sends) {
    for (const key of bad) {
      const r = await post(api, screen.id, action, body, key);
      expect([action, key.length, r.status, r.body.code]).toEqual([
        action,
        key.length,
        400,
        'VALIDATION_FAILED',
      ]);
    }
  }
  expect(await acceptedUpdates(c.creditCode)).toEqual(before);
  const copies = await db().query(`SELECT 1 FROM task_copies WHERE task_id = $1`, [screen.id]);
  expect(copies.rows).toHaveLength(0);
  expect(await openTask(c.coordinator.api, c.creditCode, 'SCREEN')).toMatchObject({
    id: screen.id,
    countersignPending: false,
  });
});
