import { createCast } from '../support/cast';
import { standardPathEvents } from '../support/history-events';
import { closeTemporal } from '../support/temporal';

afterAll(closeTemporal);

// Issue 21 item 4: what one transition costs in history events. With a timer per task (before
// patch lifecycle-deadline-timer) the standard path took 99 events, 77 for its 8 completions (9.625
// each), 9 TimerStarted and 8 TimerCanceled. With the one deadline timer: 81 events, 60 for the
// completions (7.5 each), 1 TimerStarted, none cancelled. Since the nomination carries the policy
// (issue 21.4): 80, the first run reads it in no local activity (one marker less), and the patch
// marker the first completion recorded (with its TemporalChangeVersion upsert) is recorded at the
// nomination instead: 58 for the completions (7.25 each). With the nomination one Update-with-Start,
// its awaitOpened Update is answered by the run's first workflow task: 77, the nomination 13 (16,
// and 14 before the policy was carried). With the patches decided at a run's start (patch
// lifecycle-patches-at-run-start: one marker and one TemporalChangeVersion upsert a run, not one of
// each per patch): 73, the nomination 11, 56 for the completions (7.0 each). Calendar-day deadlines
// ending with the day (patch calendar-days-end-with-the-day, a run-start patch of its own: its marker
// and upsert at the nomination) add 2 a run: 75, the nomination 13, the completions unchanged. Its
// roll past rest days (calendar-days-roll-past-rest-days) implies it and is asked instead: still one
// marker, 75. The code before the one timer fails every bound below.
it('counts the history events of the standard path, per completion and by type', async () => {
  const cast = await createCast('500113', 'T2');
  const path = await standardPathEvents(cast);
  console.log(JSON.stringify({ ...path, steps: path.steps.map((s) => [s.step, s.events]) }));
  expect(path.completions).toBe(8);
  expect(path.perCompletion).toBeLessThanOrEqual(7.0);
  expect(path.total).toBeLessThanOrEqual(75);
  expect(path.steps[0]).toMatchObject({ step: 'nominate', events: 13 });
  expect(path.byType.TIMER_STARTED ?? 0).toBe(1);
  expect(path.byType.TIMER_CANCELED ?? 0).toBe(0);
});
