import { assignTaskUpdate } from '@hardtech/temporal/lifecycle.contract';
import { Reply } from '../support/api';
import { Cast, createCast, createUser, Member } from '../support/cast';
import { closeDb, db } from '../support/db';
import { acceptedUpdates, completionsOf } from '../support/history';
import { expectOk, JUDGMENTS, nominationFor, openTask } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// Issue 4: the same completion fired by 10 clients at once. The workflow's Update handler marks
// the task as being completed before its first await, so every concurrent validator refuses
// (409); an Idempotency-Key makes the retries one Update. Counted in the workflow history (one
// accepted completion) and in PostgreSQL (one set of next tasks).
const CLIENTS = 10;

describe('concurrent completions of one task', () => {
  let cast: Cast;
  let coordinators: Member[];

  const tasksOf = async (type: string) =>
    (
      await db().query(
        `SELECT id, status, completed_by, assignee FROM tasks WHERE credit_code = $1 AND type = $2`,
        [cast.creditCode, type],
      )
    ).rows;
  const statuses = (replies: Reply[]) => replies.map((r) => r.status).sort();

  beforeAll(async () => {
    cast = await createCast('500154', 'F6');
    coordinators = [
      cast.coordinator,
      ...(await Promise.all(Array.from({ length: CLIENTS - 1 }, () => createUser('city_coordinator', {})))),
    ];
    await expectOk(cast.districtOfficer.api.post('/api/nominations', nominationFor(cast)), 201);
  });
  afterAll(closeTemporal);

  it(`${CLIENTS} coordinators complete the same screening at once: one wins, ${CLIENTS - 1} get 409`, async () => {
    const screen = await openTask(cast.coordinator.api, cast.creditCode, 'SCREEN');
    const replies = await Promise.all(
      coordinators.map((c) =>
        c.api.post(`/api/tasks/${screen.id}/complete`, { outcome: 'pass', data: { judgments: JUDGMENTS } }),
      ),
    );
    expect(statuses(replies)).toEqual([200, ...Array(CLIENTS - 1).fill(409)]);
    const losers = replies.filter((r) => r.status === 409);
    for (const r of losers) expect(['TASK_ALREADY_COMPLETED', 'TASK_CLAIMED']).toContain(r.body.code);
    const winner = coordinators[replies.findIndex((r) => r.status === 200)];

    expect(await completionsOf(cast.creditCode, screen.id)).toBe(1);
    expect(await tasksOf('SCREEN')).toEqual([
      expect.objectContaining({ status: 'done', completed_by: winner.username }),
    ]);
    expect(await tasksOf('DISTRICT_FEEDBACK')).toHaveLength(1);
    expect(await tasksOf('ENTERPRISE_CONFIRM')).toHaveLength(1);
  });

  it(`${CLIENTS} retries with one Idempotency-Key: all get the first answer, one transition`, async () => {
    const feedback = await openTask(cast.districtOfficer.api, cast.creditCode, 'DISTRICT_FEEDBACK');
    const body = { outcome: 'support', data: { opinion: '同意推荐' } };
    const key = { 'idempotency-key': `df-${feedback.id}` };
    const replies = await Promise.all(
      Array.from({ length: CLIENTS }, () =>
        cast.districtOfficer.api.post(`/api/tasks/${feedback.id}/complete`, body, key),
      ),
    );
    expect(statuses(replies)).toEqual(Array(CLIENTS).fill(200));
    for (const r of replies) expect(r.body).toEqual(replies[0].body);
    expect(replies[0].body).toEqual({ stage: 'feedback', nextTasks: [] });
    expect(await completionsOf(cast.creditCode, feedback.id)).toBe(1);

    // Later retries are answered from the stored result; anything else is a second completion.
    const late = await cast.districtOfficer.api.post(`/api/tasks/${feedback.id}/complete`, body, key);
    expect({ status: late.status, body: late.body }).toEqual({ status: 200, body: replies[0].body });
    const changed = await cast.districtOfficer.api.post(
      `/api/tasks/${feedback.id}/complete`,
      { outcome: 'oppose', data: { opinion: '不同意' } },
      key,
    );
    expect(changed.status).toBe(409);
    expect((await cast.districtOfficer.api.post(`/api/tasks/${feedback.id}/complete`, body)).status).toBe(
      409,
    );
    const colleague = await createUser('district_officer', { districts: [cast.district] });
    expect((await colleague.api.post(`/api/tasks/${feedback.id}/complete`, body, key)).status).toBe(409);
    expect(await completionsOf(cast.creditCode, feedback.id)).toBe(1);
    expect(await tasksOf('DISTRICT_FEEDBACK')).toEqual([expect.objectContaining({ status: 'done' })]);
  });

  it(`one key, two bodies at once: exactly one completion, the other 409`, async () => {
    const confirm = await openTask(cast.enterprise.api, cast.creditCode, 'ENTERPRISE_CONFIRM');
    const key = { 'idempotency-key': 'same-key-two-bodies' };
    const replies = await Promise.all([
      ...Array.from({ length: CLIENTS / 2 }, () =>
        cast.enterprise.api.post(
          `/api/tasks/${confirm.id}/complete`,
          { outcome: 'confirm', data: { note: '确认' } },
          key,
        ),
      ),
      ...Array.from({ length: CLIENTS / 2 }, () =>
        cast.enterprise.api.post(
          `/api/tasks/${confirm.id}/complete`,
          { outcome: 'decline', data: { note: '放弃' } },
          key,
        ),
      ),
    ]);
    // The winning body's requests are one Update (all 200, one answer); the other body's are a
    // second completion of the same task (all 409).
    const half = CLIENTS / 2;
    const won = replies.slice(0, half).every((r) => r.status === 200) ? 'confirm' : 'decline';
    const [winners, losers] =
      won === 'confirm'
        ? [replies.slice(0, half), replies.slice(half)]
        : [replies.slice(half), replies.slice(0, half)];
    expect(winners.map((r) => r.status)).toEqual(Array(half).fill(200));
    expect(losers.map((r) => r.status)).toEqual(Array(half).fill(409));
    for (const r of winners) expect(r.body).toEqual(winners[0].body);
    expect(await completionsOf(cast.creditCode, confirm.id)).toBe(1);
    const done = (await db().query(`SELECT status, outcome FROM tasks WHERE id = $1`, [confirm.id])).rows[0];
    expect(done).toEqual({ status: 'done', outcome: won });
    expect(winners[0].body.stage).toBe(won === 'confirm' ? 'admission' : 'rejected');
  });
});

