import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Api } from '../support/api';
import { adminApi, ADMIN, auditAdminApi, createCast, createUser, PASSWORD, tag } from '../support/cast';
import { closeDb, db } from '../support/db';
import { complete, eventually, expectOk, JUDGMENTS, nominationFor } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// Issue 6 §2: every state-changing request, refusal, login and workflow transition writes an
// append-only, hash-chained audit event in PostgreSQL, which the application cannot change.
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

async function events(auditor: Api, query: string): Promise<any[]> {
  const r = await expectOk(auditor.get(`/api/audit?${query}`));
  return r.items;
}

describe('what is audited', () => {
  it('logins and failed logins, with the attempted username and the reason', async () => {
    const auditor = await createUser('auditor', {});
    const user = await createUser('district_officer', { districts: ['500112'] }, undefined, '渝北区 孙七');
    const requestId = `audit-test-${tag()}`;
    const wrong = await Api.anonymous().post(
      '/api/auth/login',
      { username: user.username, password: 'wrong-pass-1' },
      { 'x-request-id': requestId },
    );
    expect(wrong.status).toBe(401);
    const ghost = `ghost-${tag()}`;
    await Api.anonymous().post('/api/auth/login', { username: ghost, password: 'wrong-pass-1' });

    const own = await events(auditor.api, `actor=${user.username}&action=auth.`);
    expect(own.map((e) => [e.action, e.outcome, e.status, e.data.code ?? null])).toEqual([
      ['auth.login_failed', 'refused', 401, 'INVALID_CREDENTIALS'],
      ['auth.login', 'ok', null, null], // createUser logged in
    ]);
    expect(own[1].actorRole).toBe('district_officer');
    // The account, and beside it the name auditors know the person by.
    expect(own.map((e) => [e.actor, e.actorName])).toEqual([
      [user.username, '渝北区 孙七'],
      [user.username, '渝北区 孙七'],
    ]);
    // Each carries the id of its request, as the logs do: the caller's X-Request-Id when sent.
    expect(own.map((e) => e.requestId)).toEqual([requestId, expect.any(String)]);
    expect(await events(auditor.api, `actor=${ghost}`)).toMatchObject([
      { action: 'auth.login_failed', actorName: null, data: { code: 'INVALID_CREDENTIALS' } },
    ]);
  });

  it('state-changing requests with actor, target and status, secrets masked; refusals, reads refused by role too', async () => {
    const auditor = await createUser('auditor', {});
    const admin = await adminApi();
    const username = `officer-${tag()}`;
    await expectOk(
      admin.post('/api/users', {
        username,
        password: PASSWORD,
        displayName: '区县',
        role: 'district_officer',
        scope: { districts: ['500112'] },
      }),
      201,
    );
    const created = await eventually(async () =>
      (await events(auditor.api, `actor=${ADMIN.username}&action=POST /api/users`)).find(
        (e) => e.data.body?.username === username,
      ),
    );
    expect(created).toMatchObject({
      actorRole: 'system_admin',
      action: 'POST /api/users',
      outcome: 'ok',
      status: 201,
      data: {
        method: 'POST',
        path: '/api/users',
        body: { username, password: '[redacted]', role: 'district_officer' },
      },
    });
    expect(created.requestId).toEqual(expect.any(String));

    // A write refused by role (403), a read refused by role (403): both are permission refusals.
    const c = await createCast('500112', 'T2');
    const refusedWrite = await c.enterprise.api.post('/api/users', { username: `x-${tag()}` });
    expect(refusedWrite.status).toBe(403);
    expect((await c.districtOfficer.api.get('/api/audit/verify')).status).toBe(403);
    const refusals = await eventually(async () => {
      const found = [
        ...(await events(auditor.api, `actor=${c.enterprise.username}&outcome=refused`)),
        ...(await events(auditor.api, `actor=${c.districtOfficer.username}&outcome=refused`)),
      ];
      return found.length === 2 && found;
    });
    expect(refusals.map((e) => [e.action, e.status, e.data.code])).toEqual([
      ['POST /api/users', 403, 'ROLE_NOT_ALLOWED'],
      ['GET /api/audit/verify', 403, 'ROLE_NOT_ALLOWED'],
    ]);

    // A nomination names its enterprise; the transition it caused is there under it too, by the
    // district officer who nominated (the API started the lifecycle for them), not 系统.
    await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
    const forEnterprise = await eventually(async () => {
      const found = await events(auditor.api, `creditCode=${c.creditCode}`);
      return found.some((e) => e.action === 'POST /api/nominations') && found;
    });
    expect(forEnterprise.map((e: any) => [e.action, e.actor, e.actorName]).sort()).toEqual(
      [
        ['POST /api/nominations', c.districtOfficer.username, c.districtOfficer.username],
        ['workflow.transition', c.districtOfficer.username, c.districtOfficer.username],
      ].sort(),
    );
    expect(forEnterprise.find((e: any) => e.action === 'workflow.transition').data).toMatchObject({
      seq: 1,
      stage: 'screening',
      opened: [{ type: 'SCREEN', candidateGroups: ['city_coordinator'] }],
    });
  });

  // Found by the fuzz run of test/faults: these refusals went unlogged (the body parser and the
  // router refused them before the audit middleware ran; jsonb refused NUL and lone surrogates).
  it('writes refused before they reach a route, and hostile bodies, are audited as refusals', async () => {
    const c = await createCast('500112', 'T2');
    const id = `audit-hostile-${tag()}`;
    const sent = [
      c.coordinator.api.raw('POST', '/api/users', '{"username": ', {
        'content-type': 'application/json',
        'x-request-id': `${id}-1`,
      }),
      c.coordinator.api.raw('POST', '/api/users', 'name=x', {
        'content-type': 'text/plain',
        'x-request-id': `${id}-2`,
      }),
      c.coordinator.api.post(
        '/api/users',
        { username: 'a\u0000b', note: 'x\ud800' },
        { 'x-request-id': `${id}-3` },
      ),
      c.coordinator.api.post('/api/tasks/%ED%A0%80/claim', {}, { 'x-request-id': `${id}-4` }),
    ];
    expect((await Promise.all(sent)).map((r) => r.status)).toEqual([400, 415, 400, 400]);
    const logged = await eventually(async () => {
      const { rows } = await db().query(
        `SELECT request_id, outcome, status, data FROM audit_events WHERE request_id LIKE $1 ORDER BY request_id`,
        [`${id}-%`],
      );
      return rows.length === 4 && rows;
    });
    expect(logged.map((e) => [e.outcome, e.status])).toEqual([
      ['refused', 400],
      ['refused', 415],
      ['refused', 400],
      ['refused', 400],
    ]);
    expect(logged[2].data.body).toEqual({ username: 'a\ufffdb', note: 'x\ufffd' });
  });

  it('membership checks (二(六) +3 points), also outside the caller’s scope', async () => {
    const c = await createCast('500112', 'T2');
    await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
    await expectOk(c.districtOfficer.api.get(`/api/pool/membership/${c.creditCode}?date=2026-06-30`));
    const stranger = await createUser('district_officer', { districts: ['500101'] });
    expect((await stranger.api.get(`/api/pool/membership/${c.creditCode}`)).status).toBe(404);

    const [own, refused] = (await events(c.auditor.api, `creditCode=${c.creditCode}&action=pool.`)).reverse();
    expect([own, refused].map((e) => [e.action, e.actor, e.outcome, e.status])).toEqual([
      ['pool.membership_checked', c.districtOfficer.username, 'ok', 200],
      ['pool.membership_checked', stranger.username, 'refused', 404],
    ]);
    expect(own.data).toEqual({ date: '2026-06-30', member: false, period: null });
    expect(refused.data).toMatchObject({ code: 'ENTERPRISE_NOT_FOUND' });
  });
});

