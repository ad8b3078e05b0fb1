import {
  OFFICE_MORNING,
  parseDuration,
  SHANGHAI_OFFSET_MS,
  shanghaiDate,
  shanghaiTime,
  WorkCalendar,
  workingDayOnOrAfter,
} from '@hardtech/domain';
import { dateAfter, workCalendar } from '../support/calendar';
import { createCast } from '../support/cast';
import { closeDb, db } from '../support/db';
import { expectOk, JUDGMENTS, nominationFor, openTask } from '../support/lifecycle';
import { activePolicy } from '../support/policy';
import { startBeforeHolidays } from '../support/short-runs';
import { closeTemporal } from '../support/temporal';

// Calendar-day SLAs on the real stack (patches calendar-days-end-with-the-day and
// calendar-days-roll-past-rest-days): a task opened by a new lifecycle is due at the end of its N-th
// Shanghai day, counted from the day after it opened, or of the first working day after it when
// that day is a rest day; whole-day reminders and escalations come at 09:00 of a working day.
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

const DAY_MS = 86_400_000;

/** 09:00 Shanghai of the first working day on or after `date`, as epoch milliseconds. */
const morningOf = (date: string, cal: WorkCalendar) =>
  Date.parse(`${workingDayOnOrAfter(date, cal)}T00:00:00Z`) -
  SHANGHAI_OFFSET_MS +
  OFFICE_MORNING.hour * 3_600_000;

const days = (due: unknown) => {
  const d = typeof due === 'string' ? parseDuration(due) : null;
  if (!d || d.hours || d.minutes || d.seconds || d.months || d.years)
    throw new Error(`not whole days: ${due}`);
  return d.weeks * 7 + d.days;
};

async function deadlinesOf(taskId: string): Promise<{ remindAt: number; dueAt: string; escalateAt: number }> {
  const { rows } = await db().query(`SELECT due_at, remind_at, escalate_at FROM tasks WHERE id = $1`, [
    taskId,
  ]);
  return {
    dueAt: rows[0].due_at.toISOString(),
    remindAt: rows[0].remind_at.getTime(),
    escalateAt: rows[0].escalate_at.getTime(),
  };
}

it('opens tasks on whole-day SLAs due at 23:59:59 Shanghai of the last working day, reminded and escalated at 09:00 of working days', async () => {
  const { sla } = await activePolicy();
  const cast = await createCast('500113', 'T2');
  const cal = await workCalendar(cast.coordinator.api);
  await expectOk(cast.districtOfficer.api.post('/api/nominations', nominationFor(cast)), 201);

  const screen = await openTask(cast.coordinator.api, cast.creditCode, 'SCREEN');
  const lastDay = workingDayOnOrAfter(dateAfter(screen.createdAt, days(sla.SCREEN.due)), cal);
  expect(shanghaiTime(screen.dueAt, 'second')).toBe(`${lastDay} 23:59:59`);
  const d = await deadlinesOf(screen.id);
  expect(d.dueAt).toBe(screen.dueAt);
  // Counted from the 24:00 of the last day (the due plus one millisecond), never at midnight.
  expect(d.remindAt).toBe(
    Math.max(
      morningOf(dateAfter(lastDay, 1 - days(sla.SCREEN.remindBefore)), cal),
      Date.parse(screen.createdAt),
    ),
  );
  expect(d.escalateAt).toBe(morningOf(dateAfter(lastDay, 1 + days(sla.SCREEN.escalateAfter)), cal));

  // A task opened by a completion (another activation of the run) follows the same rule.
  const r = await expectOk(
    cast.coordinator.api.post(`/api/tasks/${screen.id}/complete`, {
      outcome: 'pass',
      data: { judgments: JUDGMENTS },
    }),
  );
  const feedback = r.nextTasks.find((t: { type: string }) => t.type === 'DISTRICT_FEEDBACK');
  const feedbackDay = workingDayOnOrAfter(
    dateAfter(feedback.createdAt, days(sla.DISTRICT_FEEDBACK.due)),
    cal,
  );
  expect(shanghaiTime(feedback.dueAt, 'second')).toBe(`${feedbackDay} 23:59:59`);
});

it('rolls a task whose last day is a holiday to the end of the first working day after the holidays', async () => {
  const cast = await createCast('500113', 'T2');
  // SCREEN P1D: its last day, tomorrow, is the first of three holidays the carried calendar has.
  const { view, holidays } = await startBeforeHolidays(cast);
  const screen = view.openTasks.find((t) => t.type === 'SCREEN')!;
  const cal = { holidays, workdays: [] };
  const counted = dateAfter(screen.createdAt, 1);
  const lastDay = workingDayOnOrAfter(counted, cal);
  expect(holidays).toContain(counted); // the day it would have ended
  expect(lastDay > holidays[2]).toBe(true);
  expect(shanghaiTime(screen.dueAt, 'second')).toBe(`${lastDay} 23:59:59`);
  const d = await deadlinesOf(screen.id);
  expect(d.dueAt).toBe(screen.dueAt);
  // P3D before and P1D after its 24:00, each at 09:00 of a working day: the reminder not at once.
  expect(d.remindAt).toBe(morningOf(dateAfter(lastDay, -2), cal));
  expect(d.remindAt).toBeGreaterThan(Date.parse(screen.createdAt) + DAY_MS);
  expect(shanghaiDate(new Date(d.remindAt))).not.toMatch(new RegExp(holidays.join('|')));
  expect(d.escalateAt).toBe(morningOf(dateAfter(lastDay, 2), cal));
});
