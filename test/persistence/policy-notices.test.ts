import { loadConfig } from '@hardtech/config';
import { POLICY_CHANNEL, PolicyChanges } from '@hardtech/persistence';
import { closeDb, db } from '../support/db';

/**
 * The policy cache's notices (issue 21.4) after their connection is lost: PostgreSQL restarted,
 * a proxy cut it, an operator terminated it. Until it is back nobody may trust a cache; once back,
 * a change made meanwhile must not be missed and later notices must arrive again.
 */

const LISTENERS = `SELECT pid FROM pg_stat_activity
  WHERE datname = current_database() AND query = 'LISTEN ${POLICY_CHANNEL}'`;

async function listenerPids(): Promise<number[]> {
  const { rows } = await db().query<{ pid: number }>(LISTENERS);
  return rows.map((r) => r.pid);
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('policy change notices survive a lost connection', () => {
  const changes = new PolicyChanges(loadConfig());
  afterAll(async () => {
    await changes.onApplicationShutdown();
    await closeDb();
  });

  it('stops trusting the cache, listens again, and delivers the next notice', async () => {
    // The test stack's API and worker listen on the same database: ours is the new connection.
    const before = new Set(await listenerPids());
    changes.onApplicationBootstrap();
    await until('listening', () => changes.listening);
    const ours = await until('our LISTEN connection', async () =>
      (await listenerPids()).find((pid) => !before.has(pid)),
    );

    const generationBefore = changes.generation;
    await db().query('SELECT pg_terminate_backend($1)', [ours]);
    await until('the loss noticed', () => !changes.listening || undefined);
    // What happened while nobody listened is unknown: every cached policy is stale.
    expect(changes.generation).toBeGreaterThan(generationBefore);

    await until('listening again', () => changes.listening);
    const again = await until('a new LISTEN connection', async () =>
      (await listenerPids()).find((pid) => !before.has(pid) && pid !== ours),
    );
    expect(again).not.toBe(ours);

    const generationListening = changes.generation;
    await db().query(`SELECT pg_notify('${POLICY_CHANNEL}', '')`);
    await until(
      'the notice after the reconnect',
      () => changes.generation > generationListening || undefined,
    );
  });
});
