import { Api } from '../test/support/api';
import { ADMIN } from '../test/support/cast';
import { db } from '../test/support/db';

/**
 * The pause before the next count: 19 × what the last one took, at least 250 ms, so the count keeps
 * one PostgreSQL backend busy at most a twentieth of the time (a fifth before) beside the system it
 * measures. Counting 5,000 members' tasks takes about 50 ms on a busy machine. The fan-out's end is
 * seen within one pause: about a second at 5,000 members, under 2% of the run.
 */
export function pollPauseMs(lastCountMs: number): number {
  return Math.max(250, 19 * lastCountMs);
}

/**
 * 一季一调度 at scale: triggers the quarterly dispatch (as an administrator does) and waits until
 * every member has its QUARTERLY_REPORT task in the inbox (read model), polling PostgreSQL.
 */
export async function measureFanout(creditCodes: string[], quarter: string) {
  // A session of its own: the one the casts were made with may have expired while the members
  // were prepared (a 5,000-member run's trigger got 401 after 33 minutes).
  const admin = await Api.login(ADMIN.username, ADMIN.password);
  const started = Date.now();
  const trigger = admin
    .post('/api/admin/quarterly-dispatch/trigger', { quarter })
    .then((reply) => ({ reply, seconds: (Date.now() - started) / 1000 }));
  let reported = 0;
  for (;;) {
    const counted = Date.now();
    const { rows } = await db().query(
      `SELECT count(*)::int AS n FROM tasks
       WHERE type = 'QUARTERLY_REPORT' AND quarter = $1 AND credit_code = ANY($2)`,
      [quarter, creditCodes],
    );
    reported = rows[0].n;
    if (reported >= creditCodes.length) break;
    if (Date.now() - started > 600_000)
      throw new Error(`fan-out: ${reported} of ${creditCodes.length} after 600 s`);
    await new Promise((r) => setTimeout(r, pollPauseMs(Date.now() - counted)));
  }
  const seconds = (Date.now() - started) / 1000;
  const { reply, seconds: answeredAfter } = await trigger;
  if (reply.status !== 201 && reply.status !== 200) {
    throw new Error(`trigger: ${reply.status} ${JSON.stringify(reply.body)}`);
  }
  // The trigger answers once every member is signalled; the tasks appear as lifecycles tick.
  return { members: creditCodes.length, seconds, triggerAnsweredSeconds: answeredAfter };
}
