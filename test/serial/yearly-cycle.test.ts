import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { addWorkingDays, missingCalendarYear, shanghaiDate, WorkCalendar } from '@hardtech/domain';
import { lifecycleWorkflowId } from '@hardtech/temporal/lifecycle.contract';
import { Api } from '../support/api';
import { adminApi, createCast, createUser } from '../support/cast';
import { db } from '../support/db';
import { driveToSupporting } from '../support/drive';
import { complete, expectOk, openTask } from '../support/lifecycle';
import { keepPolicy } from '../support/policy';
import { temporalClient } from '../support/temporal';
import { exportHistory } from '../support/export-history';
import { ANNUAL_REVIEW_WORKFLOW_TYPE } from '@hardtech/temporal/yearly.contract';

// Issue 19 items 3 and 5 on the real stack: the annual review (动态管理) and a calendar that never
// silently guesses. Both reach every member and the global calendar and policy: serial.
// Each drives enterprises to supporting and runs the review workflow several times: 3 minutes.
const SLOW = 180_000;
const policy = keepPolicy();

const trigger = (api: Api, year: string) => api.post(`/api/admin/annual-review/trigger?year=${year}`, {});

async function annualTasks(creditCode: string): Promise<{ id: string; status: string }[]> {
  return (
    await db().query(`SELECT id, status FROM tasks WHERE credit_code = $1 AND type = 'ANNUAL_UPDATE'`, [
      creditCode,
    ])
  ).rows;
}

/**
 * The lifecycle's history replays with the bundle the worker runs, and is kept (as the replay test
 * keeps its own) under data/test/histories/ to be copied into test/histories/ as a guard.
 */
async function replayAndKeep(creditCode: string, name: string): Promise<void> {
  const json = exportHistory(lifecycleWorkflowId(creditCode), `${name}.json`);
  if (!json) return;
  const bundle = { workflowBundle: { codePath: join(__dirname, '../../dist/workflow-bundle.js') } };
  const history = historyFromJSON(JSON.parse(json.toString()));
  await expect(Worker.runReplayHistory(bundle, history, name)).resolves.toBeUndefined();
}

async function calendarOf(years: number[]): Promise<WorkCalendar> {
  const days = [];
  for (const year of years) {
    days.push(...(await expectOk(policy.coordinator.get(`/api/admin/calendar?year=${year}`))).days);
  }
  return {
    holidays: days.filter((d: any) => d.kind === 'holiday').map((d: any) => d.date),
    workdays: days.filter((d: any) => d.kind === 'workday').map((d: any) => d.date),
  };
}

