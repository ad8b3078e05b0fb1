import {
  DEFAULT_POLICY,
  dispatchQuarterChoices,
  Policy,
  shanghaiTime,
  TaskType,
  workingDayOnOrAfter,
} from '@hardtech/domain';

import { dateAfter, workCalendar } from '../support/calendar';
import { Cast, createCast, createUser } from '../support/cast';
import { db } from '../support/db';
import { driveToSupporting } from '../support/drive';
import { complete, eventually, expectOk, JUDGMENTS, nominationFor, openTask } from '../support/lifecycle';
import { keepPolicy } from '../support/policy';
import { lifecycles } from '../support/temporal';

import { validSignature, webhookReceiver } from '../support/webhook';

// Issue 5: timers that fire by themselves, on the real dev server with durations of seconds.
// These tests change the global policy, so they run alone (test/serial).
const policy = keepPolicy();

/** Stores a policy with second-long SLAs for some task types; returns its version. */
async function fastSla(
  types: TaskType[],
  due = 'PT6S',
  remindBefore = 'PT3S',
  escalateAfter = 'PT3S',
): Promise<number> {
  const current: Policy = await expectOk(policy.coordinator.get('/api/admin/policy'));
  const sla = { ...current.sla };
  for (const type of types) sla[type] = { due, remindBefore, escalateAfter };
  return (await expectOk(policy.coordinator.put('/api/admin/policy', { ...current, sla }))).version;
}

/** A task's reminders and escalations (its new-task notices are test/notices's). */
const notificationsOf = async (taskId: string) =>
  (
    await db().query(
      `SELECT kind, audience_groups FROM notifications WHERE task_id = $1 AND kind <> 'task_opened' ORDER BY created_at`,
      [taskId],
    )
  ).rows;

describe('policy versions (GET/PUT /api/admin/policy)', () => {
  it('stores each change as a new version and refuses invalid ones with 400, others’ roles with 403', async () => {
    const before: Policy = await expectOk(policy.coordinator.get('/api/admin/policy'));
    const saved = await expectOk(
      policy.coordinator.put('/api/admin/policy', { ...before, version: 1, annualTarget: 60 }),
    );
    expect(saved).toMatchObject({ version: before.version + 1, annualTarget: 60 });
    expect(await expectOk(policy.coordinator.get('/api/admin/policy'))).toEqual(saved);
    const bad = await policy.coordinator.put('/api/admin/policy', {
      ...before,
      annualTarget: 20,
      poolCapacity: 'many',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: any) => d.field)).toEqual(['poolCapacity', 'annualTarget']);
    const district = await createUser('district_officer', { districts: ['500112'] });
    expect((await district.api.put('/api/admin/policy', before)).status).toBe(403);
    expect((await district.api.get('/api/admin/policy')).status).toBe(403);
    expect((await expectOk(policy.coordinator.get('/api/admin/policy'))).version).toBe(saved.version);
    const versions = await expectOk(policy.coordinator.get('/api/admin/policy/versions'));
    expect(versions[0]).toMatchObject({ version: saved.version, createdBy: expect.any(String) });
  });

  it('names who published each version by name and department, the installed first one by no one', async () => {
    const publisher = await createUser('city_coordinator', {}, undefined, '政策发布人');
    const current: Policy = await expectOk(publisher.api.get('/api/admin/policy'));
    const saved = await expectOk(publisher.api.put('/api/admin/policy', current));
    const versions = await expectOk(policy.coordinator.get('/api/admin/policy/versions'));
    expect(versions.find((v: any) => v.version === saved.version)).toEqual({
      version: saved.version,
      createdBy: publisher.username,
      createdByName: '政策发布人',
      createdByDepartment: { zh: '科技处（统筹）', en: expect.any(String) },
      createdAt: expect.any(String),
    });
    const first = versions.find((v: any) => v.version === 1);
    if (first)
      expect(first).toMatchObject({ createdBy: 'system', createdByName: null, createdByDepartment: null });
  });
});

