import { Api } from '../test/support/api';
import { ADMIN } from '../test/support/cast';
import { db } from '../test/support/db';

/**
 * 一季一调度 at scale: triggers the quarterly dispatch (as an administrator does) and waits until
 * every member has its QUARTERLY_REPORT task in the inbox (read model), polling PostgreSQL.
 */
/**
 * The pause before the next count: 4 × what the last one took, at least 100 ms. Counting 5,000
 * members' tasks takes PostgreSQL ~40 ms on a busy machine; counted every 50 ms, as before, it kept
 * one backend busy most of the time beside the system measured. Now at most a fifth of one, and
 * the fan-out's end is seen within one pause (well under a second).
 */
export function pollPauseMs(lastCountMs: number): number {
  return Math.max(100, 4 * lastCountMs);
}

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