describe('reading the log', () => {
  it('filters by actor, action, enterprise and time, newest first, in pages with totals', async () => {
    const auditor = await createUser('auditor', {});
    const user = await createUser('commissioner', {});
    const before = new Date().toISOString();
    for (let i = 0; i < 3; i++) await Api.login(user.username, PASSWORD);
    const after = new Date(Date.now() + 1000).toISOString();

    const all = await expectOk(auditor.api.get(`/api/audit?actor=${user.username}&action=auth.login`));
    expect(all.total).toBe(4);
    const page = await expectOk(
      auditor.api.get(`/api/audit?actor=${user.username}&action=auth.login&pageSize=3&page=2`),
    );
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0].seq).toBeLessThan(all.items[2].seq);
    const seqs = all.items.map((e: any) => e.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);

    const between = await expectOk(
      auditor.api.get(
        `/api/audit?actor=${user.username}&from=${encodeURIComponent(before)}&to=${encodeURIComponent(after)}`,
      ),
    );
    expect(between.total).toBe(3);
    // Each row links to the one before it.
    const { rows } = await db().query(`SELECT hash FROM audit_events WHERE seq = $1`, [all.items[0].seq - 1]);
    expect(all.items[0].prevHash).toBe(rows[0].hash);
  });

  it('reads are left out (business events only) or shown alone on demand, filtered and counted on the server', async () => {
    const auditor = await createUser('auditor', {});
    // Every request of an administrator is audited, reads too (等保 2.0).
    const admin = await createUser('audit_admin', {});
    for (let i = 0; i < 3; i++) await expectOk(admin.api.get('/api/notifications'));
    expect((await admin.api.get('/api/admin/policy')).status).toBe(403); // a refused read
    expect((await admin.api.post('/api/users', { username: `x-${tag()}` })).status).toBe(403);

    const actions = async (reads: string, extra = '') => {
      const r = await expectOk(auditor.api.get(`/api/audit?actor=${admin.username}&reads=${reads}${extra}`));
      return { total: r.total, actions: r.items.map((e: any) => `${e.action} ${e.outcome}`) };
    };
    // Everything by default and with reads=include: the login, three reads, two refusals.
    await eventually(async () => (await actions('include')).total === 6);
    expect((await expectOk(auditor.api.get(`/api/audit?actor=${admin.username}`))).total).toBe(6);
    // Business events: the login and both refusals (a refused GET is a permission refusal, not a read).
    expect(await actions('exclude')).toEqual({
      total: 3,
      actions: ['POST /api/users refused', 'GET /api/admin/policy refused', 'auth.login ok'],
    });
    // The reads alone, paged and counted by the server.
    expect(await actions('only', '&pageSize=2&page=2')).toEqual({
      total: 3,
      actions: ['GET /api/notifications ok'],
    });
    expect((await auditor.api.get('/api/audit?reads=none')).status).toBe(400);
  });

  it('reads each workflow transition as a business event: step, outcome, who, department and the stage change', async () => {
    const c = await createCast('500112', 'T2');
    await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
    await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
    const transitions = await eventually(async () => {
      const found = await events(c.auditor.api, `creditCode=${c.creditCode}&action=workflow.transition`);
      return found.length === 2 && found;
    });
    const [screened, opened] = transitions;
    // The nomination's opening transition, by the district officer who nominated, in their department.
    expect(opened).toMatchObject({
      actor: c.districtOfficer.username,
      actorDepartment: { zh: '渝北区经信部门' },
      transition: {
        kind: 'opened',
        taskType: null,
        outcome: null,
        onBehalfOf: null,
        stageChange: { from: null, to: 'screening' },
        opened: ['SCREEN'],
      },
    });
    expect(screened).toMatchObject({
      actor: c.coordinator.username,
      transition: {
        kind: 'completed',
        taskType: 'SCREEN',
        outcome: 'pass',
        stageChange: { from: 'screening', to: 'feedback' },
      },
    });
    expect(screened.transition.opened).toEqual(expect.arrayContaining(['DISTRICT_FEEDBACK']));
    // Other actions carry no transition.
    const [nominated] = await events(
      c.auditor.api,
      `creditCode=${c.creditCode}&action=POST /api/nominations`,
    );
    expect(nominated.transition).toBeNull();
  });

  it('names each row’s enterprise beside its code, for the auditor and the audit administrator alike', async () => {
    const c = await createCast('500112', 'T2');
    const nomination = nominationFor(c);
    await expectOk(c.districtOfficer.api.post('/api/nominations', nomination), 201);
    const { rows } = await db().query(`SELECT name FROM enterprises WHERE credit_code = $1`, [c.creditCode]);
    expect(rows[0].name).toBeTruthy();
    for (const reader of [c.auditor.api, await auditAdminApi()]) {
      const found = await eventually(async () => {
        const listed = await events(reader, `creditCode=${c.creditCode}`);
        return listed.some((e) => e.action === 'workflow.transition') && listed;
      });
      expect(new Set(found.map((e: any) => e.enterpriseName))).toEqual(new Set([rows[0].name]));
    }
    // A row of no enterprise names none.
    const [login] = await events(c.auditor.api, `actor=${c.auditor.username}&action=auth.login`);
    expect([login.creditCode, login.enterpriseName]).toEqual([null, null]);
  });

  it('answers 400 to bad filters and 403 to roles that do not audit', async () => {
    const auditor = await createUser('auditor', {});
    for (const q of ['from=yesterday', 'creditCode=abc', 'outcome=maybe', 'pageSize=1000', 'unknown=1']) {
      const r = await auditor.api.get(`/api/audit?${q}`);
      expect([q, r.status]).toEqual([q, 400]);
    }
    const leader = await createUser('leader', {});
    expect((await leader.api.get('/api/audit')).status).toBe(403);
    expect((await auditor.api.get('/api/audit/verify')).status).toBe(200);
  });
});

