import { createCast, tag } from '../support/cast';
import { db } from '../support/db';
import { eventually, expectOk } from '../support/lifecycle';
import { keepPolicy } from '../support/policy';
import { startLifecycle } from '../support/short-runs';
import { kill, startWorker } from '../support/worker-process';

// Issue 5: a worker stopped while a timer is pending and restarted after it should have fired —
// the reminder still arrives, once. Durable timers live in the Temporal server, not the worker.
const policy = keepPolicy();

it('sends the reminder and the escalation once each after a worker that missed them comes back', async () => {
  const taskQueue = `restart-${tag()}`;
  await expectOk(
    policy.coordinator.put('/api/admin/policy', {
      ...policy.original,
      sla: { ...policy.original.sla, SCREEN: { due: 'PT6S', remindBefore: 'PT3S', escalateAfter: 'PT2S' } },
    }),
  );
  let worker = startWorker(taskQueue);
  await worker.ready;

  const c = await createCast();
  const { handle, view } = await startLifecycle(c, { taskQueue });
  const taskId = view.openTasks[0].id;

  await kill(worker.process); // the lifecycle's deadline timer (3 s) is pending in the server
  await new Promise((r) => setTimeout(r, 10_000));
  const sent = async () =>
    (
      await db().query(
        `SELECT kind FROM notifications WHERE task_id = $1 AND kind <> 'task_opened' ORDER BY created_at`,
        [taskId],
      )
    ).rows;
  expect(await sent()).toEqual([]); // nobody to send them while the worker is down

  worker = startWorker(taskQueue);
  await worker.ready;
  try {
    await eventually(async () => (await sent()).length === 2, 20_000);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await sent()).toEqual([{ kind: 'reminder' }, { kind: 'escalation' }]);
    // One deadline timer per lifecycle (issue 21): its one wake, late, finds both steps due and does
    // each once; nothing is left to arm (per-task timers fired twice here).
    const history = await handle.fetchHistory();
    const events = history.events ?? [];
    const count = (has: (e: (typeof events)[number]) => unknown) => events.filter(has).length;
    expect([count((e) => e.timerStartedEventAttributes), count((e) => e.timerFiredEventAttributes)]).toEqual([
      1, 1,
    ]);
  } finally {
    await kill(worker.process, 'SIGTERM');
    await handle.terminate('test over');
  }
});
