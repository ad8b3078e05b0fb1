import { dispatchQuarterChoices } from '@hardtech/domain';
import { createCast, createUser } from '../support/cast';
import { db } from '../support/db';
import { driveToSupporting, tickQuarter } from '../support/drive';
import { complete, expectOk, openTask, quarterlyReport } from '../support/lifecycle';
import { lifecycles, temporalClient } from '../support/temporal';

// 一季一调度 by hand reports an ended quarter: the current quarter (2026Q4 on 7 December 2026) and a
// future one are refused with 422 QUARTER_NOT_ENDED before anything starts — no dispatch workflow, no
// task, no notification, the member's lifecycle untouched; an older quarter than the page offers is
// 422 DISPATCH_QUARTER_TOO_OLD. Dispatches that run are test/serial/timers.test.ts's (global state).
const dispatchRuns = async (quarter: string): Promise<string[]> => {
  const ids: string[] = [];
  const client = await temporalClient();
  for await (const run of client.workflow.list({ query: `WorkflowType = 'quarterlyDispatch'` })) {
    if (run.workflowId.startsWith(`quarterly-dispatch/${quarter}/`)) ids.push(run.workflowId);
  }
  return ids;
};

const traces = async (creditCode: string) => ({
  tasks: (
    await db().query(`SELECT id, type, quarter FROM tasks WHERE credit_code = $1 ORDER BY id`, [creditCode])
  ).rows,
  // A task's 'task_opened' notices are written by the outbox's sweep a while after it opened, to its
  // candidates then (colleagues other tests create meanwhile too): a new task shows in `tasks`.
  notifications: (
    await db().query(
      `SELECT id FROM notifications
        WHERE (credit_code = $1 AND id NOT LIKE 'task_opened:%') OR id LIKE 'briefing:%' ORDER BY id`,
      [creditCode],
    )
  ).rows,
});

it('refuses a quarter that has not ended, 422 QUARTER_NOT_ENDED, and starts nothing', async () => {
  const [coordinator, member] = await Promise.all([createUser('city_coordinator', {}), createCast()]);
  await driveToSupporting(member);
  const client = await lifecycles();
  const before = {
    ...(await traces(member.creditCode)),
    context: (await client.state(member.creditCode)).context,
  };
  const [last] = dispatchQuarterChoices(new Date());

  for (const quarter of ['2026Q4', '2031Q1']) {
    const r = await coordinator.api.post('/api/admin/quarterly-dispatch/trigger', { quarter });
    expect([r.status, r.body.code]).toEqual([422, 'QUARTER_NOT_ENDED']);
    expect(r.body.details).toEqual([expect.objectContaining({ field: 'quarter' })]);
    expect(r.body.message).toContain(last);
    expect(await dispatchRuns(quarter)).toEqual([]);
  }
  const old = await coordinator.api.post('/api/admin/quarterly-dispatch/trigger', { quarter: '2024Q1' });
  expect([old.status, old.body.code]).toEqual([422, 'DISPATCH_QUARTER_TOO_OLD']);
  expect(await dispatchRuns('2024Q1')).toEqual([]);
  // Not a quarter at all stays a 400.
  const malformed = await coordinator.api.post('/api/admin/quarterly-dispatch/trigger', {
    quarter: '2026Q5',
  });
  expect([malformed.status, malformed.body.code]).toEqual([400, 'VALIDATION_FAILED']);

  expect({
    ...(await traces(member.creditCode)),
    context: (await client.state(member.creditCode)).context,
  }).toEqual(before);
  expect(before.context?.quarter.lastTicked).toBeNull();
});

// 季度报告: the task is the quarter's. A report naming another quarter is refused (422, the update
// validator: nothing enters history); the task stays open and the report of its own quarter goes in.
it('refuses a quarterly report of another quarter than its task’s, 422 QUARTER_NOT_THE_TASKS', async () => {
  const member = await createCast();
  await driveToSupporting(member);
  await tickQuarter(member, '2026Q3');
  const task = await openTask(member.enterprise.api, member.creditCode, 'QUARTERLY_REPORT');
  expect(task.quarter).toBe('2026Q3');
  const before = await traces(member.creditCode);
  for (const quarter of ['2026Q2', '2026Q4']) {
    const r = await complete(
      member.enterprise.api,
      member.creditCode,
      'QUARTERLY_REPORT',
      'submit',
      quarterlyReport(quarter),
    );
    expect([r.status, r.body.code]).toEqual([422, 'QUARTER_NOT_THE_TASKS']);
    expect(r.body.details).toEqual([expect.objectContaining({ field: 'data.quarter' })]);
  }
  expect(await traces(member.creditCode)).toEqual(before);
  expect(
    (
      await db().query(`SELECT count(*)::int AS n FROM quarterly_reports WHERE credit_code = $1`, [
        member.creditCode,
      ])
    ).rows[0].n,
  ).toBe(0);
  expect((await openTask(member.enterprise.api, member.creditCode, 'QUARTERLY_REPORT')).id).toBe(task.id);
  await expectOk(
    complete(
      member.enterprise.api,
      member.creditCode,
      'QUARTERLY_REPORT',
      'submit',
      quarterlyReport('2026Q3'),
    ),
  );
});
