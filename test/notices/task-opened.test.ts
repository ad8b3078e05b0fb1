import { Api } from '../support/api';
import { adminApi, Cast, createCast, createUser, tag } from '../support/cast';
import { closeDb, db } from '../support/db';
import { driveToSupporting, tickQuarter } from '../support/drive';
import {
  complete,
  eventually,
  expectOk,
  JUDGMENTS,
  nominationFor,
  openTask,
  quarterlyReport,
} from '../support/lifecycle';
import { nominateWithShortRuns, startLifecycle } from '../support/short-runs';
import { closeTemporal, lifecycles } from '../support/temporal';
import { kill, startWorker } from '../support/worker-process';

// Issue 18 §1: when a task opens, its assignee, else each candidate, is told once — in
// GET /api/notifications and on their channels — also across retries, restarts and continue-as-new.
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

/** The caller's new-task notices about one enterprise, oldest first. */
async function noticesOf(api: Api, creditCode: string): Promise<any[]> {
  const feed = await expectOk(api.get('/api/notifications?pageSize=100'));
  return feed.items.filter((n: any) => n.kind === 'task_opened' && n.creditCode === creditCode).reverse();
}

/** Who was told of a task, each as often as they were. */
async function toldOf(taskId: string): Promise<string[]> {
  const { rows } = await db().query(
    `SELECT username FROM notifications WHERE task_id = $1 AND kind = 'task_opened' ORDER BY username`,
    [taskId],
  );
  return rows.map((r) => r.username);
}

/** Waits until the outbox holds no unswept row for the tasks. */
async function swept(taskIds: string[]): Promise<void> {
  await eventually(async () => {
    const { rows } = await db().query(
      `SELECT count(*)::int AS queued, count(swept_at)::int AS swept FROM task_notice_outbox WHERE task_id = ANY($1)`,
      [taskIds],
    );
    return rows[0].queued === taskIds.length && rows[0].swept === taskIds.length;
  }, 30_000);
}

it('tells every active city coordinator once of a new SCREEN task, and nobody else', async () => {
  const c = await createCast();
  const away = await createUser('city_coordinator', {});
  await expectOk((await adminApi()).patch(`/api/users/${away.username}`, { active: false }));
  const coordinatorsBefore = await activeCoordinators();
  await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
  const task = await eventually(() => openTask(c.coordinator.api, c.creditCode, 'SCREEN'));
  await swept([task.id]);

  const told = await toldOf(task.id);
  expect(new Set(told).size).toBe(told.length);
  expect(told).toEqual(expect.arrayContaining(coordinatorsBefore));
  const coordinatorsAfter = await activeCoordinators();
  expect(told.filter((u) => !coordinatorsAfter.includes(u))).toEqual([]); // candidates only
  expect(told).not.toContain(away.username);

  const [notice] = await noticesOf(c.coordinator.api, c.creditCode);
  expect(await noticesOf(c.coordinator.api, c.creditCode)).toHaveLength(1);
  expect(notice).toMatchObject({
    kind: 'task_opened',
    taskId: task.id,
    taskType: 'SCREEN',
    creditCode: c.creditCode,
    enterpriseName: task.enterpriseName,
    dueAt: task.dueAt,
    read: false,
    text: { zh: expect.stringContaining('【新待办】'), en: expect.stringContaining('New task') },
  });
  expect(notice.taskOpen).toBe(true);
  expect(await noticesOf(c.districtOfficer.api, c.creditCode)).toEqual([]);
  expect(await noticesOf(c.enterprise.api, c.creditCode)).toEqual([]);

  // Done, the notice asks nothing more of anyone: read, its task closed, out of the unread list.
  await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
  const [settled] = await noticesOf(c.coordinator.api, c.creditCode);
  expect(settled).toMatchObject({ id: notice.id, read: true, taskOpen: false, taskStatus: 'done' });
  const unread = await expectOk(c.coordinator.api.get('/api/notifications?unread=true&pageSize=100'));
  expect(unread.items.map((n: { id: string }) => n.id)).not.toContain(notice.id);

  // 撤回 of SCREEN cancels the feedback it opened: the district's notice says cancelled, not done.
  const feedback = await eventually(
    async () => (await noticesOf(c.districtOfficer.api, c.creditCode))[0],
    30_000,
  );
  expect(feedback).toMatchObject({ taskType: 'DISTRICT_FEEDBACK', taskOpen: true, taskStatus: 'open' });
  await expectOk(c.coordinator.api.post(`/api/tasks/${task.id}/withdraw`, {}));
  const [withdrawn] = await noticesOf(c.districtOfficer.api, c.creditCode);
  expect(withdrawn).toMatchObject({ id: feedback.id, read: true, taskOpen: false, taskStatus: 'cancelled' });
});