describe('concurrent claims of one task', () => {
  afterAll(() => Promise.all([closeTemporal(), closeDb()]));

  it(`${CLIENTS} candidates claim at once: one holds it, the others get 409`, async () => {
    const cast = await createCast('500154', 'F6');
    const officers = [
      cast.districtOfficer,
      ...(await Promise.all(
        Array.from({ length: CLIENTS - 1 }, () => createUser('district_officer', { districts: ['500154'] })),
      )),
    ];
    await expectOk(cast.coordinator.api.post('/api/nominations', nominationFor(cast)), 201);
    const screen = await openTask(cast.coordinator.api, cast.creditCode, 'SCREEN');
    await expectOk(
      cast.coordinator.api.post(`/api/tasks/${screen.id}/complete`, {
        outcome: 'pass',
        data: { judgments: JUDGMENTS },
      }),
    );
    const feedback = await openTask(cast.districtOfficer.api, cast.creditCode, 'DISTRICT_FEEDBACK');

    const replies = await Promise.all(officers.map((o) => o.api.post(`/api/tasks/${feedback.id}/claim`)));
    expect(replies.map((r) => r.status).sort()).toEqual([200, ...Array(CLIENTS - 1).fill(409)]);
    const winner = replies.find((r) => r.status === 200)!.body.assignee;
    expect((await cast.coordinator.api.get(`/api/tasks/${feedback.id}`)).body.assignee).toBe(winner);
    const claims = (await acceptedUpdates(cast.creditCode)).filter((u) => u.name === assignTaskUpdate.name);
    expect(claims).toHaveLength(1);
    expect(claims[0].args[0]).toMatchObject({
      taskId: feedback.id,
      kind: 'claim',
      actor: { username: winner },
    });
  });
});
