import { UPDATE_PATIENCE_MS } from '@hardtech/temporal';
import { createCast, tag } from '../support/cast';
import { db } from '../support/db';
import { expectOk, nominationFor, openTask } from '../support/lifecycle';
import { startLifecycle } from '../support/short-runs';
import { kill, starve, startWorker } from '../support/worker-process';

jest.setTimeout(180_000);

// bulk-keyed: a bulk 催办 of two tasks, one in a lifecycle whose worker is starved (its activations
// time out, as in isolate-timeout.test.ts). Before, that row waited Temporal's 20–40 s and was a 500,
// and the bulk sent again urged the other task twice (429). Now: that row is 503
// WORKFLOW_TASK_RETRYING after the 10 s patience, the other is urged; sent again with the key once a
// worker recovers, both are answered ok, each task urged once.
it('answers the stalled row of a keyed bulk 503 WORKFLOW_TASK_RETRYING, and the same key urges each task once', async () => {
  const taskQueue = `bulk-isolate-${tag()}`;
  let worker = startWorker(taskQueue);
  await worker.ready;
  const stalled = await createCast();
  const { handle } = await startLifecycle(stalled, { taskQueue });
  const a = await openTask(stalled.coordinator.api, stalled.creditCode, 'SCREEN');
  const healthy = await createCast();
  await expectOk(healthy.districtOfficer.api.post('/api/nominations', nominationFor(healthy)), 201);
  const b = await openTask(healthy.coordinator.api, healthy.creditCode, 'SCREEN');
  await kill(worker.process, 'SIGTERM');
  worker = startWorker(taskQueue, { WORKER_ACTIVATION_TIMEOUT_MS: '200' });
  await worker.ready;
  const starved = starve(worker.process);

  const officer = stalled.districtOfficer.api;
  const urge = (taskIds: string[]) =>
    officer.post(
      '/api/tasks/bulk',
      { action: 'urge', taskIds, reason: '请尽快' },
      { 'idempotency-key': `bulk-urge-${a.id}` },
    );
  const urges = async (id: string) =>
    (await db().query(`SELECT count(*)::int AS n FROM task_urges WHERE task_id = $1`, [id])).rows[0].n;
  try {
    const sent = Date.now();
    const first = await expectOk(urge([a.id, b.id]));
    const seconds = (Date.now() - sent) / 1000;
    console.log(`bulk with one stalled row answered in ${seconds} s`);
    expect(seconds).toBeLessThan(UPDATE_PATIENCE_MS / 1000 + 8);
    expect(first.results.map((r: any) => [r.taskId, r.ok, r.status, r.code])).toEqual([
      [a.id, false, 503, 'WORKFLOW_TASK_RETRYING'],
      [b.id, true, 200, undefined],
    ]);
    expect([await urges(a.id), await urges(b.id)]).toEqual([0, 1]);

    // A healthy worker takes over; the bulk is sent again with its key until the row is answered.
    starved.stop();
    await kill(worker.process);
    worker = startWorker(taskQueue);
    await worker.ready;
    let again = await expectOk(urge([a.id, b.id]));
    for (const deadline = Date.now() + 60_000; again.results[0].status === 503 && Date.now() < deadline;) {
      expect(again.results[0].code).toBe('WORKFLOW_TASK_RETRYING');
      await new Promise((r) => setTimeout(r, 2000));
      again = await expectOk(urge([a.id, b.id]));
    }
    expect(again).toMatchObject({ succeeded: 2, failed: 0 });
    // The urged row answers its first result (not 429 URGE_TOO_SOON): the first urge's time. Who
    // was told is read from its audience when answered, which other files running beside this one
    // add coordinators to (the full run: 3 more). Each task urged once.
    expect(again.results[1]).toMatchObject({ taskId: b.id, ok: true, status: 200 });
    expect(again.results[1].result.urgeableAt).toBe(first.results[1].result.urgeableAt);
    expect([await urges(a.id), await urges(b.id)]).toEqual([1, 1]);
  } finally {
    starved.stop();
    await kill(worker.process);
    await handle.terminate('test over').catch(() => undefined);
  }
});