it('tells the enterprise of its confirmation and of each quarter’s report, and the commissioner of the diagnosis', async () => {
  const c = await createCast();
  await driveToSupporting(c);
  await tickQuarter(c, '2026Q3');
  await expectOk(
    complete(c.enterprise.api, c.creditCode, 'QUARTERLY_REPORT', 'submit', quarterlyReport('2026Q3')),
  );
  await expectOk(complete(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW', 'continue', { comment: '继续' }));
  await tickQuarter(c, '2026Q4');
  const second = await openTask(c.enterprise.api, c.creditCode, 'QUARTERLY_REPORT');
  await swept([second.id]);

  const mine = await noticesOf(c.enterprise.api, c.creditCode);
  expect(mine.map((n) => n.taskType)).toEqual(['ENTERPRISE_CONFIRM', 'QUARTERLY_REPORT', 'QUARTERLY_REPORT']);
  expect(new Set(mine.map((n) => n.taskId)).size).toBe(3);
  expect(mine[2].taskId).toBe(second.id);
  const diagnosis = await noticesOf(c.commissioner.api, c.creditCode);
  expect(diagnosis.map((n) => n.taskType)).toEqual(['DIAGNOSE']);
  // The review is the lead cluster's officers' task: the enterprise is never told of it.
  expect((await noticesOf(c.industry.api, c.creditCode)).map((n) => n.taskType)).toEqual([
    'QUARTERLY_REVIEW',
  ]);
});

it('tells the enterprise its report was sent back (退回) and why, not who sent it back', async () => {
  const c = await createCast();
  await driveToSupporting(c);
  await tickQuarter(c, '2026Q3');
  await expectOk(
    complete(c.enterprise.api, c.creditCode, 'QUARTERLY_REPORT', 'submit', quarterlyReport('2026Q3')),
  );
  const review = await openTask(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW');
  const back = await expectOk(
    c.industry.api.post(`/api/tasks/${review.id}/return`, { reason: '研发费用与报表不符，请核对' }),
  );
  const reopened = back.nextTasks[0];
  await swept([reopened.id]);

  const notice = (await noticesOf(c.enterprise.api, c.creditCode)).find((n) => n.taskId === reopened.id);
  expect(notice.text.zh).toContain('【退回重办】');
  expect(notice.text.zh).toContain('研发费用与报表不符，请核对');
  expect(notice.text.en).toContain('Sent back');
  expect(JSON.stringify(notice)).not.toContain(c.industry.username);
  // A first report's notice is still a new task's.
  const first = (await noticesOf(c.enterprise.api, c.creditCode)).find(
    (n) => n.taskType === 'QUARTERLY_REPORT' && n.taskId !== reopened.id,
  );
  expect(first.text.zh).toContain('【新待办】');
});

it('tells once of a task carried over a continue-as-new', async () => {
  const c = await createCast();
  await nominateWithShortRuns(c);
  await driveToSupporting(c, { nominated: true });
  await tickQuarter(c, '2026Q3'); // the run continues as new with the report open
  const report = await openTask(c.enterprise.api, c.creditCode, 'QUARTERLY_REPORT');
  await swept([report.id]);
  expect(await toldOf(report.id)).toEqual([c.enterprise.username]);
});

it('duplicates no notice when the worker is killed in the middle of a quarter’s fan-out', async () => {
  const taskQueue = `notices-${tag()}`;
  let worker = startWorker(taskQueue);
  await worker.ready;
  const casts: Cast[] = [];
  try {
    for (let i = 0; i < 3; i++) casts.push(await createCast());
    await Promise.all(casts.map((c) => startLifecycle(c, { taskQueue })));
    await Promise.all(casts.map((c) => driveToSupporting(c, { nominated: true })));

    const client = await lifecycles();
    await Promise.all(
      casts.map((c) =>
        client.tickQuarter(c.creditCode, { quarter: '2026Q3', dispatchId: `kill-${taskQueue}` }),
      ),
    );
    // Killed as soon as the first report task is projected, while the others' ticks are in flight.
    await eventually(async () => {
      const { rows } = await db().query(
        `SELECT 1 FROM tasks WHERE type = 'QUARTERLY_REPORT' AND credit_code = ANY($1) LIMIT 1`,
        [casts.map((c) => c.creditCode)],
      );
      return rows.length > 0;
    }, 30_000);
    await kill(worker.process);
    worker = startWorker(taskQueue);
    await worker.ready;
    const reports = await Promise.all(
      casts.map((c) =>
        eventually(() => openTask(c.enterprise.api, c.creditCode, 'QUARTERLY_REPORT'), 30_000),
      ),
    );
    await swept(reports.map((r) => r.id));
    for (const [i, c] of casts.entries())
      expect(await toldOf(reports[i].id)).toEqual([c.enterprise.username]);

    // A sweep whose mark was lost (its transaction committed, the worker died before it knew)
    // runs again: the unique (task, person, kind) keeps every notice single.
    await db().query(`UPDATE task_notice_outbox SET swept_at = NULL WHERE task_id = ANY($1)`, [
      reports.map((r) => r.id),
    ]);
    await swept(reports.map((r) => r.id));
    for (const [i, c] of casts.entries()) {
      expect(await toldOf(reports[i].id)).toEqual([c.enterprise.username]);
      expect((await noticesOf(c.enterprise.api, c.creditCode)).map((n) => n.taskType)).toEqual([
        'ENTERPRISE_CONFIRM',
        'QUARTERLY_REPORT',
      ]);
    }
    // Out of supporting before their worker goes: the dispatch's tests query every member.
    for (const c of casts) await graduate(c).catch(async (e) => Promise.reject(await explained(e, c)));
  } finally {
    await kill(worker.process, 'SIGTERM');
  }
}, 180_000);

async function graduate(c: Cast): Promise<void> {
  await expectOk(
    complete(c.enterprise.api, c.creditCode, 'QUARTERLY_REPORT', 'submit', quarterlyReport('2026Q3')),
  );
  await expectOk(
    complete(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW', 'recommend_graduation', { comment: '倍增' }),
  );
  await expectOk(
    complete(c.coordinator.api, c.creditCode, 'GRADUATION_REVIEW', 'graduate', { reason: 'doubled' }),
  );
}

/** A failure with what the inbox and the workflow each held, so a rare one can be read from CI's log. */
async function explained(e: Error, c: Cast): Promise<Error> {
  const { rows: tasks } = await db().query(
    `SELECT id, type, status, result FROM tasks WHERE credit_code = $1 ORDER BY created_at`,
    [c.creditCode],
  );
  const { rows: repairs } = await db().query(
    `SELECT action, data FROM audit_events WHERE credit_code = $1 AND action LIKE 'readmodel.%' ORDER BY seq`,
    [c.creditCode],
  );
  const view = await (await lifecycles()).state(c.creditCode);
  const open = view.openTasks.map((t) => ({ id: t.id, type: t.type }));
  const held = { transitions: view.transitions, open, inbox: tasks, repairs };
  return new Error(`${e.message}\n${JSON.stringify(held, null, 1)}`);
}

async function activeCoordinators(): Promise<string[]> {
  const { rows } = await db().query(
    `SELECT username FROM users WHERE role = 'city_coordinator' AND active ORDER BY username`,
  );
  return rows.map((r) => r.username);
}
