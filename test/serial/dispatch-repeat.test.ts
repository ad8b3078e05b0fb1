import { dispatchQuarterChoices } from '@hardtech/domain';
import { createCast, createUser } from '../support/cast';
import { db } from '../support/db';
import { driveToSupporting, tickQuarter } from '../support/drive';
import { eventually, expectOk } from '../support/lifecycle';

// A dispatch ticks every supporting member (global state): this file runs alone (test/serial).
// Dispatching again the quarter before the last ended one (allowed: dispatchQuarterChoices)
// announces nothing that was announced for that quarter already — the 调度会材料, a member's task
// notices to each of its people, their deliveries — and opens no task twice.
jest.setTimeout(120_000);

const announced = async (codes: string[]) => ({
  notifications: (
    await db().query(
      `SELECT id, kind, created_at FROM notifications
        WHERE credit_code = ANY($1) OR kind = 'briefing' ORDER BY id`,
      [codes],
    )
  ).rows,
  deliveries: (
    await db().query(
      `SELECT d.notification_id, d.channel, d.target FROM notification_deliveries d
         JOIN notifications n ON n.id = d.notification_id
        WHERE n.credit_code = ANY($1) OR n.kind = 'briefing' ORDER BY 1, 2, 3`,
      [codes],
    )
  ).rows,
  tasks: (
    await db().query(`SELECT id, type, quarter FROM tasks WHERE credit_code = ANY($1) ORDER BY id`, [codes])
  ).rows,
});

/**
 * Waits until the outbox has swept every task of the members: their notices are written then, a
 * while after the task opened (on a loaded machine an enterprise's notice of a step before the
 * dispatch came after the first snapshot, and read as the second dispatch's).
 */
const swept = (codes: string[]) =>
  eventually(async () => {
    const { rows } = await db().query(
      `SELECT count(*) FILTER (WHERE o.swept_at IS NULL)::int AS waiting
         FROM task_notice_outbox o JOIN tasks t ON t.id = o.task_id WHERE t.credit_code = ANY($1)`,
      [codes],
    );
    return rows[0].waiting === 0;
  }, 30_000);

it('dispatching the quarter before the last ended one again notifies nobody again and opens no task twice', async () => {
  const coordinator = await createUser('city_coordinator', {});
  const [last, before] = dispatchQuarterChoices(new Date());
  // One member had the older quarter's report already (ticked then), one was admitted since.
  const [had, since] = await Promise.all([createCast(), createCast('500113')]);
  await Promise.all([driveToSupporting(had), driveToSupporting(since)]);
  await tickQuarter(had, before);
  const codes = [had.creditCode, since.creditCode];
  // The tasks' notices are written by the outbox's sweep a while after they opened.
  await eventually(async () =>
    (await announced(codes)).notifications.some((n: { kind: string }) => n.kind === 'task_opened'),
  );
  await swept(codes);

  const dispatch = (quarter: string) =>
    expectOk(coordinator.api.post('/api/admin/quarterly-dispatch/trigger', { quarter }));
  await dispatch(before);
  await swept(codes);
  const first = await announced(codes);
  // Its 调度会材料 (briefing:<quarter>) is announced by the first dispatch that ran it.
  expect(first.notifications.some((n: { id: string }) => n.id.startsWith(`briefing:${before}`))).toBe(true);

  await dispatch(before);
  await new Promise((r) => setTimeout(r, 3_000)); // an outbox sweep's time
  expect(await announced(codes)).toEqual(first);

  // The last ended quarter, then the older one once more: the older one still adds nothing.
  await dispatch(last);
  // The member admitted since has the last quarter's report now, its notices once the sweep came.
  const report = await eventually(
    async () =>
      (await announced(codes)).tasks.find(
        (t: { type: string; quarter: string }) => t.type === 'QUARTERLY_REPORT' && t.quarter === last,
      ) as { id: string } | undefined,
  );
  await eventually(async () =>
    (await announced(codes)).notifications.some((n: { id: string }) =>
      n.id.startsWith(`task_opened:${report.id}:`),
    ),
  );
  await swept(codes);
  const afterLast = await announced(codes);
  await dispatch(before);
  await new Promise((r) => setTimeout(r, 3_000));
  expect(await announced(codes)).toEqual(afterLast);
});