describe('append-only in the database', () => {
  it('the application’s own connection can neither UPDATE, DELETE nor TRUNCATE an audit row', async () => {
    // The connection the API and the worker use (DATABASE_URL), on a client of its own because
    // one statement below changes a session setting.
    const app = new Client({ connectionString: process.env.DATABASE_URL });
    await app.connect();
    try {
      const { rows } = await app.query(`SELECT seq, actor, hash FROM audit_events ORDER BY seq DESC LIMIT 1`);
      const [last] = rows;
      for (const sql of [
        `UPDATE audit_events SET actor = 'mallory' WHERE seq = ${last.seq}`,
        `DELETE FROM audit_events WHERE seq = ${last.seq}`,
        `TRUNCATE audit_events`,
        `UPDATE audit_chain_head SET seq = seq + 1`,
        `DELETE FROM audit_chain_head`,
        // Nor switch ordinary triggers off, as replication does: that takes a superuser.
        `SET session_replication_role = replica; UPDATE audit_events SET actor = 'mallory' WHERE seq = ${last.seq}`,
      ]) {
        await expect(app.query(sql)).rejects.toMatchObject({ code: '42501' });
      }
      const after = await app.query(`SELECT actor, hash FROM audit_events WHERE seq = $1`, [last.seq]);
      expect(after.rows).toEqual([{ actor: last.actor, hash: last.hash }]);
      // Nor can a row be forged out of place: the chain trigger checks its position, link, time and
      // that it carries a keyed hash.
      const forged = [`mallory-${tag()}`, 'test.forged', 'hmac-sm3', 'f'.repeat(64), 'f'.repeat(64)];
      await expect(
        app.query(
          `INSERT INTO audit_events (seq, at, actor, action, hash_alg, prev_hash, hash)
           VALUES (1, '2000-01-01', $1, $2, $3, $4, $5)`,
          forged,
        ),
      ).rejects.toMatchObject({ code: '23514' });
      await app.query('BEGIN');
      try {
        const [next] = (await app.query(`SELECT seq, prev_hash, at FROM audit_chain_next()`)).rows;
        for (const [at, alg] of [
          ['2000-01-01T00:00:00Z', 'hmac-sm3'],
          [next.at, 'sha256'],
        ]) {
          await app.query('SAVEPOINT forged');
          await expect(
            app.query(
              `INSERT INTO audit_events (seq, at, actor, action, hash_alg, prev_hash, hash)
               VALUES ($1, $2, $3, 'test.forged', $4, $5, $6)`,
              [next.seq, at, forged[0], alg, next.prev_hash, 'f'.repeat(64)],
            ),
          ).rejects.toMatchObject({ code: '23514' });
          await app.query('ROLLBACK TO SAVEPOINT forged');
        }
      } finally {
        await app.query('ROLLBACK');
      }
    } finally {
      await app.end();
    }
  });

  it('a role with the grants production gives the application (SELECT, INSERT) is refused UPDATE and DELETE', async () => {
    const role = `audit_app_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    // Roles are the owner's to create (MIGRATION_DATABASE_URL); the application role may not.
    const owner = new Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
    await owner.connect();
    await owner.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    await owner.query(`GRANT SELECT, INSERT ON audit_events TO ${role}; GRANT SELECT ON tasks TO ${role}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.username = role;
    url.password = password;
    const app = new Client({ connectionString: url.toString() });
    await app.connect();
    try {
      // It appends at the head (in a transaction rolled back: a row without the key's hash would
      // break the shared chain), and is refused UPDATE and DELETE of what it appended.
      await app.query('BEGIN');
      const [next] = (await app.query(`SELECT seq, prev_hash, at FROM audit_chain_next()`)).rows;
      const { rows } = await app.query(
        `INSERT INTO audit_events (seq, at, actor, action, hash_alg, prev_hash, hash)
         VALUES ($1, $2, $3, 'test.append', 'hmac-sm3', $4, $5) RETURNING seq`,
        [next.seq, next.at, role, next.prev_hash, 'a'.repeat(64)],
      );
      expect(rows).toEqual([{ seq: next.seq }]);
      for (const sql of [
        `UPDATE audit_events SET actor = 'x' WHERE seq = $1`,
        `DELETE FROM audit_events WHERE seq = $1`,
      ]) {
        await app.query('SAVEPOINT change');
        await expect(app.query(sql, [next.seq])).rejects.toMatchObject({ code: '42501' });
        await app.query('ROLLBACK TO SAVEPOINT change');
      }
      await app.query('ROLLBACK');
    } finally {
      await app.end();
      await owner.query(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
      await owner.end();
    }
  });
});
