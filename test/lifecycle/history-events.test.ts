import { createCast } from '../support/cast';
import { standardPathEvents } from '../support/history-events';
import { closeTemporal } from '../support/temporal';

afterAll(closeTemporal);

// Issue 21 item 4: what one transition costs in history events. Measured on the per-task timers
// (before the lifecycle-level deadline timer): 99 events for the standard path, 77 of them for its
// 8 completions (9.625 each), 9 TimerStarted and 8 TimerCanceled, 11 search-attribute upserts.
// The bounds hold today's figures, so any change that adds events per completion fails here;
// the deadline-timer change is to lower them (see the report of branch timers21).
it('counts the history events of the standard path, per completion and by type', async () => {
  const cast = await createCast('500113', 'T2');
  const path = await standardPathEvents(cast);
  console.log(JSON.stringify({ ...path, steps: path.steps.map((s) => [s.step, s.events]) }));
  expect(path.completions).toBe(8);
  expect(path.perCompletion).toBeLessThanOrEqual(9.625);
  expect(path.total).toBeLessThanOrEqual(99);
  expect(path.byType.TIMER_STARTED ?? 0).toBeLessThanOrEqual(9);
});
