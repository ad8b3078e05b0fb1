import { createCast, createUser } from '../support/cast';
import { closeDb, db } from '../support/db';
import { blowWhistleOnFirstProblem, driveToSupporting, tickQuarter } from '../support/drive';
import {
  complete,
  eventually,
  expectOk,
  nominationFor,
  openTask,
  quarterlyReport,
} from '../support/lifecycle';
import { nominateWithShortRuns } from '../support/short-runs';
import { closeTemporal } from '../support/temporal';
import { workflowsMatching } from '../support/visibility';

// Issue 6 §1: the history of an enterprise, read from Temporal's event histories of every run,
// names every actor and action in order: here across two continue-as-new.
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

const step = (e: any) => [
  e.action,
  e.actor,
  e.data.taskType ?? null,
  e.data.outcome ?? e.data.quarter ?? null,
];

it('names every actor and action in order, through all stages and across continue-as-new', async () => {
  const c = await createCast('500113', 'T2');
  const firstRun = await nominateWithShortRuns(c);
  await driveToSupporting(c, { nominated: true });
  await tickQuarter(c, '2026Q3'); // the lifecycle continues as new after this quarter's tick
  // Operators find the continued run by its search attributes, carried over to the new run.
  await eventually(async () => {
    const runs = await workflowsMatching(
      `CreditCode='${c.creditCode}' AND Stage='supporting' AND District='500113' AND ExecutionStatus='Running'`,
    );
    return runs.length === 1 && runs[0].status === 'Running' && runs[0].runId !== firstRun;
  });
  await expectOk(
    complete(c.enterprise.api, c.creditCode, 'QUARTERLY_REPORT', 'submit', quarterlyReport('2026Q3')),
  );
  await expectOk(complete(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW', 'continue', { comment: '继续' }));
  await tickQuarter(c, '2026Q4');
  await expectOk(
    complete(
      c.enterprise.api,
      c.creditCode,
      'QUARTERLY_REPORT',
      'submit',
      quarterlyReport('2026Q4', 45_000_000),
    ),
  );
  const review = await openTask(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW');
  await expectOk(c.industry.api.post(`/api/tasks/${review.id}/claim`));
  await expectOk(
    complete(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW', 'recommend_graduation', { comment: '倍增' }),
  );
  await expectOk(
    complete(c.coordinator.api, c.creditCode, 'GRADUATION_REVIEW', 'graduate', { reason: 'doubled' }),
  );

  const history: any[] = await expectOk(c.auditor.api.get(`/api/enterprises/${c.creditCode}/history`));
  const who = {
    nominator: c.districtOfficer.username,
    coordinator: c.coordinator.username,
    enterprise: c.enterprise.username,
    commissioner: c.commissioner.username,
    industry: c.industry.username,
  };
  const steps = history
    .filter((e) =>
      [
        'nominated',
        'task.completed',
        'task.claimed',
        'quarter.ticked',
        'lifecycle.continued',
        'lifecycle.ended',
      ].includes(e.action),
    )
    .map(step);
  expect(steps).toEqual([
    ['nominated', who.nominator, null, null],
    ['task.completed', who.coordinator, 'SCREEN', 'pass'],
    ['task.completed', who.nominator, 'DISTRICT_FEEDBACK', 'support'],
    ['task.completed', who.enterprise, 'ENTERPRISE_CONFIRM', 'confirm'],
    ['task.completed', who.coordinator, 'ADMIT', 'admit'],
    ['task.completed', who.commissioner, 'DIAGNOSE', 'submit'],
    ['quarter.ticked', 'system', null, '2026Q3'],
    ['lifecycle.continued', 'system', null, null],
    ['task.completed', who.enterprise, 'QUARTERLY_REPORT', 'submit'],
    ['task.completed', who.industry, 'QUARTERLY_REVIEW', 'continue'],
    ['quarter.ticked', 'system', null, '2026Q4'],
    ['lifecycle.continued', 'system', null, null],
    ['task.completed', who.enterprise, 'QUARTERLY_REPORT', 'submit'],
    ['task.claimed', who.industry, 'QUARTERLY_REVIEW', null],
    ['task.completed', who.industry, 'QUARTERLY_REVIEW', 'recommend_graduation'],
    ['task.completed', who.coordinator, 'GRADUATION_REVIEW', 'graduate'],
    ['lifecycle.ended', 'system', null, null],
  ]);
  // The data of each step is there: what the coordinator decided at admission, for one.
  expect(
    history.find((e) => e.data.taskType === 'ADMIT' && e.action === 'task.completed').data.data,
  ).toMatchObject({
    leadCluster: 'T2',
    commissioner: who.commissioner,
  });

  expect(history.filter((e) => e.action === 'stage.changed').map((e) => [e.data.to, e.actor])).toEqual([
    ['screening', who.nominator],
    ['feedback', who.coordinator],
    ['admission', who.enterprise],
    ['diagnosis', who.coordinator],
    ['supporting', who.commissioner],
    ['graduation_review', who.industry],
    ['graduated', who.coordinator],
  ]);

  // Every task the read model has was created once in the history, and every done one completed.
  const { rows: tasks } = await db().query(
    `SELECT id, type, status, completed_by FROM tasks WHERE credit_code = $1 ORDER BY created_at, id`,
    [c.creditCode],
  );
  const created = history.filter((e) => e.action === 'task.created');
  expect(created.map((e) => [e.data.taskId, e.data.taskType]).sort()).toEqual(
    tasks.map((t) => [t.id, t.type]).sort(),
  );
  expect(
    history
      .filter((e) => e.action === 'task.completed')
      .map((e) => [e.data.taskId, e.actor])
      .sort(),
  ).toEqual(
    tasks
      .filter((t) => t.status === 'done')
      .map((t) => [t.id, t.completed_by])
      .sort(),
  );
  // A task is created before it is completed, and time never runs backwards.
  for (const done of history.filter((e) => e.action === 'task.completed')) {
    expect(history.indexOf(created.find((e) => e.data.taskId === done.data.taskId))).toBeLessThan(
      history.indexOf(done),
    );
  }
  const times = history.map((e) => e.at);
  expect([...times].sort()).toEqual(times);
  expect(new Set(history.map((e) => e.runId)).size).toBe(3);

  // The audit log holds each transition once, with the same actors (written with the projection).
  const { rows: transitions } = await db().query(
    `SELECT actor, (data->>'seq')::int AS transition FROM audit_events
     WHERE credit_code = $1 AND action = 'workflow.transition' ORDER BY seq`,
    [c.creditCode],
  );
  const { rows: enterprise } = await db().query(
    `SELECT projection_seq FROM enterprises WHERE credit_code = $1`,
    [c.creditCode],
  );
  expect(transitions.map((t) => t.transition)).toEqual(
    Array.from({ length: enterprise[0].projection_seq }, (_, i) => i + 1),
  );
  // The first, the lifecycle's opening, by the nominator the workflow was started for.
  expect(transitions.filter((t) => t.actor !== 'system').map((t) => t.actor)).toEqual([
    who.nominator,
    who.coordinator,
    who.nominator,
    who.enterprise,
    who.coordinator,
    who.commissioner,
    who.enterprise,
    who.industry,
    who.enterprise,
    who.industry,
    who.industry,
    who.coordinator,
  ]);
});

it('includes earlier lifecycles: a rejection, then the re-nomination', async () => {
  const c = await createCast('500113', 'T2');
  await expectOk(
    c.districtOfficer.api.post('/api/nominations', nominationFor(c, { classOneIpCount: 0 })),
    201,
  );
  await expectOk(
    complete(c.coordinator.api, c.creditCode, 'SCREEN', 'reject', { reason: '缺少Ⅰ类知识产权' }),
  );
  await expectOk(c.enterprise.api.post('/api/nominations', nominationFor(c, { classOneIpCount: 2 })), 201);

  const history: any[] = await expectOk(c.coordinator.api.get(`/api/enterprises/${c.creditCode}/history`));
  expect(
    history
      .filter((e) => ['nominated', 'task.completed', 'task.created', 'lifecycle.ended'].includes(e.action))
      .map((e) => [e.lifecycleNo, ...step(e)]),
  ).toEqual([
    [1, 'nominated', c.districtOfficer.username, null, null],
    [1, 'task.created', 'system', 'SCREEN', null],
    [1, 'task.completed', c.coordinator.username, 'SCREEN', 'reject'],
    [1, 'lifecycle.ended', 'system', null, null],
    [2, 'nominated', c.enterprise.username, null, null],
    [2, 'task.created', 'system', 'SCREEN', null],
  ]);
  expect(history[0].data.nomination).toMatchObject({ creditCode: c.creditCode, classOneIpCount: 0 });
  expect(history.find((e) => e.action === 'lifecycle.ended').data).toEqual({
    stage: 'rejected',
    reason: '缺少Ⅰ类知识产权',
  });

  // Scoped like the enterprise itself: its own user sees it, another district's officer does not.
  expect((await c.enterprise.api.get(`/api/enterprises/${c.creditCode}/history`)).status).toBe(200);
  const stranger = await createUser('district_officer', { districts: ['500101'] });
  const refused = await stranger.api.get(`/api/enterprises/${c.creditCode}/history`);
  expect(refused.status).toBe(404);
  expect(refused.body.code).toBe('ENTERPRISE_NOT_FOUND');
});

it('names the enterprise that blew the whistle and the department that answered (企业吹哨·部门报到)', async () => {
  const c = await createCast('500113', 'T2');
  await driveToSupporting(c);
  const finance = await createUser('finance_officer', { department: 'finance' }, undefined, '财政局 陈科长');
  const { problemId } = await blowWhistleOnFirstProblem(c);
  await expectOk(
    complete(finance.api, c.creditCode, 'WHISTLE_RESPONSE', 'respond', {
      response: '本周放款',
      resolved: true,
    }),
  );

  const history: any[] = await expectOk(c.auditor.api.get(`/api/enterprises/${c.creditCode}/history`));
  const whistle = history.slice(history.findIndex((e) => e.action === 'whistle.blown'));
  expect(whistle.map(step)).toEqual([
    ['whistle.blown', c.enterprise.username, null, null],
    ['task.created', 'system', 'WHISTLE_RESPONSE', null],
    ['task.completed', finance.username, 'WHISTLE_RESPONSE', 'respond'],
    // "Resolved" asks the coordinators to close the problem out.
    ['task.created', 'system', 'PROBLEM_CLOSE', null],
  ]);
  expect(whistle[0]).toMatchObject({
    data: { problemId, title: '贷款审批停滞', actorRole: 'enterprise_user' },
    label: { zh: '企业吹哨：贷款审批停滞' },
  });
  expect(whistle[1].data.candidateGroups).toEqual(['department:finance']);
  // Officers read who by name; the system has none.
  expect(whistle.map((e) => e.actorName)).toEqual([c.enterprise.username, null, '财政局 陈科长', null]);
  // The enterprise reads the whistle going to the department in its own terms, not the officers'
  // 生成待办, and no officer's name.
  const own: any[] = await expectOk(c.enterprise.api.get(`/api/enterprises/${c.creditCode}/history`));
  const told = own.find((e) => e.action === 'task.created' && e.data.taskType === 'WHISTLE_RESPONSE');
  expect(told.label).toEqual({
    zh: '已通知责任部门报到',
    en: 'The responsible department was asked to respond',
  });
  // So does the close-out review the answer opened, and every officers' step before it.
  const closing = own.find((e) => e.action === 'task.created' && e.data.taskType === 'PROBLEM_CLOSE');
  expect(closing.label.zh).toBe('问题销号审核中');
  expect(JSON.stringify(own)).not.toMatch(/生成待办：(企业吹哨|问题销号|市级筛选|区县反馈)|财政局 陈科长/);
  const { rows } = await db().query(
    `SELECT actor FROM audit_events WHERE credit_code = $1 AND action = 'workflow.transition' ORDER BY seq DESC LIMIT 2`,
    [c.creditCode],
  );
  expect(rows.map((r) => r.actor)).toEqual([finance.username, c.enterprise.username]);
});