describe('due dates, reminders and escalations', () => {
  let cast: Cast;
  beforeAll(async () => {
    cast = await createCast();
  });

  it('reminds before due and escalates after due, once each; a policy change applies to new tasks only', async () => {
    const earlier = await createCast();
    await expectOk(earlier.districtOfficer.api.post('/api/nominations', nominationFor(earlier)), 201);
    const oldTask = await openTask(earlier.coordinator.api, earlier.creditCode, 'SCREEN');

    const version = await fastSla(['SCREEN']);
    await expectOk(cast.districtOfficer.api.post('/api/nominations', nominationFor(cast)), 201);
    const task = await openTask(cast.coordinator.api, cast.creditCode, 'SCREEN');
    expect(task.policyVersion).toBe(version);
    expect(Date.parse(task.dueAt) - Date.parse(task.createdAt)).toBe(6000);
    // The task created before the change keeps its version and its ten days, to the end of the
    // tenth Shanghai day after the day it opened, or of the first working day after it when that
    // day is a rest day (calendar-days-roll-past-rest-days).
    expect(oldTask.policyVersion).toBeLessThan(version);
    const tenth = dateAfter(oldTask.createdAt, 10);
    const lastDay = workingDayOnOrAfter(tenth, await workCalendar(cast.coordinator.api));
    expect(shanghaiTime(oldTask.dueAt, 'second')).toBe(`${lastDay} 23:59:59`);

    await eventually(async () => (await notificationsOf(task.id)).length === 1, 15_000);
    expect(await notificationsOf(task.id)).toEqual([
      { kind: 'reminder', audience_groups: ['city_coordinator'] },
    ]);
    await eventually(async () => (await notificationsOf(task.id)).length === 2, 15_000);
    expect((await notificationsOf(task.id))[1]).toEqual({
      kind: 'escalation',
      audience_groups: ['city_coordinator'],
    });
    await new Promise((r) => setTimeout(r, 3000));
    expect(await notificationsOf(task.id)).toHaveLength(2);
    expect(await notificationsOf(oldTask.id)).toEqual([]);

    const feed = await expectOk(cast.coordinator.api.get('/api/notifications?unread=true&pageSize=100'));
    const mine = feed.items.filter((n: any) => n.taskId === task.id && n.kind !== 'task_opened');
    expect(mine.map((n: any) => n.kind).sort()).toEqual(['escalation', 'reminder']);
    expect(mine.find((n: any) => n.kind === 'reminder').text.zh).toContain(
      `「${task.enterpriseName}」的市级筛选将于`,
    );

    await expectOk(cast.coordinator.api.post(`/api/notifications/${encodeURIComponent(mine[0].id)}/read`));
    const after = await expectOk(cast.coordinator.api.get('/api/notifications?pageSize=100'));
    expect(after.items.find((n: any) => n.id === mine[0].id).read).toBe(true);
    expect(after.unread).toBe(feed.unread - 1);
    // Notifications are for their audience only.
    expect(
      (await cast.districtOfficer.api.post(`/api/notifications/${encodeURIComponent(mine[0].id)}/read`))
        .status,
    ).toBe(404);
    const tasksRow = (
      await db().query(`SELECT reminded_at, escalated_at FROM tasks WHERE id = $1`, [task.id])
    ).rows[0];
    expect(tasksRow.reminded_at && tasksRow.escalated_at).toBeTruthy();

    // Overdue views: the task is in the overdue inbox and counted by department and district.
    const overdue = await expectOk(
      cast.coordinator.api.get(`/api/tasks?overdue=true&creditCode=${cast.creditCode}`),
    );
    expect(overdue.items.map((t: any) => [t.id, t.overdue])).toEqual([[task.id, true]]);
    const summary = await expectOk(cast.districtOfficer.api.get('/api/tasks/overdue/summary'));
    expect(summary.byDistrict).toEqual([
      { district: '500112', label: { zh: '渝北区', en: 'Yubei District' }, count: expect.any(Number) },
    ]);
    expect(summary.byDepartment.find((d: any) => d.department === 'tech')).toMatchObject({
      label: { zh: '科技处' },
    });
    const elsewhere = await createUser('district_officer', { districts: ['WSJK'] });
    expect(await expectOk(elsewhere.api.get('/api/tasks/overdue/summary'))).toEqual({
      total: 0,
      byDepartment: [],
      byDistrict: [],
    });
  });

  it('sends no reminder for a task completed before it is due', async () => {
    const c = await createCast();
    await fastSla(['SCREEN']);
    await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
    const task = await openTask(c.coordinator.api, c.creditCode, 'SCREEN');
    await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
    await new Promise((r) => setTimeout(r, 10_000)); // past reminder (3 s) and escalation (9 s)
    expect(await notificationsOf(task.id)).toEqual([]);
  });

  it('delivers a reminder to the webhook, signed, retried after a failure, once', async () => {
    const receiver = await webhookReceiver(true);
    try {
      const c = await createCast();
      await fastSla(['SCREEN'], 'PT4S', 'PT2S', 'PT60S');
      await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
      const task = await openTask(c.coordinator.api, c.creditCode, 'SCREEN');
      const got = await eventually(
        async () => receiver.received.find((r) => r.body.notification?.taskId === task.id),
        20_000,
      );
      expect(got.body).toMatchObject({
        notification: { kind: 'reminder', creditCode: c.creditCode },
        text: { zh: expect.stringContaining('市级筛选') },
      });
      expect(validSignature(got)).toBe(true);
      await new Promise((r) => setTimeout(r, 3000));
      expect(receiver.received.filter((r) => r.body.notification?.taskId === task.id)).toHaveLength(1);
      const delivery = (
        await db().query(
          `SELECT d.status, d.attempts FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
           WHERE n.task_id = $1 AND d.channel = 'webhook'`,
          [task.id],
        )
      ).rows;
      expect(delivery).toEqual([{ status: 'sent', attempts: 2 }]);
    } finally {
      await receiver.close();
    }
  });
});

