import { sampleNomination } from '@hardtech/domain';
import { Cast, createCast, createUser, freshCreditCode } from '../support/cast';
import { closeDb, db } from '../support/db';
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
