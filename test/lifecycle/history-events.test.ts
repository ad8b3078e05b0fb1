import { createCast } from '../support/cast';
import { standardPathEvents } from '../support/history-events';
import { closeTemporal } from '../support/temporal';

afterAll(closeTemporal);

// Issue 21 item 4: what one transition costs in history events. With a timer per task (before
// patch lifecycle-deadline-timer) the standard path took 99 events, 77 for its 8 completions (9.625
// each), 9 TimerStarted and 8 TimerCanceled. With the one deadline timer: 81 events, 60 for the
// completions (7.5 each), 1 TimerStarted, none cancelled. With the patches decided at a run's start
// (patch lifecycle-patches-at-run-start: one marker and one TemporalChangeVersion upsert a run, not
// one of each per patch): 74 events, 56 for the completions (7.0 each). The old code fails every
// bound below.
it('counts the history events of the standard path, per completion and by type', async () => {
  const cast = await createCast('500113', 'T2');
  const path = await standardPathEvents(cast);
  console.log(JSON.stringify({ ...path, steps: path.steps.map((s) => [s.step, s.events]) }));
  expect(path.completions).toBe(8);
  expect(path.perCompletion).toBeLessThanOrEqual(7.0);
  expect(path.total).toBeLessThanOrEqual(74);
  expect(path.byType.TIMER_STARTED ?? 0).toBe(1);
  expect(path.byType.TIMER_CANCELED ?? 0).toBe(0);
});
