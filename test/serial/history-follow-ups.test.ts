import { createCast } from '../support/cast';
import { fakeDingtalk, fakeWecom } from '../support/corp-apps';
import { db } from '../support/db';
import { eventually, expectOk, nominationFor } from '../support/lifecycle';
import { keepPolicy } from '../support/policy';
import { smtpReceiver } from '../support/smtp';
import { webhookReceiver } from '../support/webhook';

// Issue 6 §1 with issue 5's timers: reminders and escalations fire by themselves and the history
// names them. Second-long SLAs change the global policy, so this runs alone.
const policy = keepPolicy();

it('shows the timers that fired and the reminder and escalation they sent, by the system', async () => {
  // Receivers for what the SCREEN task's notices and reminders send (webhook, robots, e-mail, and the
  // 企业微信 / 钉钉 applications of coordinators earlier tests gave ids), so that nothing of this test
  // is left pending in the outbox, retried into later tests' receivers.
  const receivers = await Promise.all([webhookReceiver(), smtpReceiver(), fakeWecom(), fakeDingtalk()]);
  try {
    await followUpsInHistory();
  } finally {
    await Promise.all(receivers.map((r) => r.close()));
  }
});

async function followUpsInHistory(): Promise<void> {
  const sla = {
    ...policy.original.sla,
    SCREEN: { due: 'PT4S', remindBefore: 'PT2S', escalateAfter: 'PT2S' },
  };
  await expectOk(policy.coordinator.put('/api/admin/policy', { ...policy.original, sla }));
  const c = await createCast('500113', 'T2');
  await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
  await policy.coordinator.put('/api/admin/policy', policy.original);
  await eventually(async () => {
    const { rows } = await db().query(
      `SELECT kind FROM notifications WHERE credit_code = $1 AND kind <> 'task_opened'`,
      [c.creditCode],
    );
    return rows.length === 2;
  }, 30_000);

  const history: any[] = await expectOk(c.auditor.api.get(`/api/enterprises/${c.creditCode}/history`));
  const followUps = history.filter((e) =>
    ['timer.fired', 'task.reminded', 'task.escalated'].includes(e.action),
  );
  expect(followUps.map((e) => [e.action, e.actor, e.data.taskType ?? null])).toEqual([
    ['timer.fired', 'system', null],
    ['task.reminded', 'system', 'SCREEN'],
    ['timer.fired', 'system', null],
    ['task.escalated', 'system', 'SCREEN'],
  ]);
  expect(followUps[1].data.audienceGroups).toEqual(['city_coordinator']);
  expect(followUps[1].label.zh).toContain('【待办提醒】');
  expect(followUps[3].label.zh).toContain('【逾期升级】');
  await eventually(async () => {
    const { rows } = await db().query(
      `SELECT count(*)::int AS n FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
       WHERE n.credit_code = $1 AND d.status = 'pending'`,
      [c.creditCode],
    );
    return rows[0].n === 0;
  }, 30_000);
}
