import { Client } from 'pg';
import { createUser, Member } from '../support/cast';
import { expectOk } from '../support/lifecycle';

// Issue 6 §2 and issue 20.2: a superuser's direct edit or deletion of an audit row (the only way
// past the append-only triggers) is named by GET /api/audit/verify; the application's own role
// cannot get past them at all. It breaks the one global chain for a moment, so it runs alone;
// every change is undone before the next step.
let superuser: Client;
let app: Client;
let auditor: Member;

beforeAll(async () => {
  auditor = await createUser('auditor', {}); // its login is audited: the chain has rows
  // The owner that migrates (a superuser on the test stack), and the role the API connects as.
  superuser = new Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
  app = new Client({ connectionString: process.env.DATABASE_URL });
  await Promise.all([superuser.connect(), app.connect()]);
});
afterAll(() => Promise.all([superuser.end(), app.end()]));

describe('the application role (DATABASE_URL)', () => {
  it('is another role than the owner, neither superuser nor owner of anything', async () => {
    const { rows } = await app.query(
      `SELECT current_user AS name, r.rolsuper, r.rolcreaterole, r.rolbypassrls,
         (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owned,
         (SELECT count(*)::int FROM pg_proc WHERE proowner = r.oid) AS functions
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const owner = await superuser.query(`SELECT current_user AS name`);
    expect(rows[0].name).not.toBe(owner.rows[0].name);
    expect(rows[0]).toMatchObject({
      rolsuper: false,
      rolcreaterole: false,
      rolbypassrls: false,
      owned: 0,
      functions: 0,
    });
  });

  it('may only append to and read the audit log', async () => {
    const { rows } = await app.query(
      `SELECT p AS privilege, has_table_privilege('audit_events', p) AS granted
       FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER', 'REFERENCES']) p`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.privilege, r.granted]))).toEqual({
      SELECT: true,
      INSERT: true,
      UPDATE: false,
      DELETE: false,
      TRUNCATE: false,
      TRIGGER: false,
      REFERENCES: false,
    });
  });

  it('is refused every change to the audit log, its triggers and its functions', async () => {
    const [{ seq }] = (await app.query(`SELECT max(seq) AS seq FROM audit_events`)).rows;
    const before = await verify();
    for (const sql of [
      `UPDATE audit_events SET actor = 'mallory' WHERE seq = ${seq}`,
      `DELETE FROM audit_events WHERE seq = ${seq}`,
      `TRUNCATE audit_events`,
      `UPDATE audit_chain_head SET seq = 0`,
      `DELETE FROM audit_chain_head`,
      `ALTER TABLE audit_events DISABLE TRIGGER USER`,
      `ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`,
      `DROP TRIGGER audit_events_append_only ON audit_events`,
      `CREATE TRIGGER mallory BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`,
      `ALTER TABLE audit_events OWNER TO current_user`,
      `DROP TABLE audit_events`,
      `CREATE OR REPLACE FUNCTION audit_event_digest(e audit_events) RETURNS text LANGUAGE sql AS $$ SELECT e.hash::text $$`,
      `CREATE OR REPLACE FUNCTION audit_verify(OUT checked bigint, OUT first_broken_at bigint, OUT reason text,
         OUT head_seq bigint, OUT head_hash text) LANGUAGE sql AS $$ SELECT 0::bigint, NULL::bigint, NULL, 0::bigint, '' $$`,
      `DROP FUNCTION audit_event_digest(audit_events)`,
      // A function of its own that would shadow the chain's: no CREATE on the schema.
      `CREATE FUNCTION public.audit_shadow() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$`,
      `SET session_replication_role = replica`,
    ]) {
      await expect(app.query(sql)).rejects.toMatchObject({ code: '42501' });
    }
    // The chain is as it was; only the signed checkpoint may have moved on meanwhile (every 3 s here).
    const { checkpoint: _before, ...chainBefore } = before;
    const { checkpoint: _after, ...chainAfter } = await verify();
    expect(chainAfter).toEqual(chainBefore);
  });
});

const CHAIN_TRIGGERS = {
  audit_events: ['audit_events_chain', 'audit_events_append_only', 'audit_events_no_truncate'],
  audit_chain_head: ['audit_chain_head_guard', 'audit_chain_head_no_truncate'],
};

/** Runs statements with the append-only guards switched off, as only an owner or superuser can. */
async function behindTheGuard(...statements: string[]): Promise<void> {
  await superuser.query('BEGIN');
  try {
    for (const table of Object.keys(CHAIN_TRIGGERS)) {
      await superuser.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    }
    for (const sql of statements) await superuser.query(sql);
    for (const [table, triggers] of Object.entries(CHAIN_TRIGGERS)) {
      for (const trigger of triggers) {
        await superuser.query(`ALTER TABLE ${table} ENABLE ALWAYS TRIGGER ${trigger}`);
      }
    }
    await superuser.query('COMMIT');
  } catch (e) {
    await superuser.query('ROLLBACK');
    throw e;
  }
}

const verify = () => expectOk(auditor.api.get('/api/audit/verify'));

/** Keeps rows from `seq` on and the head in temporary tables, to put back exactly as they were. */
async function keep(seq: number): Promise<() => Promise<void>> {
  await superuser.query(`CREATE TEMP TABLE kept AS SELECT * FROM audit_events WHERE seq >= ${seq}`);
  await superuser.query(`CREATE TEMP TABLE kept_head AS SELECT * FROM audit_chain_head`);
  return async () => {
    await behindTheGuard(
      `DELETE FROM audit_events WHERE seq >= ${seq}`,
      `INSERT INTO audit_events SELECT * FROM kept`,
      `UPDATE audit_chain_head h SET seq = k.seq, hash = k.hash FROM kept_head k`,
    );
    await superuser.query(`DROP TABLE kept, kept_head`);
  };
}

