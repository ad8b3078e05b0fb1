import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { join } from 'node:path';
import { domainErrorFrom } from '@hardtech/temporal';
import { lifecycleWorkflowId } from '@hardtech/temporal/lifecycle.contract';
import { createCast } from '../support/cast';
import { exportHistory } from '../support/export-history';
import { closeDb, db } from '../support/db';
import { driveToSupporting, tickQuarter } from '../support/drive';
import { complete, eventually, expectOk, JUDGMENTS, openTask, quarterlyReport } from '../support/lifecycle';
import { nominateWithShortRuns } from '../support/short-runs';
import { closeTemporal, lifecycles, temporalClient } from '../support/temporal';

// Issue 3 §8: a lifecycle lives for years. Forced to continue as new after every quarter, it keeps
// its state and open tasks across runs: none lost, none duplicated.
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

async function runsOf(workflowId: string) {
  const runs: { runId: string; status: string }[] = [];
  for await (const r of (await temporalClient()).workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
    runs.push({ runId: r.runId, status: r.status.name });
  }
  return runs;
}

it('continues as new in the middle of supporting, carrying the statechart and the open task over', async () => {
  const c = await createCast();
  const workflowId = lifecycleWorkflowId(c.creditCode);
  const client = await temporalClient();
  await nominateWithShortRuns(c);
  await driveToSupporting(c, { nominated: true });

  await tickQuarter(c, '2026Q3');
  await eventually(async () => (await runsOf(workflowId)).length === 2);
  const report = await openTask(c.enterprise.api, c.creditCode, 'QUARTERLY_REPORT');
  const state = await (await lifecycles()).state(c.creditCode);
  expect(state).toMatchObject({ stage: 'supporting', stateValue: { supporting: 'reporting' } });
  expect(state.openTasks.map((t) => t.id)).toEqual([report.id]);
  expect(state.context!.problems).toHaveLength(1);

  await expectOk(
    complete(c.enterprise.api, c.creditCode, 'QUARTERLY_REPORT', 'submit', quarterlyReport('2026Q3')),
  );
  await expectOk(complete(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW', 'continue', { comment: '继续' }));
  await tickQuarter(c, '2026Q4');
  await eventually(async () => (await runsOf(workflowId)).length === 3);
  await expectOk(
    complete(
      c.enterprise.api,
      c.creditCode,
      'QUARTERLY_REPORT',
      'submit',
      quarterlyReport('2026Q4', 45_000_000),
    ),
  );
  await expectOk(
    complete(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW', 'recommend_graduation', { comment: '倍增' }),
  );
  await expectOk(
    complete(c.coordinator.api, c.creditCode, 'GRADUATION_REVIEW', 'graduate', { reason: 'doubled' }),
  );

  const runs = await runsOf(workflowId);
  expect(runs.map((r) => r.status).sort()).toEqual(['COMPLETED', 'CONTINUED_AS_NEW', 'CONTINUED_AS_NEW']);
  const tasks = await db().query(
    `SELECT type, count(*)::int AS n, count(DISTINCT id)::int AS ids, bool_and(status = 'done') AS done
     FROM tasks WHERE credit_code = $1 GROUP BY type ORDER BY type`,
    [c.creditCode],
  );
  expect(tasks.rows).toEqual(
    [
      ['ADMIT', 1],
      ['DIAGNOSE', 1],
      ['DISTRICT_FEEDBACK', 1],
      ['ENTERPRISE_CONFIRM', 1],
      ['GRADUATION_REVIEW', 1],
      ['QUARTERLY_REPORT', 2],
      ['QUARTERLY_REVIEW', 2],
      ['SCREEN', 1],
    ].map(([type, n]) => ({ type, n, ids: n, done: true })),
  );
  const e = await expectOk(c.coordinator.api.get(`/api/enterprises/${c.creditCode}`));
  expect(e.quarterlyReports.map((r: any) => r.quarter)).toEqual(['2026Q3', '2026Q4']);

  // Every run's history, the continued-as-new ones included, replays on today's bundle.
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // installed already
  }
  const bundle = { workflowBundle: { codePath: join(__dirname, '../../dist/workflow-bundle.js') } };
  for (const run of runs) {
    const history = await client.workflow.getHandle(workflowId, run.runId).fetchHistory();
    await expect(Worker.runReplayHistory(bundle, history, run.runId)).resolves.toBeUndefined();
  }
});

// A task cancelled in a run is refused as cancelled in the run it continues as (patch
// carry-cancelled-task-ids): an Update that reaches the workflow before the read model said so
// (here sent to it directly, as the API does when it read the task open a moment before).
it('refuses a task cancelled before the continue-as-new as cancelled, not as done', async () => {
  const c = await createCast();
  const workflowId = lifecycleWorkflowId(c.creditCode);
  const firstRun = await nominateWithShortRuns(c);
  const screen = await openTask(c.coordinator.api, c.creditCode, 'SCREEN');
  await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
  const feedback = await openTask(c.districtOfficer.api, c.creditCode, 'DISTRICT_FEEDBACK');
  await expectOk(c.coordinator.api.post(`/api/tasks/${screen.id}/withdraw`));
  await driveToSupporting(c, { nominated: true });
  await tickQuarter(c, '2026Q3');
  await eventually(async () => (await runsOf(workflowId)).length === 2);
  // Kept as an artifact: the run that carried its cancelled tasks (or, before the patch, did not).
  exportHistory(workflowId, 'cancelled-carried.json', firstRun);

  const lateCompletion = await (
    await lifecycles()
  )
    .complete(c.creditCode, {
      taskId: feedback.id,
      outcome: 'support',
      data: { opinion: '同意' },
      actor: {
        username: c.districtOfficer.username,
        role: 'district_officer',
        scope: { districts: [c.district] },
      },
    })
    .then(
      () => 'completed',
      (e) => domainErrorFrom(e)?.code,
    );
  expect(lateCompletion).toBe('TASK_CANCELLED');
  // The API, which reads the read model first, says the same.
  const viaApi = await c.districtOfficer.api.post(`/api/tasks/${feedback.id}/complete`, {
    outcome: 'support',
    data: { opinion: '同意' },
  });
  expect([viaApi.status, viaApi.body.code]).toEqual([409, 'TASK_CANCELLED']);
});