describe('企业吹哨·部门报到', () => {
  it('escalates an unanswered whistle to the leader and marks its ledger problem', async () => {
    const c = await createCast();
    await driveToSupporting(c);
    await fastSla(['WHISTLE_RESPONSE'], 'PT4S', 'PT2S', 'PT2S');
    const problemId = (await expectOk(c.enterprise.api.get(`/api/enterprises/${c.creditCode}`))).problems[0]
      .id;
    const r = await expectOk(
      c.enterprise.api.post(`/api/enterprises/${c.creditCode}/whistle`, {
        problemId,
        title: '贷款审批停滞',
        description: '银行审批已超过三个月',
      }),
      201,
    );
    expect(r.task).toMatchObject({ type: 'WHISTLE_RESPONSE', candidateGroups: ['department:finance'] });
    await eventually(async () => (await notificationsOf(r.task.id)).length === 2, 20_000);
    expect(await notificationsOf(r.task.id)).toEqual([
      { kind: 'reminder', audience_groups: ['department:finance'] },
      { kind: 'escalation', audience_groups: ['leader'] },
    ]);
    const leader = await createUser('leader', {});
    const feed = await expectOk(leader.api.get('/api/notifications?pageSize=100'));
    expect(feed.items.some((n: any) => n.taskId === r.task.id && n.text.zh.includes('已升级至委领导'))).toBe(
      true,
    );
    await eventually(
      async () =>
        (await expectOk(c.coordinator.api.get(`/api/problems?creditCode=${c.creditCode}`))).items[0]
          .status === 'escalated',
    );
  });
});

