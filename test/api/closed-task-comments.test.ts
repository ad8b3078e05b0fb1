import { Api } from '../support/api';
import { Cast, createCast } from '../support/cast';
import { closeDb, db } from '../support/db';
import { complete, expectOk, JUDGMENTS, nominationFor, openTask } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// 办理意见交流 (ui-walk): the enterprise could still write on its done step. The comments of a task
// no longer open are its record: read as before, written by nobody (409, nothing stored); a 撤回
// that reopens the task reopens them.
let c: Cast;
let screen: string;
let confirm: string;

afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

beforeAll(async () => {
  c = await createCast();
  await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
  screen = (await openTask(c.coordinator.api, c.creditCode, 'SCREEN')).id;
  await expectOk(c.coordinator.api.post(`/api/tasks/${screen}/comments`, { text: '初筛意见' }), 201);
  await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
  await expectOk(
    complete(c.districtOfficer.api, c.creditCode, 'DISTRICT_FEEDBACK', 'support', { opinion: '同意' }),
  );
  confirm = (await openTask(c.enterprise.api, c.creditCode, 'ENTERPRISE_CONFIRM')).id;
  await expectOk(c.enterprise.api.post(`/api/tasks/${confirm}/comments`, { text: '已收到' }), 201);
  await expectOk(complete(c.enterprise.api, c.creditCode, 'ENTERPRISE_CONFIRM', 'confirm', {}));
});

const stored = async (taskId: string) =>
  (await db().query(`SELECT text FROM task_comments WHERE task_id = $1`, [taskId])).rows.map(
    (r: { text: string }) => r.text,
  );

const refused = async (api: Api, taskId: string) => {
  const r = await api.post(`/api/tasks/${taskId}/comments`, { text: '办结后的评论' });
  expect([r.status, r.body.code]).toEqual([409, 'TASK_ALREADY_COMPLETED']);
};

it('refuses the enterprise a comment on its done step, and keeps what was said', async () => {
  await refused(c.enterprise.api, confirm);
  expect(await stored(confirm)).toEqual(['已收到']);
  const read = await expectOk(c.enterprise.api.get(`/api/tasks/${confirm}`));
  expect(read.comments.map((x: { text: string }) => x.text)).toEqual(['已收到']);
});

it('refuses officers too once the task is done', async () => {
  await refused(c.coordinator.api, screen);
  await refused(c.coordinator.api, confirm);
  expect(await stored(screen)).toEqual(['初筛意见']);
  expect(await stored(confirm)).toEqual(['已收到']);
});
