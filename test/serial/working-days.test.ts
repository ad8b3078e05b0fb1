import { addWorkingDays } from '@hardtech/domain';
import { workCalendar } from '../support/calendar';
import { createCast, createUser } from '../support/cast';
import { db } from '../support/db';
import { complete, eventually, expectOk, JUDGMENTS, nominationFor, openTask } from '../support/lifecycle';
import { keepPolicy } from '../support/policy';

// Issue 10 §1 and §6 on the real stack: working-day deadlines from the holiday calendar with
// administrators' overrides, and a silent district's default. Changes the global policy: serial.
const policy = keepPolicy();

const calendar = () => workCalendar(policy.coordinator);

it('counts SLAs in working days, and a calendar edit applies to tasks created afterwards only', async () => {
  await expectOk(
    policy.coordinator.put('/api/admin/policy', {
      ...policy.original,
      sla: {
        ...policy.original.sla,
        SCREEN: { due: { workingDays: 3 }, remindBefore: 'P1D', escalateAfter: 'P1D' },
      },
    }),
  );
  const [a, b] = await Promise.all([createCast(), createCast()]);
  await expectOk(a.districtOfficer.api.post('/api/nominations', nominationFor(a)), 201);
  const taskA = await openTask(a.coordinator.api, a.creditCode, 'SCREEN');
  const before = await calendar();
  expect(taskA.dueAt).toBe(addWorkingDays(new Date(taskA.createdAt), 3, before).toISOString());
  expect(new Date(taskA.dueAt).getUTCHours()).toBe(10); // 18:00 Asia/Shanghai

  // An administrator declares the first working day of the count a day off.
  const firstDay = addWorkingDays(new Date(taskA.createdAt), 1, before).toISOString().slice(0, 10);
  await expectOk(
    policy.coordinator.put(`/api/admin/calendar/${firstDay}`, { kind: 'holiday', name: '测试调整' }),
  );

  try {
    const after = await calendar();
    expect(after.holidays).toContain(firstDay);
    await expectOk(b.districtOfficer.api.post('/api/nominations', nominationFor(b)), 201);
    const taskB = await openTask(b.coordinator.api, b.creditCode, 'SCREEN');
    expect(taskB.dueAt).toBe(addWorkingDays(new Date(taskB.createdAt), 3, after).toISOString());
    expect(Date.parse(taskB.dueAt)).toBeGreaterThan(Date.parse(taskA.dueAt));
    // The task created before the edit keeps its deadline.
    expect((await openTask(a.coordinator.api, a.creditCode, 'SCREEN')).dueAt).toBe(taskA.dueAt);
  } finally {
    expect((await policy.coordinator.request('DELETE', `/api/admin/calendar/${firstDay}`)).status).toBe(204);
  }
  expect((await policy.coordinator.request('DELETE', `/api/admin/calendar/${firstDay}`)).status).toBe(404);
});

it('refuses bad calendar edits (400) and other roles (403)', async () => {
  expect((await policy.coordinator.put('/api/admin/calendar/2027-02-30', { kind: 'holiday' })).status).toBe(
    400,
  );
  expect((await policy.coordinator.put('/api/admin/calendar/2027-01-01', { kind: 'vacation' })).status).toBe(
    400,
  );
  const district = await createUser('district_officer', { districts: ['500112'] });
  expect((await district.api.put('/api/admin/calendar/2027-01-01', { kind: 'holiday' })).status).toBe(403);
  expect(
    (await db().query(`SELECT count(*)::int AS n FROM calendar_days WHERE date = '2027-01-01'`)).rows[0].n,
  ).toBe(0);
  const days = (await expectOk(policy.coordinator.get('/api/admin/calendar?year=2026'))).days;
  expect(days).toContainEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节', source: 'package' });
});

it('treats a silent district as support when the policy says so, and says it was a default', async () => {
  await expectOk(
    policy.coordinator.put('/api/admin/policy', {
      ...policy.original,
      districtFeedbackDefault: 'support',
      sla: {
        ...policy.original.sla,
        DISTRICT_FEEDBACK: { due: 'PT4S', remindBefore: 'PT2S', escalateAfter: 'PT30S' },
      },
    }),
  );
  const c = await createCast();
  await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
  await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
  await expectOk(complete(c.enterprise.api, c.creditCode, 'ENTERPRISE_CONFIRM', 'confirm', {}));
  await eventually(
    async () =>
      (await expectOk(c.coordinator.api.get(`/api/enterprises/${c.creditCode}`))).stage === 'admission',
    20_000,
  );
  const row = (
    await db().query(
      `SELECT status, outcome, completed_by, data FROM tasks WHERE credit_code = $1 AND type = 'DISTRICT_FEEDBACK'`,
      [c.creditCode],
    )
  ).rows[0];
  expect(row).toMatchObject({
    status: 'done',
    outcome: 'support',
    completed_by: 'system',
    data: { defaulted: true },
  });
  expect(row.data.opinion).toContain('按政策视为同意');
});