it(
  'gives each member one ANNUAL_UPDATE; revenue above the cap brings a GRADUATION_REVIEW proposing graduation',
  async () => {
    const [grown, steady] = await Promise.all([createCast(), createCast()]);
    await Promise.all([driveToSupporting(grown), driveToSupporting(steady)]);

    // Refused: another role (403), no year, not a year (400), a year the page does not offer (422).
    const district = await createUser('district_officer', { districts: ['500112'] });
    expect((await trigger(district.api, '2026')).status).toBe(403);
    expect((await trigger(grown.enterprise.api, '2026')).status).toBe(403);
    for (const bad of ['', 'abc', '2026.5']) {
      const r = await trigger(policy.coordinator, bad);
      expect([r.status, r.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    for (const bad of ['1999', '2099']) {
      const r = await trigger(policy.coordinator, bad);
      expect([r.status, r.body.code]).toEqual([422, 'REVIEW_YEAR_NOT_OFFERED']);
    }
    // No year at all says so (it read as out of range); a body naming another year than the query is refused.
    const missing = await policy.coordinator.post('/api/admin/annual-review/trigger', {});
    expect([missing.status, missing.body.details]).toEqual([
      400,
      [expect.objectContaining({ field: 'year', message: expect.stringContaining('缺少年份') })],
    ]);
    const twice = await policy.coordinator.post('/api/admin/annual-review/trigger?year=2026', { year: 2025 });
    expect(twice.status).toBe(400);
    expect(await annualTasks(grown.creditCode)).toEqual([]);

    const first = await expectOk(trigger(policy.coordinator, '2026'));
    expect(first).toMatchObject({ year: 2026 });
    expect(first.opened).toBeGreaterThanOrEqual(2);
    expect(first.members).toBeGreaterThanOrEqual(first.opened);
    // Idempotent per member and year: a second run opens nothing.
    // The year in the body, as the policy page's button sends it.
    const again = await expectOk(policy.coordinator.post('/api/admin/annual-review/trigger', { year: 2026 }));
    expect(again).toMatchObject({ year: 2026, opened: 0, members: first.members });
    for (const c of [grown, steady]) expect(await annualTasks(c.creditCode)).toHaveLength(1);

    // The enterprise's users do it, prefilled with the last known figures.
    const item = await openTask(grown.enterprise.api, grown.creditCode, 'ANNUAL_UPDATE');
    const task = await expectOk(grown.enterprise.api.get(`/api/tasks/${item.id}`));
    expect(task.candidateGroups).toEqual([`enterprise_user:enterprise:${grown.creditCode}`]);
    expect(task.details.annualUpdate).toEqual({
      year: 2026,
      prefill: {
        revenuePrevYear: task.enterprise.nomination.revenuePrevYear,
        rdExpensePrevYear: task.enterprise.nomination.rdExpensePrevYear,
        classOneIpCount: task.enterprise.nomination.classOneIpCount,
        techCenter: task.enterprise.nomination.techCenter,
        listed: task.enterprise.nomination.listed,
      },
    });
    // Run after its dueOn, the update is due by the SLA from now: provisional while that day's year
    // is not in the calendar (calendar-days-roll-past-rest-days rolls a last day off a rest day).
    const covered: number = (await expectOk(policy.coordinator.get('/api/health'))).calendar.coveredThrough;
    expect(task.provisional).toBe(Number(shanghaiDate(task.dueAt).slice(0, 4)) > covered);
    expect(Object.keys(task.form.outcomes)).toEqual(['submit']);
    // Bad data is a 400 and changes nothing.
    const refused = await grown.enterprise.api.post(`/api/tasks/${item.id}/complete`, {
      outcome: 'submit',
      data: { ...task.details.annualUpdate.prefill, revenuePrevYear: -1 },
    });
    expect(refused.status).toBe(400);

    const figures = task.details.annualUpdate.prefill;
    const r = await expectOk(
      complete(grown.enterprise.api, grown.creditCode, 'ANNUAL_UPDATE', 'submit', {
        ...figures,
        revenuePrevYear: 150_000_000,
        rdExpensePrevYear: 9_000_000,
      }),
    );
    expect(r.stage).toBe('graduation_review');
    const reviewItem = await openTask(grown.coordinator.api, grown.creditCode, 'GRADUATION_REVIEW');
    const review = await expectOk(grown.coordinator.api.get(`/api/tasks/${reviewItem.id}`));
    expect(review.details.evaluation).toMatchObject({
      year: 2026,
      proposal: 'graduate',
      findings: [
        {
          code: 'revenue_above_cap',
          detail: {
            zh: '上年度营业收入 1.5 亿元 超过 1 亿元',
            en: 'previous-year revenue CNY 150 million above CNY 100 million',
          },
        },
      ],
    });
    // The evaluation is the officers': the enterprise never reads it.
    const seenByEnterprise = await grown.enterprise.api.get(`/api/tasks/${reviewItem.id}`);
    expect(seenByEnterprise.status === 404 || seenByEnterprise.body.details === null).toBe(true);
    expect(JSON.stringify(seenByEnterprise.body)).not.toContain('revenue_above_cap');
    // In the history and the audit log.
    const history = await expectOk(grown.coordinator.api.get(`/api/enterprises/${grown.creditCode}/history`));
    expect(JSON.stringify(history)).toContain('ANNUAL_UPDATE');
    const audit = await db().query(
      `SELECT count(*)::int AS n FROM audit_events WHERE credit_code = $1 AND data::text LIKE '%ANNUAL_UPDATE%'`,
      [grown.creditCode],
    );
    expect(audit.rows[0].n).toBeGreaterThan(0);
    await expectOk(
      complete(grown.coordinator.api, grown.creditCode, 'GRADUATION_REVIEW', 'graduate', {
        reason: 'on_track',
      }),
    );
    await replayAndKeep(grown.creditCode, 'annual-review-graduation');

    // A member that still qualifies stays in supporting, with no review.
    const kept = await expectOk(
      complete(steady.enterprise.api, steady.creditCode, 'ANNUAL_UPDATE', 'submit', {
        ...figures,
        revenuePrevYear: 90_000_000,
        rdExpensePrevYear: 6_000_000,
      }),
    );
    expect(kept).toEqual({ stage: 'supporting', nextTasks: [] });
    expect(await openTask(steady.coordinator.api, steady.creditCode, 'GRADUATION_REVIEW')).toBeUndefined();
    // The year done, a third run opens nothing for them either.
    expect((await expectOk(trigger(policy.coordinator, '2026'))).opened).toBe(0);
    expect(await annualTasks(steady.creditCode)).toEqual([{ id: expect.any(String), status: 'done' }]);
  },
  SLOW,
);

it(
  'marks a working-day deadline in a year the calendar lacks provisional until that year is entered',
  async () => {
    const health = await expectOk(policy.coordinator.get('/api/health'));
    const covered: number = health.calendar.coveredThrough;
    expect(covered).toBeGreaterThanOrEqual(2026);
    const uncovered = covered + 1;
    // Enough working days from now to end in the first week of the uncovered year.
    const before = await calendarOf([uncovered - 1, uncovered]);
    let n = 1;
    while (shanghaiDate(addWorkingDays(new Date(), n, before)) < `${uncovered}-01-06`) n++;
    await expectOk(
      policy.coordinator.put('/api/admin/policy', {
        ...policy.original,
        sla: {
          ...policy.original.sla,
          ANNUAL_UPDATE: { due: { workingDays: n }, remindBefore: 'P1D', escalateAfter: 'P1D' },
        },
      }),
    );
    const c = await createCast();
    await driveToSupporting(c);
    await expectOk(trigger(policy.coordinator, '2026')); // after its dueOn: the SLA counts
    const item = await openTask(c.enterprise.api, c.creditCode, 'ANNUAL_UPDATE');
    expect(item.provisional).toBe(true);
    expect(item.dueAt).toBe(addWorkingDays(new Date(item.createdAt), n, before).toISOString());
    expect((await expectOk(policy.coordinator.get('/api/admin/calendar/coverage'))).coveredThrough).toBe(
      covered,
    );

    // Refused: a year after a missing one (422), another role (403), not a year (400).
    expect((await policy.coordinator.put(`/api/admin/calendar/years/${uncovered + 1}`, {})).status).toBe(422);
    const district = await createUser('district_officer', { districts: ['500112'] });
    expect((await district.api.put(`/api/admin/calendar/years/${uncovered}`, {})).status).toBe(403);
    expect((await policy.coordinator.put('/api/admin/calendar/years/abc', {})).status).toBe(400);
    expect((await openTask(c.enterprise.api, c.creditCode, 'ANNUAL_UPDATE')).provisional).toBe(true);

    // The administrator enters the year: its first counted day is a holiday, then confirms it.
    let k = 1;
    while (shanghaiDate(addWorkingDays(new Date(item.createdAt), k, before)) < `${uncovered}-01-01`) k++;
    const firstDay = shanghaiDate(addWorkingDays(new Date(item.createdAt), k, before));
    await expectOk(
      policy.coordinator.put(`/api/admin/calendar/${firstDay}`, { kind: 'holiday', name: '元旦' }),
    );
    try {
      const confirmed = await expectOk(policy.coordinator.put(`/api/admin/calendar/years/${uncovered}`, {}));
      expect(confirmed).toMatchObject({ year: uncovered, coveredThrough: uncovered, stillProvisional: 0 });
      expect(confirmed.recomputed).toBeGreaterThanOrEqual(1);
      const after = await calendarOf([uncovered - 1, uncovered]);
      const recomputed = await openTask(c.enterprise.api, c.creditCode, 'ANNUAL_UPDATE');
      expect(recomputed).toMatchObject({
        id: item.id,
        provisional: false,
        dueAt: addWorkingDays(new Date(item.createdAt), n, after).toISOString(),
      });
      expect(Date.parse(recomputed.dueAt)).toBeGreaterThan(Date.parse(item.dueAt));
      expect((await expectOk(policy.coordinator.get('/api/health'))).calendar.coveredThrough).toBe(uncovered);
      // The workflow's own timers follow: its view has the new deadline too.
      const row = (await db().query(`SELECT due_at, remind_at FROM tasks WHERE id = $1`, [item.id])).rows[0];
      expect(new Date(row.due_at).toISOString()).toBe(recomputed.dueAt);
      await replayAndKeep(c.creditCode, 'provisional-deadline-recomputed');
    } finally {
      await db().query(`DELETE FROM calendar_years WHERE year = $1`, [uncovered]);
      await policy.coordinator.request('DELETE', `/api/admin/calendar/${firstDay}`);
    }
  },
  SLOW,
);

it(
  'tells administrators each day from 1 November while next year’s schedule is missing',
  async () => {
    const today = shanghaiDate(new Date());
    const { coveredThrough, missingYear } = await expectOk(
      policy.coordinator.get('/api/admin/calendar/coverage'),
    );
    expect(missingYear).toBe(missingCalendarYear(today, coveredThrough));
    // The schedule's morning run, as the schedule starts it (no year): twice, as a retry would.
    const client = await temporalClient();
    for (const run of [1, 2]) {
      const result = await client.workflow.execute(ANNUAL_REVIEW_WORKFLOW_TYPE, {
        workflowId: `annual-review/test-morning-${Date.now()}-${run}`,
        taskQueue: process.env.TEMPORAL_TASK_QUEUE ?? 'hardtech-test',
        args: [{}],
      });
      // Not the policy's opensOn (unless the test runs on 1 March): no review opens.
      if (today.slice(5) !== '03-01') expect(result).toEqual({ year: null, members: 0, opened: 0 });
    }
    const notices = await db().query(`SELECT kind, audience_groups, data FROM notifications WHERE id = $1`, [
      `calendar-missing:${today}`,
    ]);
    if (missingYear === null) {
      expect(notices.rows).toEqual([]);
      return;
    }
    expect(notices.rows).toEqual([
      {
        kind: 'calendar',
        audience_groups: ['system_admin'],
        data: {
          year: missingYear,
          text: expect.objectContaining({ zh: expect.stringContaining(`${missingYear} 年`) }),
        },
      },
    ]);
    const feed = await expectOk((await adminApi()).get('/api/notifications'));
    expect(feed.items.filter((n: any) => n.kind === 'calendar')).toHaveLength(1);
    const coordinatorFeed = await expectOk(policy.coordinator.get('/api/notifications'));
    expect(coordinatorFeed.items.some((n: any) => n.kind === 'calendar')).toBe(false);
  },
  SLOW,
);
