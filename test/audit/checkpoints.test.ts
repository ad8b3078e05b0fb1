import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@hardtech/config';
import { auditChainKeyOf } from '@hardtech/persistence';
import { parseCheckpoint } from '@hardtech/persistence/audit-chain/checkpoint';
import { closeDb, db } from '../support/db';
import { freePort, killAll, spawnApp, waitUntil } from '../ops/processes';

// Issue 20.2: an API process signs a checkpoint of the audit chain's head when it starts and
// again before it stops (and every AUDIT_CHECKPOINT_INTERVAL, here too long to come), appending
// each to the checkpoint file and the log. A second API process on the test stack, with a
// checkpoint folder of its own.
jest.setTimeout(90_000);
afterAll(async () => {
  await killAll();
  await closeDb();
});

it('signs the head at start and before stopping, into the file and the log', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'audit-checkpoints-'));
  const file = join(dir, 'audit-checkpoints.jsonl');
  const lines = () => {
    try {
      return readFileSync(file, 'utf8').split('\n').filter(Boolean);
    } catch {
      return [];
    }
  };
  const port = await freePort();
  const api = spawnApp('api', {
    PORT: String(port),
    AUDIT_CHECKPOINT_DIR: dir,
    AUDIT_CHECKPOINT_INTERVAL: '3600',
  });
  await waitUntil(async () => lines().length === 1);

  // A login through it is audited: the head moves past the first checkpoint.
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: process.env.ADMIN_USERNAME, password: process.env.ADMIN_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const { rows } = await db().query(
    `SELECT max(seq)::int AS seq FROM audit_events WHERE action = 'auth.login' AND actor = $1`,
    [process.env.ADMIN_USERNAME],
  );

  api.child.kill('SIGTERM');
  expect(await api.exited).toMatchObject({ code: 0 });
  const key = auditChainKeyOf(loadConfig());
  const [atStart, atStop] = lines().map((line) => parseCheckpoint(key, line));
  expect(lines()).toHaveLength(2);
  expect(atStart).not.toBeNull();
  expect(atStop!.seq).toBeGreaterThanOrEqual(rows[0].seq);
  expect(atStop!.seq).toBeGreaterThan(atStart!.seq);
  const { rows: head } = await db().query(`SELECT hash::text AS hash FROM audit_events WHERE seq = $1`, [
    atStop!.seq,
  ]);
  expect(head).toEqual([{ hash: atStop!.hash }]);
  expect(api.lines.filter((l) => JSON.stringify(l).includes('audit.checkpoint'))).toHaveLength(2);
});
