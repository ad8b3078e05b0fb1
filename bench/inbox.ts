import { Actor } from '@hardtech/domain';
import { createUser } from '../test/support/cast';
import { db } from '../test/support/db';
import { FIRST_PAGE, listStatements } from '../test/support/list-statements';
import { timed } from './stats';

/**
 * Times `GET /api/tasks` of a district officer and, alternately, its floor `GET /api/me` (an
 * authenticated request that reads one row: the session), `samples` each, one request at a time:
 * taken in turns, both see the same machine.
 */
export async function measureInbox(district: string, samples: number) {
  const officer = await createUser('district_officer', { districts: [district] });
  const get = async () => {
    const r = await officer.api.get('/api/tasks');
    if (r.status !== 200) throw new Error(`inbox: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.total as number;
  };
  const me = async () => {
    const r = await officer.api.get('/api/me');
    if (r.status !== 200) throw new Error(`me: ${r.status} ${JSON.stringify(r.body)}`);
  };
  for (let i = 0; i < 20; i++) await get().then(me); // warm-up: connections, plans, caches
  const samplesMs: number[] = [];
  const meMs: number[] = [];
  let total = 0;
  for (let i = 0; i < samples; i++) {
    const { ms, value } = await timed(get);
    samplesMs.push(ms);
    total = value;
    meMs.push((await timed(me)).ms);
  }
  const actor: Actor = {
    username: officer.username,
    role: 'district_officer',
    scope: { districts: [district] },
  };
  return { samplesMs, meMs, inboxTotal: total, plans: await queryPlans(actor) };
}

/** EXPLAIN ANALYZE of the very statements the API runs for that inbox (list-statements.ts). */
async function queryPlans(actor: Actor): Promise<{ sql: string; plan: string }[]> {
  const plans = [];
  for (const { sql, params } of await listStatements(actor, FIRST_PAGE)) {
    const { rows } = await db().query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    plans.push({ sql, plan: rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n') });
  }
  return plans;
}
