import { Client } from 'pg';
import { createUser, Member } from '../support/cast';
import { expectOk } from '../support/lifecycle';

// Issue 6 §2: a superuser's direct edit or deletion of an audit row (the only way past the
// append-only triggers) is named by GET /api/audit/verify. It breaks the one global chain for a
// moment, so it runs alone; every change is undone before the next step.
let superuser: Client;
let auditor: Member;

beforeAll(async () => {
  auditor = await createUser('auditor', {}); // its login is audited: the chain has rows
  superuser = new Client({ connectionString: process.env.DATABASE_URL });
  await superuser.connect();
});
afterAll(() => superuser.end());

/** Runs statements with the append-only guard switched off, as only an owner or superuser can. */
async function behindTheGuard(...statements: string[]): Promise<void> {
  await superuser.query('BEGIN');
  try {
    await superuser.query(`ALTER TABLE audit_events DISABLE TRIGGER USER`);
    for (const sql of statements) await superuser.query(sql);
    for (const trigger of ['audit_events_chain', 'audit_events_append_only', 'audit_events_no_truncate']) {
      await superuser.query(`ALTER TABLE audit_events ENABLE ALWAYS TRIGGER ${trigger}`);
    }
    await superuser.query('COMMIT');
  } catch (e) {
    await superuser.query('ROLLBACK');
    throw e;
  }
}

const verify = () => expectOk(auditor.api.get('/api/audit/verify'));

it('reports the first edited row, then an intact chain once the edit is undone', async () => {
  const before = await verify();
  expect(before).toMatchObject({ ok: true, firstBrokenAt: null, reason: null });
  expect(before.checked).toBe(before.head.seq);

  const { rows } = await superuser.query(
    `SELECT seq, actor, data FROM audit_events WHERE action = 'auth.login' ORDER BY seq DESC LIMIT 1`,
  );
  const row = rows[0];
  await behindTheGuard(`UPDATE audit_events SET actor = 'someone-else' WHERE seq = ${row.seq}`);
  expect(await verify()).toMatchObject({
    ok: false,
    firstBrokenAt: Number(row.seq),
    reason: 'content_changed',
  });

  // Recomputing the edited row's hash does not hide it: the next row no longer links to it.
  await behindTheGuard(`UPDATE audit_events e SET hash = audit_event_digest(e) WHERE seq = ${row.seq}`);
  const relinked = await verify();
  if (Number(row.seq) < relinked.head.seq) {
    expect(relinked).toMatchObject({ ok: false, firstBrokenAt: Number(row.seq) + 1, reason: 'link_broken' });
  } else {
    expect(relinked).toMatchObject({ ok: false, firstBrokenAt: Number(row.seq), reason: 'head_mismatch' });
  }

  await behindTheGuard(
    `UPDATE audit_events SET actor = '${row.actor}' WHERE seq = ${row.seq}`,
    `UPDATE audit_events e SET hash = audit_event_digest(e) WHERE seq = ${row.seq}`,
  );
  expect(await verify()).toMatchObject({ ok: true, firstBrokenAt: null });
});

it('reports a deleted row, in the middle or at the end of the chain', async () => {
  await expectOk(auditor.api.get('/api/audit')); // reads are not audited: the head stays where it is
  const { rows } = await superuser.query(`SELECT max(seq) AS last FROM audit_events`);
  const last = Number(rows[0].last);
  for (const seq of [last - 1, last]) {
    await superuser.query(`CREATE TEMP TABLE kept AS SELECT * FROM audit_events WHERE seq = ${seq}`);
    await behindTheGuard(`DELETE FROM audit_events WHERE seq = ${seq}`);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenAt: seq, reason: 'missing_row' });
    // Put back exactly as it was (the chain trigger is off, so position, time and hashes stay).
    await behindTheGuard(`INSERT INTO audit_events SELECT * FROM kept`);
    await superuser.query(`DROP TABLE kept`);
    expect(await verify()).toMatchObject({ ok: true, firstBrokenAt: null, checked: last });
  }
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
