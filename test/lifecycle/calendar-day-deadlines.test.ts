import { OFFICE_MORNING, parseDuration, shanghaiDate, shanghaiTime } from '@hardtech/domain';
import { createCast } from '../support/cast';
import { closeDb, db } from '../support/db';
import { expectOk, JUDGMENTS, nominationFor, openTask } from '../support/lifecycle';
import { activePolicy } from '../support/policy';
import { closeTemporal } from '../support/temporal';

// Calendar-day SLAs on the real stack (patch calendar-days-end-with-the-day): a task opened by a new
// lifecycle is due at the end of its N-th Shanghai day, counted from the day after it opened.
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

const DAY_MS = 86_400_000;

/** The Shanghai date `n` days after the Shanghai date of `at`. */
const dateAfter = (at: string, n: number) =>
  new Date(Date.parse(`${shanghaiDate(at)}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

it('opens tasks on whole-day SLAs due at 23:59:59 Shanghai of the last day, reminded and escalated from its 24:00 at 09:00', async () => {
  const { sla } = await activePolicy();
  const days = (due: unknown) => {
    const d = typeof due === 'string' ? parseDuration(due) : null;
    if (!d || d.hours || d.minutes || d.seconds || d.months || d.years)
      throw new Error(`not whole days: ${due}`);
    return d.weeks * 7 + d.days;
  };
  const cast = await createCast('500113', 'T2');
  await expectOk(cast.districtOfficer.api.post('/api/nominations', nominationFor(cast)), 201);

  const screen = await openTask(cast.coordinator.api, cast.creditCode, 'SCREEN');
  expect(shanghaiTime(screen.dueAt, 'second')).toBe(
    `${dateAfter(screen.createdAt, days(sla.SCREEN.due))} 23:59:59`,
  );
  const { rows } = await db().query(`SELECT due_at, remind_at, escalate_at FROM tasks WHERE id = $1`, [
    screen.id,
  ]);
  const dayEnd = Date.parse(screen.dueAt) + 1; // 24:00 of the last day
  const morning = OFFICE_MORNING.hour * 3_600_000; // whole days fall at 09:00, never at midnight
  expect(rows[0].due_at.toISOString()).toBe(screen.dueAt);
  expect(rows[0].remind_at.getTime()).toBe(
    Math.max(dayEnd - days(sla.SCREEN.remindBefore) * DAY_MS + morning, Date.parse(screen.createdAt)),
  );
  expect(rows[0].escalate_at.getTime()).toBe(dayEnd + days(sla.SCREEN.escalateAfter) * DAY_MS + morning);

  // A task opened by a completion (another activation of the run) follows the same rule.
  const r = await expectOk(
    cast.coordinator.api.post(`/api/tasks/${screen.id}/complete`, {
      outcome: 'pass',
      data: { judgments: JUDGMENTS },
    }),
  );
  const feedback = r.nextTasks.find((t: { type: string }) => t.type === 'DISTRICT_FEEDBACK');
  expect(shanghaiTime(feedback.dueAt, 'second')).toBe(
    `${dateAfter(feedback.createdAt, days(sla.DISTRICT_FEEDBACK.due))} 23:59:59`,
  );
});