/**
 * What a superuser who knows migration 1764400000000 can do: recompute every plain hash and link
 * from `seq` to the head, and move the head along, so the plain chain holds again.
 */
const replainFrom = (seq: number) => `DO $$
  DECLARE s bigint;
  BEGIN
    FOR s IN SELECT seq FROM audit_events WHERE seq >= ${seq} ORDER BY seq LOOP
      UPDATE audit_events SET hash_alg = 'sha256',
        prev_hash = coalesce((SELECT hash FROM audit_events WHERE seq = s - 1), repeat('0', 64))
      WHERE seq = s;
      UPDATE audit_events e SET hash = audit_event_digest(e) WHERE seq = s;
    END LOOP;
    UPDATE audit_chain_head SET hash = (SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1);
  END $$`;

it('reports an edited row, also once a superuser recomputed the plain hashes down the chain', async () => {
  const before = await verify();
  expect(before).toMatchObject({ ok: true, firstBrokenAt: null, reason: null });
  expect(before.checked).toBe(before.head.seq);

  const { rows } = await superuser.query(
    `SELECT seq FROM audit_events WHERE action = 'auth.login' ORDER BY seq DESC LIMIT 1`,
  );
  const seq = Number(rows[0].seq);
  const restore = await keep(seq);
  try {
    await behindTheGuard(`UPDATE audit_events SET actor = 'someone-else' WHERE seq = ${seq}`);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenAt: seq, reason: 'content_changed' });

    // Every hash and link from the edit on recomputed as the plain chain had them: the old check,
    // reproduced here, passes from there to the head — the keyed one does not.
    await behindTheGuard(replainFrom(seq));
    const { rows: plain } = await superuser.query(
      `SELECT count(*)::int AS wrong FROM audit_events e
       WHERE e.seq >= $1 AND (e.hash <> audit_event_digest(e)
          OR e.prev_hash <> (SELECT p.hash FROM audit_events p WHERE p.seq = e.seq - 1)
          OR e.hash <> (SELECT hash FROM audit_chain_head) AND e.seq = (SELECT seq FROM audit_chain_head))`,
      [seq],
    );
    expect(plain).toEqual([{ wrong: 0 }]);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenAt: seq, reason: 'content_changed' });
  } finally {
    await restore();
  }
  expect(await verify()).toMatchObject({ ok: true, firstBrokenAt: null, checked: before.checked });
});

it('reports a deleted row, in the middle or at the end of the chain', async () => {
  await expectOk(auditor.api.get('/api/audit')); // reads are not audited: the head stays where it is
  const { rows } = await superuser.query(`SELECT max(seq) AS last FROM audit_events`);
  const last = Number(rows[0].last);
  for (const seq of [last - 1, last]) {
    const restore = await keep(seq);
    try {
      await behindTheGuard(`DELETE FROM audit_events WHERE seq = ${seq}`);
      expect(await verify()).toMatchObject({ ok: false, firstBrokenAt: seq, reason: 'missing_row' });
    } finally {
      await restore();
    }
    expect(await verify()).toMatchObject({ ok: true, firstBrokenAt: null, checked: last });
  }
});

it('reports truncation up to the last signed checkpoint, also with the head reset', async () => {
  // The API signs a checkpoint every AUDIT_CHECKPOINT_INTERVAL (a few seconds on the test stack).
  let signed = await verify();
  for (let i = 0; i < 60 && signed.checkpoint?.seq !== signed.head.seq; i++) {
    await new Promise((r) => setTimeout(r, 500));
    signed = await verify();
  }
  expect(signed).toMatchObject({ ok: true, checkpoint: { seq: signed.head.seq, hash: signed.head.hash } });

  const restore = await keep(1);
  try {
    // An empty chain with its head at the start is intact in itself: only the checkpoint knows.
    await behindTheGuard(
      `TRUNCATE audit_events`,
      `UPDATE audit_chain_head SET seq = 0, hash = repeat('0', 64)`,
    );
    expect(await verify()).toMatchObject({ ok: false, checked: 0, firstBrokenAt: 1, reason: 'missing_row' });
  } finally {
    await restore();
  }
  expect(await verify()).toMatchObject({ ok: true, firstBrokenAt: null, checked: signed.head.seq });
});

it('keeps every event, also from the owner: no purge, not even of rows past 180 days', async () => {
  // Retention (≥ 180 days) needs no purge guard of its own: nobody deletes while the guard is on.
  const [{ seq }] = (await superuser.query(`SELECT min(seq) AS seq FROM audit_events`)).rows;
  for (const sql of [
    `DELETE FROM audit_events WHERE seq = ${seq}`,
    `DELETE FROM audit_events WHERE at < now() - interval '180 days' OR seq = ${seq}`,
    `TRUNCATE audit_events`,
    `UPDATE audit_events SET data = '{}' WHERE seq = ${seq}`,
  ]) {
    await expect(superuser.query(sql)).rejects.toMatchObject({ code: '42501' });
  }
  expect(await verify()).toMatchObject({ ok: true });
});

it('leaves the guard on for everyone, as the migration set it', async () => {
  const { rows } = await superuser.query(
    `SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'audit_events'::regclass AND NOT tgisinternal ORDER BY tgname`,
  );
  expect(rows).toEqual([
    { tgname: 'audit_events_append_only', tgenabled: 'A' },
    { tgname: 'audit_events_chain', tgenabled: 'A' },
    { tgname: 'audit_events_no_truncate', tgenabled: 'A' },
  ]);
});
