import { reviewYearChoices, shanghaiDate } from '@hardtech/domain';
import { createUser } from '../support/cast';
import { db } from '../support/db';

// The trigger takes the years the policy page offers (reviewYearChoices: this year and last) and
// refuses, 422 with the years it takes, the four-digit years the page never offers; nothing runs.
const annualTasks = async (): Promise<number> =>
  (await db().query(`SELECT count(*)::int AS n FROM tasks WHERE type = 'ANNUAL_UPDATE'`)).rows[0].n;

it('refuses, 422 REVIEW_YEAR_NOT_OFFERED, a year the policy page does not offer', async () => {
  const coordinator = await createUser('city_coordinator', {});
  const choices = reviewYearChoices(shanghaiDate(new Date()));
  const [thisYear] = choices;
  const before = await annualTasks();
  for (const year of [thisYear + 1, thisYear - 2, 2023]) {
    if (choices.includes(year)) continue;
    const r = await coordinator.api.post(`/api/admin/annual-review/trigger?year=${year}`, {});
    expect([r.status, r.body.code]).toEqual([422, 'REVIEW_YEAR_NOT_OFFERED']);
    expect(r.body.details).toEqual([expect.objectContaining({ field: 'year' })]);
    expect(r.body.message).toContain(String(thisYear));
    const body = await coordinator.api.post('/api/admin/annual-review/trigger', { year });
    expect([body.status, body.body.code]).toEqual([422, 'REVIEW_YEAR_NOT_OFFERED']);
  }
  // Not a year at all stays a 400.
  const malformed = await coordinator.api.post('/api/admin/annual-review/trigger?year=20x6', {});
  expect([malformed.status, malformed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  expect(await annualTasks()).toBe(before);
});
