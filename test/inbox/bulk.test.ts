import { sampleNomination } from '@hardtech/domain';
import { Api } from '../support/api';
import { Cast, createCast, createUser, freshCreditCode } from '../support/cast';
import { closeDb, db } from '../support/db';
import { acceptedUpdates, completionsOf } from '../support/history';
import { complete, expectOk, JUDGMENTS, nominationFor, openTask } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// Issue 10 §2: bulk claim, unclaim, reassign and complete, with a result for every task.
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

/** An enterprise waiting for its district's feedback: the DISTRICT_FEEDBACK task id. */
async function feedbackTask(c: Cast): Promise<string> {
  await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
  await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
  return (await openTask(c.districtOfficer.api, c.creditCode, 'DISTRICT_FEEDBACK')).id;
}

async function inBatches<T, R>(items: T[], size: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

it('reassigns 50 district feedback tasks, reporting exactly the 3 the new officer may not do', async () => {
  // One coordinator and one officer per district nominate and screen 50 enterprises: 47 in 渝北, 3 in 巴南.
  const [coordinatorUser, yubei, banan, officer] = await Promise.all([
    createUser('city_coordinator', {}),
    createUser('district_officer', { districts: ['500112'] }),
    createUser('district_officer', { districts: ['500113'] }),
    createUser('district_officer', { districts: ['500112'] }),
  ]);
  const coordinator = coordinatorUser.api;
  const codes = Array.from({ length: 50 }, () => freshCreditCode());
  const taskIds = await inBatches(codes, 10, async (creditCode) => {
    const district = codes.indexOf(creditCode) < 47 ? yubei : banan;
    const nomination = sampleNomination({
      creditCode,
      district: codes.indexOf(creditCode) < 47 ? '500112' : '500113',
    });
    await expectOk(district.api.post('/api/nominations', nomination), 201);
    await expectOk(complete(coordinator, creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
    return (await openTask(district.api, creditCode, 'DISTRICT_FEEDBACK')).id;
  });

  const r = await expectOk(
    coordinator.post('/api/tasks/bulk', { action: 'reassign', taskIds, to: officer.username }),
  );
  expect(r).toMatchObject({ succeeded: 47, failed: 3 });
  expect(r.results.map((x: any) => x.taskId)).toEqual(taskIds);
  const refused = r.results.filter((x: any) => !x.ok);
  expect(refused.map((x: any) => x.taskId)).toEqual(taskIds.slice(47));
  expect(refused.map((x: any) => [x.status, x.code])).toEqual(Array(3).fill([422, 'DELEGATE_NOT_CANDIDATE']));
  const assigned = await db().query(`SELECT id, assignee FROM tasks WHERE id = ANY($1)`, [taskIds]);
  const byId = Object.fromEntries(assigned.rows.map((x: any) => [x.id, x.assignee]));
  expect(taskIds.slice(0, 47).every((id) => byId[id] === officer.username)).toBe(true);
  expect(taskIds.slice(47).every((id) => byId[id] === null)).toBe(true);

  // The new officer supports all 47 at once; an outcome the form does not allow in bulk is refused per task.
  const oppose = await expectOk(
    officer.api.post('/api/tasks/bulk', {
      action: 'complete',
      taskIds: taskIds.slice(0, 2),
      outcome: 'oppose',
      data: { opinion: '不同意' },
    }),
  );
  expect(oppose.results.map((x: any) => x.code)).toEqual(['BULK_NOT_ALLOWED', 'BULK_NOT_ALLOWED']);
  const support = await expectOk(
    officer.api.post('/api/tasks/bulk', {
      action: 'complete',
      taskIds: taskIds.slice(0, 47),
      outcome: 'support',
      data: { opinion: '同意' },
    }),
  );
  expect(support).toMatchObject({ succeeded: 47, failed: 0 });
  const done = await db().query(
    `SELECT count(*)::int AS n FROM tasks WHERE id = ANY($1) AND status = 'done' AND outcome = 'support'`,
    [taskIds],
  );
  expect(done.rows[0].n).toBe(47);
  // One completion each, no more: the enterprise's confirmation is still awaited.
  expect((await expectOk(coordinator.get(`/api/enterprises/${codes[0]}`))).stage).toBe('feedback');
}, 180_000);

it('claims and unclaims in bulk, and refuses malformed requests with 400', async () => {
  const casts = await Promise.all([createCast(), createCast()]);
  const ids = await Promise.all(casts.map(feedbackTask));
  const officer = casts[0].districtOfficer.api;
  expect(await expectOk(officer.post('/api/tasks/bulk', { action: 'claim', taskIds: ids }))).toMatchObject({
    succeeded: 2,
  });
  const again = await expectOk(
    casts[1].districtOfficer.api.post('/api/tasks/bulk', { action: 'claim', taskIds: ids }),
  );
  expect(again.results.map((x: any) => x.status)).toEqual([409, 409]);
  expect(await expectOk(officer.post('/api/tasks/bulk', { action: 'unclaim', taskIds: ids }))).toMatchObject({
    succeeded: 2,
  });
  const bad = [
    { action: 'approve', taskIds: ids },
    { action: 'claim', taskIds: [] },
    { action: 'claim', taskIds: ['not-a-uuid'] },
    { action: 'claim', taskIds: [ids[0], ids[0]] },
    { action: 'reassign', taskIds: ids },
    { action: 'complete', taskIds: ids },
    { action: 'claim', taskIds: Array.from({ length: 101 }, () => ids[0]) },
  ];
  for (const body of bad)
    expect([body, (await officer.post('/api/tasks/bulk', body)).status]).toEqual([body, 400]);
  expect((await casts[0].auditor.api.post('/api/tasks/bulk', { action: 'claim', taskIds: ids })).status).toBe(
    403,
  );
});

// bulk-keyed: with an Idempotency-Key each task's action is keyed as the single action is, so the
// bulk sent again (all of it, or the tasks that failed) acts once per task.
const bulk = (api: Api, body: unknown, key?: string) =>
  api.post('/api/tasks/bulk', body, key === undefined ? undefined : { 'idempotency-key': key });
const rows = (answer: { results: { taskId: string; ok: boolean; status: number; code?: string }[] }) =>
  answer.results.map(({ taskId, ok, status, code }) => ({ taskId, ok, status, code }));

it('催办 and 同意 in bulk sent twice with one key: one urge and one completion per task, the second answer the first', async () => {
  const casts = await Promise.all([createCast(), createCast()]);
  const ids = await Promise.all(casts.map(feedbackTask));
  const coordinator = casts[0].coordinator.api;
  const officer = casts[0].districtOfficer.api;
  const urgesOf = async (id: string) =>
    (await db().query(`SELECT count(*)::int AS n FROM task_urges WHERE task_id = $1`, [id])).rows[0].n;

  // 催办: the answer lost, the bulk is sent again with its key: answered as the first, urged once.
  const urge = { action: 'urge', taskIds: ids, reason: '请尽快反馈' };
  const urged = await expectOk(bulk(coordinator, urge, 'bulk-urge-1'));
  expect(urged).toMatchObject({ succeeded: 2, failed: 0 });
  // Each row as the first, at the first urge's time (whom it told is read from its audience when
  // answered, which files running beside this one may add officers to).
  const urgedAt = (answer: { results: { result?: { urgeableAt: string } }[] }) =>
    answer.results.map((r) => r.result?.urgeableAt);
  const urgedAgain = await expectOk(bulk(coordinator, urge, 'bulk-urge-1'));
  expect([rows(urgedAgain), urgedAt(urgedAgain)]).toEqual([rows(urged), urgedAt(urged)]);
  // The tasks that failed sent alone with the key (the page's 重试失败项): the same Update per task.
  const one = await expectOk(bulk(coordinator, { ...urge, taskIds: [ids[1]] }, 'bulk-urge-1'));
  expect([rows(one), urgedAt(one)]).toEqual([[rows(urged)[1]], [urgedAt(urged)[1]]]);
  expect(await Promise.all(ids.map(urgesOf))).toEqual([1, 1]);
  // Another key is another 催办: refused per task within the hours (429), nothing added.
  const other = await expectOk(bulk(coordinator, urge, 'bulk-urge-2'));
  expect(rows(other).map((r) => [r.status, r.code])).toEqual([
    [429, 'URGE_TOO_SOON'],
    [429, 'URGE_TOO_SOON'],
  ]);
  expect(await Promise.all(ids.map(urgesOf))).toEqual([1, 1]);

  // 区县同意 in bulk, sent again with its key: ok with the first results (not 409), completed once.
  const support = { action: 'complete', taskIds: ids, outcome: 'support', data: { opinion: '同意' } };
  const done = await expectOk(bulk(officer, support, 'bulk-support-1'));
  expect(done).toMatchObject({ succeeded: 2, failed: 0 });
  const doneAgain = await expectOk(bulk(officer, support, 'bulk-support-1'));
  expect(doneAgain).toEqual(done);
  expect(await Promise.all(casts.map((c, i) => completionsOf(c.creditCode, ids[i])))).toEqual([1, 1]);
  for (const c of casts) {
    const updates = (await acceptedUpdates(c.creditCode)).filter((u) => u.name === 'completeTask');
    expect(updates).toHaveLength(2); // SCREEN and DISTRICT_FEEDBACK, once each
  }
  // Without the key a second 同意 is what it was: 409 per task, the task is done.
  const keyless = await expectOk(bulk(officer, support));
  expect(rows(keyless).map((r) => [r.status, r.code])).toEqual([
    [409, 'TASK_ALREADY_COMPLETED'],
    [409, 'TASK_ALREADY_COMPLETED'],
  ]);
});

it('refuses a malformed Idempotency-Key on a bulk with 400, nothing done', async () => {
  const c = await createCast();
  const id = await feedbackTask(c);
  const r = await bulk(c.districtOfficer.api, { action: 'claim', taskIds: [id] }, 'bad key with spaces');
  expect([r.status, r.body.code, r.body.details.map((d: { field: string }) => d.field)]).toEqual([
    400,
    'VALIDATION_FAILED',
    ['Idempotency-Key'],
  ]);
  const task = await db().query(`SELECT assignee FROM tasks WHERE id = $1`, [id]);
  expect(task.rows[0].assignee).toBeNull();
});