describe('quarterly dispatch (一季一调度)', () => {
  it('gives every supporting member exactly one QUARTERLY_REPORT, also when triggered twice', async () => {
    await policy.coordinator.put('/api/admin/policy', {
      ...policy.original,
      sla: DEFAULT_POLICY.sla,
      version: undefined,
    });
    const members = await Promise.all([createCast(), createCast('500113'), createCast('500106', 'P1')]);
    await Promise.all(members.map((m) => driveToSupporting(m)));
    // The last quarter that has ended (2026Q3 on 7 December 2026): a dispatch by hand reports no
    // other but the one before it. Lifecycles of earlier tests may have had it or a later quarter
    // (their own ticks); those ignore it, every other one takes it once.
    const [quarter] = dispatchQuarterChoices(new Date());
    const client = await lifecycles();
    const supportingCodes = async (): Promise<string[]> =>
      (await db().query(`SELECT credit_code FROM enterprises WHERE stage = 'supporting'`)).rows.map(
        (r: any) => r.credit_code,
      );
    const lastTicked = async (codes: string[]) =>
      Object.fromEntries(
        await Promise.all(
          codes.map(async (code) => [code, (await client.state(code)).context?.quarter.lastTicked ?? null]),
        ),
      );
    const had = await lastTicked(await supportingCodes());
    const due = Object.keys(had).filter((code) => had[code] === null || had[code] < quarter);
    for (const m of members) expect(due).toContain(m.creditCode);
    const reportsOf = async (): Promise<Record<string, number>> =>
      Object.fromEntries(
        (
          await db().query(
            `SELECT credit_code, count(*)::int AS n FROM tasks WHERE type = 'QUARTERLY_REPORT' AND quarter = $1 GROUP BY credit_code`,
            [quarter],
          )
        ).rows.map((r: any) => [r.credit_code, r.n]),
      );
    const reportsBefore = await reportsOf();
    const first = await expectOk(
      policy.coordinator.post('/api/admin/quarterly-dispatch/trigger', { quarter }),
    );
    const supporting = (
      await db().query(`SELECT count(*)::int AS n FROM enterprises WHERE stage = 'supporting'`)
    ).rows[0].n;
    expect(first).toMatchObject({ quarter, members: supporting });
    await expectOk(policy.coordinator.post('/api/admin/quarterly-dispatch/trigger', { quarter }));
    // Dispatched twice: one new report each for those that had not had the quarter (none yet for one
    // still busy with an older quarter's report: it queues it), none for the others.
    const reportsAfter = await reportsOf();
    const added = (code: string) => (reportsAfter[code] ?? 0) - (reportsBefore[code] ?? 0);
    for (const m of members) expect([m.creditCode, added(m.creditCode)]).toEqual([m.creditCode, 1]);
    for (const code of Object.keys(reportsAfter)) {
      expect([code, added(code)]).toEqual([code, due.includes(code) ? expect.any(Number) : 0]);
      expect(added(code)).toBeLessThanOrEqual(1);
    }
    // Every supporting lifecycle has the quarter now (those still busy with a report queue it); the
    // ones that had a later quarter keep it.
    const after = await lastTicked(await supportingCodes());
    for (const [code, q] of Object.entries(after)) {
      expect([code, q]).toEqual([code, due.includes(code) || !(code in had) ? quarter : had[code]]);
    }
    expect(Object.values(after).every((q) => typeof q === 'string' && q >= quarter)).toBe(true);

    // 调度会材料 of the quarter is announced once (two triggers, several pages) to coordinators and
    // leaders, with its download; no district officer is told.
    const stored = await db().query(`SELECT kind, audience_groups FROM notifications WHERE id = $1`, [
      `briefing:${quarter}`,
    ]);
    expect(stored.rows).toEqual([{ kind: 'briefing', audience_groups: ['city_coordinator', 'leader'] }]);
    const [leader, district] = await Promise.all([
      createUser('leader', {}),
      createUser('district_officer', { districts: ['500113'] }),
    ]);
    const feed = await expectOk(leader.api.get('/api/notifications?pageSize=100'));
    expect(feed.items.filter((n: any) => n.kind === 'briefing' && n.quarter === quarter)).toEqual([
      expect.objectContaining({
        text: expect.objectContaining({ zh: expect.stringContaining(`${quarter} 季度调度会材料`) }),
      }),
    ]);
    const theirs = await expectOk(district.api.get('/api/notifications?pageSize=100'));
    expect(theirs.items.filter((n: any) => n.kind === 'briefing')).toEqual([]);

    expect(
      (await policy.coordinator.post('/api/admin/quarterly-dispatch/trigger', { quarter: '2031Q5' })).status,
    ).toBe(400);
  });

  it('asks no member for a quarter before its time: the one before the last ended reaches members admitted since, ticks none', async () => {
    // Admitted today (2026Q4): a dispatch today reports 2026Q3; 2026Q2 (offered: the one before)
    // was over before they were admitted. Never ticked, their lifecycles would take it.
    const members = await Promise.all([createCast(), createCast('500113')]);
    await Promise.all(members.map((m) => driveToSupporting(m)));
    const [, before] = dispatchQuarterChoices(new Date());
    const answer = await expectOk(
      policy.coordinator.post('/api/admin/quarterly-dispatch/trigger', { quarter: before }),
    );
    const supporting = (
      await db().query(`SELECT count(*)::int AS n FROM enterprises WHERE stage = 'supporting'`)
    ).rows[0].n;
    expect(answer).toMatchObject({ quarter: before, members: supporting });
    const codes = members.map((m) => m.creditCode);
    const tasks = await db().query(
      `SELECT credit_code, type, quarter FROM tasks WHERE credit_code = ANY($1) AND type IN ('QUARTERLY_REPORT', 'QUARTERLY_REVIEW')`,
      [codes],
    );
    expect(tasks.rows).toEqual([]);
    const client = await lifecycles();
    for (const code of codes)
      expect((await client.state(code)).context?.quarter).toMatchObject({ lastTicked: null });
  });

  it('shows the schedule: 09:00 on the first day of each quarter, Asia/Shanghai', async () => {
    const [schedule] = await expectOk(policy.coordinator.get('/api/admin/schedules'));
    expect(schedule).toMatchObject({
      id: 'quarterly-dispatch',
      // Named in both languages: the English page said it in Chinese. Chinese says 北京时间, as
      // officials write it (the UI walk read "（Asia/Shanghai）" on the administrator's page).
      description: {
        zh: '一季一调度：每季度首日北京时间 09:00 向帮扶中的企业派发季度报告',
        en: expect.stringMatching(/^Quarterly dispatch: 09:00 \(Asia\/Shanghai\)/),
      },
      timezone: 'Asia/Shanghai',
      overlap: 'SKIP',
      paused: false,
    });
    expect(schedule.nextRunTimes.length).toBeGreaterThan(0);
    for (const at of schedule.nextRunTimes) {
      const local = new Date(Date.parse(at) + 8 * 3_600_000);
      expect([local.getUTCMonth(), local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes()]).toEqual([
        Math.floor(local.getUTCMonth() / 3) * 3,
        1,
        9,
        0,
      ]);
    }
  });
});
