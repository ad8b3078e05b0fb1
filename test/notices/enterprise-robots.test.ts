import { createCast } from '../support/cast';
import { closeDb, db } from '../support/db';
import { complete, eventually, expectOk, JUDGMENTS, nominationFor, openTask } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// Group robots are an office's duty groups (libs/domain/src/notification-preferences.ts): an
// enterprise's contact may no longer save them, and the ones it saved before are never called.
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

/** Preferences as an earlier release saved them, straight into the table (the API refuses them now). */
async function saveAsBefore(username: string, email: string, robot: string): Promise<void> {
  await db().query(
    `INSERT INTO notification_preferences (username, email, email_enabled, wecom_webhook, dingtalk_webhook,
       dingtalk_secret, digest, wecom_app, dingtalk_app, updated_at)
     VALUES ($1, $2, true, $3, $4, 'SEC-before', false, true, true, now())`,
    [username, email, `${robot}/wecom`, `${robot}/dingtalk`],
  );
}

/** The channels a person's new-task notice of one task went to. */
async function channelsOfNotice(taskId: string, username: string): Promise<string[]> {
  const { rows } = await db().query(
    `SELECT d.channel FROM notifications n JOIN notification_deliveries d ON d.notification_id = n.id
     WHERE n.task_id = $1 AND n.username = $2 AND n.kind = 'task_opened' ORDER BY d.channel`,
    [taskId, username],
  );
  return rows.map((r) => r.channel);
}

/** Who this file gave robots to a closed port: cleared after it, or later tests' notices wait on them. */
const robotsGiven: string[] = [];
afterEach(async () => {
  await db().query(`DELETE FROM notification_preferences WHERE username = ANY($1)`, [robotsGiven]);
});

it('tells an enterprise contact by e-mail only, never on robots it saved before; an officer on his robots', async () => {
  const c = await createCast();
  robotsGiven.push(c.enterprise.username, c.coordinator.username);
  // A closed loopback port: nothing is delivered anywhere, the delivery rows say where it would go.
  const robot = 'http://127.0.0.1:9/robot';
  await saveAsBefore(c.enterprise.username, 'contact@xince.example.cn', robot);
  await saveAsBefore(c.coordinator.username, 'li@jxw.example.cn', robot);
  // A task's channels are used while it is open (a notice swept after it was done goes to the inbox
  // only): each is read before the step is taken.
  const told = (taskId: string, username: string) =>
    eventually(async () => nonEmpty(await channelsOfNotice(taskId, username)), 30_000);

  await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
  const screen = await eventually(() => openTask(c.coordinator.api, c.creditCode, 'SCREEN'));
  expect(await told(screen.id, c.coordinator.username)).toEqual(['dingtalk', 'email', 'wecom']);
  await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
  await expectOk(
    complete(c.districtOfficer.api, c.creditCode, 'DISTRICT_FEEDBACK', 'support', { opinion: '同意' }),
  );
  const confirm = await eventually(() => openTask(c.enterprise.api, c.creditCode, 'ENTERPRISE_CONFIRM'));
  expect(await told(confirm.id, c.enterprise.username)).toEqual(['email']);
});

const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length ? list : undefined);
