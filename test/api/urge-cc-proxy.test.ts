import type { Role, Scope } from '@hardtech/domain';
import { lifecycleWorkflowId } from '@hardtech/temporal/lifecycle.contract';
import { API_URL } from '../support/api';
import { adminApi, auditAdminApi, Cast, createCast, createUser, Member, tag } from '../support/cast';
import { closeDb, db } from '../support/db';
import {
  complete,
  expectOk,
  JUDGMENTS,
  nominationFor,
  openTask,
  PORTRAIT,
  problem,
} from '../support/lifecycle';
import { coordinatorDesk, districtDesk, nameProxy } from '../support/proxy-desk';
import { perUnit } from '../support/statement-metrics';
import { closeTemporal } from '../support/temporal';
import { exportHistory, patchMarkersOf } from '../support/export-history';
import { PROXY_ACTIONS_PATCH } from '../../workflows/lifecycle/approval-actions';

// Issue 17 items 3, 5, 6, 7: 催办, 抄送, 委托代理 and the 转办 reason, on the real stack. District
// 500154 / cluster F6 belong to this file alone.
const DISTRICT = '500154';
const CLUSTER = 'F6';

describe('催办, 抄送, 委托代理, 转办 reason', () => {
  let cast: Cast;
  let screenId: string;

  const history = async (creditCode: string): Promise<any[]> =>
    expectOk(cast.auditor.api.get(`/api/enterprises/${creditCode}/history`));

  beforeAll(async () => {
    cast = await createCast(DISTRICT, CLUSTER);
    await expectOk(cast.districtOfficer.api.post('/api/nominations', nominationFor(cast)), 201);
    screenId = (await openTask(cast.coordinator.api, cast.creditCode, 'SCREEN')).id;
  });
  afterAll(() => Promise.all([closeTemporal(), closeDb()]));

  describe('催办 urge', () => {
    it('notifies the candidates, marks the task, and refuses a second urge within 4 working hours (429)', async () => {
      await expectOk(
        (await adminApi()).patch(`/api/users/${cast.coordinator.username}`, { displayName: '科技处 刘科长' }),
      );
      const urge = () =>
        cast.districtOfficer.api.post(`/api/tasks/${screenId}/urge`, { message: '企业急需' });
      const first = await expectOk(urge(), 201);
      // Unclaimed: every city coordinator is a candidate, this file's among them.
      expect(first.notified).toContain(cast.coordinator.username);
      expect(first.notified).not.toContain(cast.districtOfficer.username);
      // …and by name, in the same order, which is what the page tells the officer.
      expect(first.notifiedNames).toHaveLength(first.notified.length);
      expect(first.notifiedNames[first.notified.indexOf(cast.coordinator.username)]).toBe('科技处 刘科长');

      const again = await urge();
      expect(again.status).toBe(429);
      expect(again.body.code).toBe('URGE_TOO_SOON');
      expect(Number(again.headers!.get('retry-after'))).toBeGreaterThan(0);

      const item = (await expectOk(cast.coordinator.api.get(`/api/tasks?creditCode=${cast.creditCode}`)))
        .items[0];
      expect(item.urgedAt).toEqual(expect.any(String));
      const {
        rows: [{ count }],
      } = await db().query(`SELECT count(*)::int AS count FROM task_urges WHERE task_id = $1`, [screenId]);
      expect(count).toBe(1);
      const feed = await expectOk(cast.coordinator.api.get('/api/notifications'));
      expect(feed.items.some((n: any) => n.kind === 'urge' && n.text.zh.includes('企业急需'))).toBe(true);
      const urged = (await history(cast.creditCode)).filter((e) => e.action === 'task.urge');
      expect(urged.map((e) => [e.actor, e.data.taskId, e.data.message])).toEqual([
        [cast.districtOfficer.username, screenId, '企业急需'],
      ]);
    });

    it('says when the urger may urge again (urgeableAt, the 429’s time); another’s urge holds nobody back; then null', async () => {
      // The district officer urged above: the answer, the task and its list row say when, by the
      // rule the 429 counts its Retry-After to, and the button is off until then.
      const urger = cast.districtOfficer.api;
      const mine = await expectOk(urger.get(`/api/tasks/${screenId}`));
      expect(mine.urgeableAt).toEqual(expect.any(String));
      expect(mine.actions.urge).toBe(false);
      const refused = await urger.post(`/api/tasks/${screenId}/urge`, {});
      expect(refused.status).toBe(429);
      const retryAt = Date.now() + Number(refused.headers!.get('retry-after')) * 1000;
      expect(Math.abs(Date.parse(mine.urgeableAt) - retryAt)).toBeLessThan(5_000);
      const row = (await expectOk(urger.get(`/api/tasks?creditCode=${cast.creditCode}&view=all`))).items.find(
        (task: any) => task.id === screenId,
      );
      expect(row.urgeableAt).toBe(mine.urgeableAt);

      // Someone else who may urge is not held back by it (once per task and person).
      const other = await expectOk(cast.industry.api.get(`/api/tasks/${screenId}`));
      expect([other.urgeableAt, other.actions.urge]).toEqual([null, true]);
      const leader = await createUser('leader', {});
      const urged = await expectOk(leader.api.post(`/api/tasks/${screenId}/urge`, {}), 201);
      const leaderRow = (
        await expectOk(leader.api.get(`/api/tasks?creditCode=${cast.creditCode}`))
      ).items.find((task: any) => task.id === screenId);
      expect(leaderRow.urgeableAt).toBe(urged.urgeableAt);
      expect((await expectOk(cast.industry.api.get(`/api/tasks/${screenId}`))).urgeableAt).toBeNull();

      // Once the 4 working hours have passed (the urge dated a month back): null, urge offered.
      const shift = (sign: '-' | '+') =>
        db().query(
          `UPDATE task_urges SET urged_at = urged_at ${sign} interval '30 days' WHERE task_id = $1 AND urged_by = $2`,
          [screenId, cast.districtOfficer.username],
        );
      await shift('-');
      try {
        const later = await expectOk(urger.get(`/api/tasks/${screenId}`));
        expect([later.urgeableAt, later.actions.urge]).toEqual([null, true]);
      } finally {
        await shift('+');
      }
    });

    it('refuses the assignee (403) and someone who cannot see the task (404)', async () => {
      // Unclaimed, the candidates hold the task together: an urge would go to themselves.
      expect((await expectOk(cast.coordinator.api.get(`/api/tasks/${screenId}`))).actions).toMatchObject({
        urge: false,
        claim: true,
      });
      const candidate = await cast.coordinator.api.post(`/api/tasks/${screenId}/urge`, {});
      expect([candidate.status, candidate.body.code]).toEqual([403, 'URGE_OWN_TASK']);
      const {
        rows: [{ mine }],
      } = await db().query(
        `SELECT count(*)::int AS mine FROM task_urges WHERE task_id = $1 AND urged_by = $2`,
        [screenId, cast.coordinator.username],
      );
      expect(mine).toBe(0);
      await expectOk(cast.coordinator.api.post(`/api/tasks/${screenId}/claim`));
      const own = await cast.coordinator.api.post(`/api/tasks/${screenId}/urge`, {});
      expect([own.status, own.body.code]).toEqual([403, 'URGE_OWN_TASK']);
      const outsider = await cast.enterprise.api.post(`/api/tasks/${screenId}/urge`, {});
      expect(outsider.status).toBe(404);
      // Claimed now: an urge (here in bulk) goes to the assignee alone.
      const bulk = await expectOk(
        cast.industry.api.post('/api/tasks/bulk', { action: 'urge', taskIds: [screenId], reason: '请尽快' }),
      );
      expect(bulk.results[0]).toMatchObject({ ok: true, result: { notified: [cast.coordinator.username] } });
      await expectOk(cast.coordinator.api.post(`/api/tasks/${screenId}/unclaim`));
    });

    it('lets a city leader urge (领导催办), read-only otherwise; an auditor may not (403)', async () => {
      const leader = await createUser('leader', {});
      expect((await expectOk(leader.api.get(`/api/tasks/${screenId}`))).actions).toMatchObject({
        urge: true,
        complete: false,
        claim: false,
      });
      const urged = await expectOk(
        leader.api.post(`/api/tasks/${screenId}/urge`, { message: '请本周办结' }),
        201,
      );
      expect(urged.notified).toContain(cast.coordinator.username);
      const audit = await cast.auditor.api.post(`/api/tasks/${screenId}/urge`, {});
      expect([audit.status, audit.body.code]).toEqual([403, 'READ_ONLY_ROLE']);
      const byLeader = (await history(cast.creditCode)).filter(
        (e) => e.action === 'task.urge' && e.actor === leader.username,
      );
      expect(byLeader.map((e) => e.data.message)).toEqual(['请本周办结']);
    });
  });

  describe('抄送 cc', () => {
    let outsider: Member;
    /**
     * The reads one request to `route` made (hardtech_db_statements_per_request). The histogram is
     * the route's, shared with the suite's other files running beside this one (keyed-actions posts
     * /cc too): a window that caught another request is measured again.
     */
    const readsOf = async (route: string, request: () => Promise<unknown>) => {
      for (let attempt = 1; ; attempt++) {
        const { count, per } = await perUnit(
          `${API_URL}/metrics`,
          'hardtech_db_statements_per_request',
          { route },
          ['read'],
          async () => void (await request()),
        );
        if (count === 1) return per.read;
        if (attempt === 5) throw new Error(`${route}: another request in each of 5 windows`);
      }
    };
    beforeAll(async () => {
      outsider = await createUser('industry_officer', { clusters: ['T1'] }, undefined, '外集群 周敏');
    });

    it('refuses users who may not see the enterprise (422 naming them) and changes nothing', async () => {
      const r = await cast.coordinator.api.post(`/api/tasks/${screenId}/cc`, {
        users: [cast.industry.username, outsider.username, 'nobody-here'],
      });
      expect([r.status, r.body.code]).toEqual([422, 'USERS_MAY_NOT_SEE']);
      // By name, the login beside it; one that does not exist by what was typed.
      expect(r.body.message).toContain(`外集群 周敏（${outsider.username}）`);
      expect(r.body.message).toContain('nobody-here');
      expect(r.body.message).not.toContain(cast.industry.username);
      const { rows } = await db().query(`SELECT 1 FROM task_copies WHERE task_id = $1`, [screenId]);
      expect(rows).toHaveLength(0);
    });

    it('offers by name only colleagues who may see the enterprise (the picker)', async () => {
      const pick = (api: Cast['coordinator']['api'], q: string) =>
        api.get(`/api/tasks/${screenId}/cc-candidates?q=${encodeURIComponent(q)}`);
      const found = await expectOk(pick(cast.coordinator.api, cast.industry.username));
      expect(found.items).toEqual([
        { username: cast.industry.username, displayName: expect.any(String), role: 'industry_officer' },
      ]);
      // The outsider's cluster is not this enterprise's; the caller is not offered to themselves.
      expect((await expectOk(pick(cast.coordinator.api, outsider.username))).items).toEqual([]);
      expect((await expectOk(pick(cast.coordinator.api, cast.coordinator.username))).items).toEqual([]);
      // Officers only: not the enterprise's own users, who are refused the directory (403).
      expect((await expectOk(pick(cast.coordinator.api, cast.enterprise.username))).items).toEqual([]);
      expect((await pick(cast.enterprise.api, '')).status).toBe(403);
      expect((await pick(outsider.api, '')).status).toBe(404);
      const long = await pick(cast.coordinator.api, 'x'.repeat(51));
      expect([long.status, long.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('offers each role by its own scope rule, in one read whatever the number of people (the picker)', async () => {
      const name = `cc-${tag()}`;
      const roles: [string, Role, Scope][] = [
        ['a', 'industry_officer', { clusters: [CLUSTER] }],
        ['b', 'industry_officer', { clusters: ['T1'] }],
        ['c', 'district_officer', { districts: [DISTRICT] }],
        ['d', 'district_officer', { districts: ['500101'] }],
        ['e', 'commissioner', {}],
        ['f', 'finance_officer', { department: 'finance' }],
        ['g', 'leader', {}],
        ['h', 'city_coordinator', {}],
      ];
      const people = await Promise.all(
        roles.map(([suffix, role, scope]) => createUser(role, scope, `${name}-${suffix}`)),
      );
      const pick = async (q: string) =>
        (await expectOk(cast.coordinator.api.get(`/api/tasks/${screenId}/cc-candidates?q=${q}`))).items;
      // Who may see the enterprise: its cluster's and district's officers, the leader, a coordinator;
      // not another cluster or district, a commissioner it is not assigned to, a department owning none of its problems.
      expect((await pick(name)).map((p: any) => p.username)).toEqual(
        [people[0], people[2], people[6], people[7]].map((p) => p.username),
      );
      const reads = (q: string) => readsOf('/api/tasks/:id/cc-candidates', () => pick(q));
      // Eight people looked at cost what one does: the scope is checked in the query that finds them.
      expect(await reads(name)).toBe(await reads(people[0].username));
    });

    it('checks everyone named against their scope in one read, however many they are', async () => {
      const name = `ccn-${tag()}`;
      const people = await Promise.all(
        (
          [
            ['industry_officer', { clusters: [CLUSTER] }],
            ['district_officer', { districts: [DISTRICT] }],
            ['district_officer', { districts: ['500101'] }],
            ['commissioner', {}],
            ['finance_officer', { department: 'finance' }],
            ['leader', {}],
          ] as [Role, Scope][]
        ).map(([role, scope], i) => createUser(role, scope, `${name}-${i}`)),
      );
      const copy = async (users: string[]) => {
        const r = await cast.coordinator.api.post(`/api/tasks/${screenId}/cc`, { users });
        expect([r.status, r.body.code]).toEqual([422, 'USERS_MAY_NOT_SEE']);
        return r.body.message as string;
      };
      const reads = (users: string[]) => readsOf('/api/tasks/:id/cc', () => copy(users));
      const many = [outsider.username, ...people.map((p) => p.username)];
      // Refused by the same rule as before: another district, a commissioner it is not assigned
      // to, a department owning none of its problems (and the outsider's other cluster).
      const message = await copy(many);
      for (const i of [2, 3, 4]) expect(message).toContain(people[i].username);
      for (const i of [0, 1, 5]) expect(message).not.toContain(people[i].username);
      expect(await reads(many)).toBe(await reads([outsider.username]));
    });

    it('refuses someone who may not do the task (403)', async () => {
      const r = await cast.districtOfficer.api.post(`/api/tasks/${screenId}/cc`, {
        users: [cast.industry.username],
      });
      expect(r.status).toBe(403);
    });

    it('copies the task: the user is told, finds it under view=cc and reads it read-only', async () => {
      const r = await expectOk(
        cast.coordinator.api.post(`/api/tasks/${screenId}/cc`, {
          users: [cast.industry.username],
          note: '请知悉',
        }),
        201,
      );
      expect(r.users).toEqual([cast.industry.username]);
      const copied = await expectOk(cast.industry.api.get('/api/tasks?view=cc'));
      expect(copied.items.map((t: any) => [t.id, t.copied, t.copiedByName])).toEqual([
        [screenId, true, '科技处 刘科长'],
      ]);
      // Rows not copied to the reader carry no copier.
      const others = await expectOk(cast.coordinator.api.get(`/api/tasks?creditCode=${cast.creditCode}`));
      expect(others.items.map((t: any) => [t.copied, t.copiedByName])).toEqual([[false, null]]);
      const notMine = await expectOk(cast.districtOfficer.api.get('/api/tasks?view=cc'));
      expect(notMine.items.map((t: any) => t.id)).not.toContain(screenId);
      await expectOk(
        (await adminApi()).patch(`/api/users/${cast.industry.username}`, { displayName: '产业处 冯处长' }),
      );
      const detail = await expectOk(cast.industry.api.get(`/api/tasks/${screenId}`));
      expect(detail).toMatchObject({ copiedToMe: true, canComplete: false, actions: { complete: false } });
      expect(detail.copies).toEqual([
        expect.objectContaining({
          username: cast.industry.username,
          displayName: '产业处 冯处长',
          copiedBy: cast.coordinator.username,
          copiedOnBehalfOf: null,
          copiedByName: '科技处 刘科长',
          note: '请知悉',
        }),
      ]);
      expect(detail.caseFile).not.toBeNull();
      const feed = await expectOk(cast.industry.api.get('/api/notifications'));
      expect(feed.items.some((n: any) => n.kind === 'cc' && n.taskId === screenId)).toBe(true);
      // The history says to whom by name (as the user is called now), the account kept in `data`.
      const [copy] = (await history(cast.creditCode)).filter((e) => e.action === 'task.cc');
      expect(copy.label.zh).toBe('市级筛选：抄送 产业处 冯处长');
      expect(copy.data.users).toEqual([cast.industry.username]);
      expect(copy.names).toEqual({ [cast.industry.username]: '产业处 冯处长' });
    });

    it('copies nobody twice: 409 COPY_ALREADY_SENT naming them, nothing sent; two copies at once send one', async () => {
      const notices = async (m: Member) =>
        (await expectOk(m.api.get('/api/notifications'))).items.filter(
          (n: any) => n.kind === 'cc' && n.taskId === screenId,
        ).length;
      const copy = (users: string[]) =>
        cast.coordinator.api.post(`/api/tasks/${screenId}/cc`, { users, note: '再请知悉' });
      const [other, third] = await Promise.all([
        createUser('industry_officer', { clusters: [CLUSTER] }),
        createUser('industry_officer', { clusters: [CLUSTER] }),
      ]);
      // The industry officer was copied above: refused whole, named as the task page names them.
      const again = await copy([other.username, cast.industry.username]);
      expect([again.status, again.body.code]).toEqual([409, 'COPY_ALREADY_SENT']);
      expect(again.body.message).toContain(`产业处 冯处长（${cast.industry.username}）`);
      expect(again.body.message).not.toContain(other.username);
      expect([await notices(cast.industry), await notices(other)]).toEqual([1, 0]);
      // Two at once naming the same person: the workflow's validator sees the copy the first recorded.
      const both = await Promise.all([copy([third.username]), copy([third.username])]);
      expect(both.map((r) => [r.status, r.body.code ?? 'ok']).sort()).toEqual([
        [201, 'ok'],
        [409, 'COPY_ALREADY_SENT'],
      ]);
      expect(await notices(third)).toBe(1);
      const detail = await expectOk(cast.coordinator.api.get(`/api/tasks/${screenId}`));
      expect(detail.copies.map((c: any) => c.username).sort()).toEqual(
        [cast.industry.username, third.username].sort(),
      );
      expect((await history(cast.creditCode)).filter((e) => e.action === 'task.cc')).toHaveLength(2);
    });
  });

  describe('转办 with a reason, picked from /candidates', () => {
    it('records the reason with the task and in the history', async () => {
      const other = await createUser('city_coordinator', {}, undefined, '科技处 钱七');
      const candidates = await expectOk(cast.coordinator.api.get(`/api/tasks/${screenId}/candidates`));
      expect(candidates.map((c: any) => c.username)).toContain(other.username);
      await expectOk(
        cast.coordinator.api.post(`/api/tasks/${screenId}/delegate`, {
          to: other.username,
          reason: '本人出差',
        }),
      );
      const detail = await expectOk(other.api.get(`/api/tasks/${screenId}`));
      expect(detail).toMatchObject({ assignee: other.username, delegationReason: '本人出差' });
      const delegated = (await history(cast.creditCode)).filter((e) => e.action === 'task.delegated');
      expect(delegated.map((e) => [e.data.to, e.data.reason])).toEqual([[other.username, '本人出差']]);
      // Back to the cast's coordinator, for the lifecycle below.
      await expectOk(other.api.post(`/api/tasks/${screenId}/delegate`, { to: cast.coordinator.username }));
      // The history names whom it went to by name, the account kept in `data.to`.
      expect(delegated[0].names).toEqual({ [other.username]: '科技处 钱七' });
    });
  });

  describe('委托代理 proxy', () => {
    let standIn: Member;
    const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

    beforeAll(async () => {
      standIn = await createUser('commissioner', {}, undefined, '王五');
      await expectOk(
        (await adminApi()).patch(`/api/users/${cast.districtOfficer.username}`, {
          displayName: '渝北区 赵强',
        }),
      );
      await expectOk(
        complete(cast.coordinator.api, cast.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }),
      );
      await expectOk(
        complete(cast.districtOfficer.api, cast.creditCode, 'DISTRICT_FEEDBACK', 'support', {
          opinion: '同意',
        }),
      );
      await expectOk(complete(cast.enterprise.api, cast.creditCode, 'ENTERPRISE_CONFIRM', 'confirm', {}));
      await expectOk(
        complete(cast.coordinator.api, cast.creditCode, 'ADMIT', 'admit', {
          leadCluster: cast.cluster,
          commissioner: cast.commissioner.username,
          districtLiaison: cast.districtOfficer.username,
        }),
      );
    });

    it('names the people admission assigned by name in the history, to the enterprise too', async () => {
      for (const reader of [cast.auditor, cast.enterprise]) {
        const entries: any[] = await expectOk(reader.api.get(`/api/enterprises/${cast.creditCode}/history`));
        const admitted = entries.find((e) => e.action === 'task.completed' && e.data.taskType === 'ADMIT');
        // A stage change's `to` is a stage, no person.
        const stages = entries.filter((e) => e.action === 'stage.changed');
        expect(stages.length).toBeGreaterThan(0);
        expect(stages.map((e) => e.names)).toEqual(stages.map(() => ({})));
        expect(admitted.data.data).toMatchObject({ districtLiaison: cast.districtOfficer.username });
        expect(admitted.names).toEqual({
          [cast.commissioner.username]: cast.commissioner.username,
          [cast.districtOfficer.username]: '渝北区 赵强',
        });
      }
    });

    it('offers as proxies the colleagues of my role whose scope covers mine', async () => {
      const pick = (api: Cast['coordinator']['api'], q: string) =>
        expectOk(api.get(`/api/me/proxy/candidates?q=${encodeURIComponent(q)}`));
      expect((await pick(cast.commissioner.api, standIn.username)).items).toEqual([
        { username: standIn.username, displayName: '王五', role: 'commissioner' },
      ]);
      expect((await pick(cast.commissioner.api, cast.districtOfficer.username)).items).toEqual([]);
      expect((await pick(cast.commissioner.api, cast.commissioner.username)).items).toEqual([]);
      // A district officer of another district does not cover this one's scope.
      const elsewhere = await createUser('district_officer', { districts: ['500155'] });
      expect((await pick(cast.districtOfficer.api, elsewhere.username)).items).toEqual([]);
    });

    it('lets no enterprise user name a proxy: any of its users does its steps, and stores nothing', async () => {
      const colleague = await createUser('enterprise_user', { creditCodes: [cast.creditCode] });
      const api = cast.enterprise.api;
      expect((await expectOk(api.get(`/api/me/proxy/candidates?q=${colleague.username}`))).items).toEqual([]);
      const r = await api.put('/api/me/proxy', {
        to: colleague.username,
        from: new Date().toISOString(),
        until: inAWeek(),
      });
      expect([r.status, r.body.code]).toEqual([422, 'PROXY_NOT_ALLOWED']);
      expect((await expectOk(api.get('/api/me/proxy'))).proxy).toBeNull();
    });

    it('refuses another role, an unknown user, oneself and a period that ended (422), and stores nothing', async () => {
      const api = cast.commissioner.api;
      const now = new Date().toISOString();
      for (const to of [cast.districtOfficer.username, 'nobody-here', cast.commissioner.username]) {
        const r = await api.put('/api/me/proxy', { to, from: now, until: inAWeek() });
        expect([to, r.status, r.body.code]).toEqual([to, 422, 'PROXY_NOT_ALLOWED']);
      }
      const past = await api.put('/api/me/proxy', {
        to: standIn.username,
        from: '2026-01-01',
        until: '2026-01-02',
      });
      expect(past.status).toBe(422);
      const bad = await api.put('/api/me/proxy', { to: standIn.username, from: 'soon', until: inAWeek() });
      expect(bad.status).toBe(400);
      expect((await expectOk(api.get('/api/me/proxy'))).proxy).toBeNull();
    });

    it('lets no one else do the principal’s DIAGNOSE before the proxy runs', async () => {
      const task = await openTask(cast.commissioner.api, cast.creditCode, 'DIAGNOSE');
      expect(await openTask(standIn.api, cast.creditCode, 'DIAGNOSE')).toBeUndefined();
      const r = await standIn.api.post(`/api/tasks/${task.id}/complete`, { outcome: 'submit', data: {} });
      expect(r.status).toBe(404);
      // A proxy that starts tomorrow does not run yet.
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
      await expectOk(
        cast.commissioner.api.put('/api/me/proxy', {
          to: standIn.username,
          from: tomorrow,
          until: inAWeek(),
        }),
      );
      expect(await openTask(standIn.api, cast.creditCode, 'DIAGNOSE')).toBeUndefined();
    });

    it('a commissioner’s proxy completes DIAGNOSE, with onBehalfOf in the history, task and case file', async () => {
      const set = await expectOk(
        cast.commissioner.api.put('/api/me/proxy', {
          to: standIn.username,
          from: new Date(Date.now() - 60_000).toISOString(),
          until: inAWeek(),
        }),
      );
      expect(set.proxy).toMatchObject({
        principal: cast.commissioner.username,
        to: standIn.username,
        active: true,
      });
      // By name too: the web said 您正在代理 district-500112.
      await expectOk(
        (await adminApi()).patch(`/api/users/${cast.commissioner.username}`, {
          displayName: '服务专员 陈静',
        }),
      );
      const standing = await expectOk(standIn.api.get('/api/me/proxy'));
      expect(standing.standingInFor).toEqual([cast.commissioner.username]);
      expect(standing.standingInForNames).toEqual(['服务专员 陈静']);

      const mine = await expectOk(standIn.api.get(`/api/tasks?view=mine&creditCode=${cast.creditCode}`));
      const task = mine.items.find((t: any) => t.type === 'DIAGNOSE');
      expect(task).toBeDefined();
      const held = await expectOk(standIn.api.get(`/api/tasks/${task.id}`));
      expect(held.canComplete).toBe(true);
      // The stand-in holds it for the principal, who is away: an urge would only reach them.
      expect(held.actions.urge).toBe(false);
      const urged = await standIn.api.post(`/api/tasks/${task.id}/urge`, {});
      expect([urged.status, urged.body.code]).toEqual([403, 'URGE_OWN_TASK']);
      const {
        rows: [{ urges }],
      } = await db().query(`SELECT count(*)::int AS urges FROM task_urges WHERE task_id = $1`, [task.id]);
      expect(urges).toBe(0);
      await expectOk(
        standIn.api.post(`/api/tasks/${task.id}/complete`, {
          outcome: 'submit',
          data: { portrait: PORTRAIT, problems: [problem()] },
        }),
      );

      const done = await expectOk(cast.coordinator.api.get(`/api/tasks/${task.id}`));
      expect(done).toMatchObject({ completedBy: standIn.username, onBehalfOf: cast.commissioner.username });
      const entry = (await history(cast.creditCode)).find(
        (e) => e.action === 'task.completed' && e.data.taskId === task.id,
      );
      expect(entry).toMatchObject({
        actor: standIn.username,
        data: {
          onBehalfOf: cast.commissioner.username,
          byline: { zh: '王五（代 服务专员 陈静）' },
        },
      });
      const next = await openTask(cast.coordinator.api, cast.creditCode, 'QUARTERLY_REPORT').catch(
        () => null,
      );
      const caseOf = next ?? done;
      const opinion = caseOf.caseFile?.opinions?.find((o: any) => o.taskId === task.id);
      expect(opinion).toMatchObject({
        onBehalfOf: cast.commissioner.username,
        actorName: '王五（代 服务专员 陈静）',
      });

      const audit = await expectOk(
        (await import('../support/cast'))
          .auditAdminApi()
          .then((a) => a.get(`/api/audit?actor=${cast.commissioner.username}`)),
      );
      expect(audit.items.map((e: any) => e.action)).toEqual(
        expect.arrayContaining(['proxy.set', 'proxy.changed']),
      );
    });

    it('ends the proxy (audited): the stand-in no longer sees the principal’s tasks', async () => {
      const ended = await expectOk(cast.commissioner.api.request('DELETE', '/api/me/proxy'));
      expect(ended.proxy).toBeNull();
      expect((await expectOk(standIn.api.get('/api/me/proxy'))).standingInFor).toEqual([]);
      const { rows } = await db().query(`SELECT 1 FROM task_proxies WHERE principal = $1`, [
        cast.commissioner.username,
      ]);
      expect(rows).toHaveLength(0);
      const audit = await expectOk(
        (await auditAdminApi()).get(`/api/audit?actor=${cast.commissioner.username}`),
      );
      expect(audit.items.map((e: any) => e.action)).toContain('proxy.ended');
    });
  });

  describe('an enterprise on its own task', () => {
    it('is offered neither 催办 (it would urge itself) nor 抄送 (officers copy), and is refused both (403)', async () => {
      const c = await createCast(DISTRICT, CLUSTER);
      await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
      await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
      const confirm = await openTask(c.enterprise.api, c.creditCode, 'ENTERPRISE_CONFIRM');
      const detail = await expectOk(c.enterprise.api.get(`/api/tasks/${confirm.id}`));
      expect(detail.actions).toMatchObject({ complete: true, urge: false, cc: false });
      const urge = await c.enterprise.api.post(`/api/tasks/${confirm.id}/urge`, {});
      expect([urge.status, urge.body.code]).toEqual([403, 'URGE_OWN_TASK']);
      const cc = await c.enterprise.api.post(`/api/tasks/${confirm.id}/cc`, {
        users: [c.coordinator.username],
      });
      expect([cc.status, cc.body.code]).toEqual([403, 'CC_BY_OFFICERS']);
      expect((await expectOk(c.coordinator.api.get('/api/tasks?view=cc'))).items).toEqual([]);
      // Its district officer may urge it.
      const urged = await expectOk(c.districtOfficer.api.post(`/api/tasks/${confirm.id}/urge`, {}), 201);
      expect(urged.notified).toEqual([c.enterprise.username]);
    });
  });

  describe('委托代理 退回: a proxy sends the principal’s task back', () => {
    let c: Cast;
    let standIn: Member;
    let admitId: string;
    const REASON = '请核实营业收入';

    beforeAll(async () => {
      // Claimed, the ADMIT is the principal's own: another coordinator may not act on it.
      ({ c, standIn, taskId: admitId } = await coordinatorDesk(DISTRICT, CLUSTER, 'ADMIT'));
    });

    it('refuses the stand-in while no proxy runs, and changes nothing', async () => {
      const r = await standIn.api.post(`/api/tasks/${admitId}/return`, { reason: REASON });
      expect(r.status).toBe(409);
      expect((await expectOk(standIn.api.get(`/api/tasks/${admitId}`))).approvalActions.return).toBe(false);
      expect((await expectOk(c.coordinator.api.get(`/api/tasks/${admitId}`))).status).toBe('open');
    });

    it('sends it back for the principal, with onBehalfOf on the task and in the history', async () => {
      await nameProxy(c.coordinator, standIn);
      const offered = await expectOk(standIn.api.get(`/api/tasks/${admitId}`));
      // The whole desk: 加签 too (ADMIT allows it), as the principal may.
      expect(offered.approvalActions).toMatchObject({ return: true, countersign: true });

      await expectOk(standIn.api.post(`/api/tasks/${admitId}/return`, { reason: REASON }));

      const returned = await expectOk(c.coordinator.api.get(`/api/tasks/${admitId}`));
      expect(returned).toMatchObject({
        status: 'cancelled',
        outcome: 'returned',
        completedBy: standIn.username,
        onBehalfOf: c.coordinator.username,
      });
      const screen = await openTask(c.coordinator.api, c.creditCode, 'SCREEN');
      const screenDetail = await expectOk(c.coordinator.api.get(`/api/tasks/${screen.id}`));
      expect(screenDetail.returned).toMatchObject({ reason: REASON, by: standIn.username });

      const entry = (await history(c.creditCode)).find(
        (e) => e.action === 'task.returned' && e.data.taskId === admitId,
      );
      expect(entry).toMatchObject({
        actor: standIn.username,
        data: {
          taskType: 'ADMIT',
          reason: REASON,
          onBehalfOf: c.coordinator.username,
          byline: { zh: `赵六（代 ${c.coordinator.username}）` },
        },
      });
      expect(entry.label.zh).toContain('退回');
      expect(entry.label.zh).not.toContain(REASON);
      // The request's policy is the engine's business, not the history's.
      expect(entry.data.policy).toBeUndefined();
    });
  });

  describe('委托代理 runs the whole desk: 加签, 抄送, 转办 for the principal, and 撤回 takes back who did it', () => {
    let c: Cast;
    let standIn: Member;
    let colleague: Member;
    let feedbackId: string;
    const setProxy = (from: number) => nameProxy(c.districtOfficer, standIn, from);
    const entryOf = async (action: string) =>
      (await history(c.creditCode)).filter((e) => e.action === action && e.data.taskId === feedbackId).at(-1);
    const byline = () => ({ onBehalfOf: c.districtOfficer.username, byline: { zh: `钱七（代 区县 孙八）` } });

    beforeAll(async () => {
      // Claimed, the feedback is the principal's own: a colleague of the district may not act on it.
      ({ c, standIn, colleague, taskId: feedbackId } = await districtDesk(DISTRICT, CLUSTER));
    });

    it('refuses the stand-in before the proxy runs (409 claimed, 403 delegate), offers nothing, changes nothing', async () => {
      await setProxy(86_400_000); // from tomorrow
      const detail = await expectOk(standIn.api.get(`/api/tasks/${feedbackId}`));
      expect(detail.actingFor).toBeNull();
      expect(detail.actions).toMatchObject({ cc: false, delegate: false });
      expect(detail.approvalActions).toMatchObject({ countersign: false });
      const asked = await standIn.api.post(`/api/tasks/${feedbackId}/countersign`, {
        users: [c.coordinator.username],
        mode: 'all',
        note: '请会签',
      });
      expect([asked.status, asked.body.code]).toEqual([409, 'TASK_CLAIMED']);
      const copied = await standIn.api.post(`/api/tasks/${feedbackId}/cc`, {
        users: [c.coordinator.username],
      });
      expect([copied.status, copied.body.code]).toEqual([409, 'TASK_CLAIMED']);
      const handed = await standIn.api.post(`/api/tasks/${feedbackId}/delegate`, { to: colleague.username });
      expect([handed.status, handed.body.code]).toEqual([403, 'MAY_NOT_DELEGATE']);
      const task = await expectOk(c.districtOfficer.api.get(`/api/tasks/${feedbackId}`));
      expect(task).toMatchObject({ assignee: c.districtOfficer.username, countersigns: [], copies: [] });
    });

    it('asks a countersignature and copies for the principal, whose task it stays, named 代 X in the history and audit', async () => {
      await setProxy(-60_000);
      const detail = await expectOk(standIn.api.get(`/api/tasks/${feedbackId}`));
      expect(detail.actingFor).toEqual({ username: c.districtOfficer.username, displayName: '区县 孙八' });
      expect(detail.actions).toMatchObject({ complete: true, cc: true, delegate: true });
      expect(detail.approvalActions).toMatchObject({ countersign: true, withdraw: false });
      const pickable = await expectOk(standIn.api.get(`/api/tasks/${feedbackId}/countersigners`));
      expect(pickable.map((u: any) => u.username)).not.toContain(c.districtOfficer.username);

      const ask = (users: string[]) =>
        standIn.api.post(`/api/tasks/${feedbackId}/countersign`, { users, mode: 'all', note: '请会签' });
      expect((await ask([c.districtOfficer.username])).status).toBe(400); // the principal's own task
      await expectOk(ask([c.coordinator.username]), 201);
      await expectOk(
        standIn.api.post(`/api/tasks/${feedbackId}/cc`, { users: [c.coordinator.username], note: '知悉' }),
        201,
      );

      const task = await expectOk(c.districtOfficer.api.get(`/api/tasks/${feedbackId}`));
      expect(task.assignee).toBe(c.districtOfficer.username);
      // The copy names whom the proxy copied for (task_copies.copied_on_behalf_of), as the notice does:
      // on the task page, in the copied person's 抄送 row and their notice.
      const { rows: copies } = await db().query(
        `SELECT copied_by, copied_on_behalf_of FROM task_copies WHERE task_id = $1`,
        [feedbackId],
      );
      expect(copies).toEqual([
        { copied_by: standIn.username, copied_on_behalf_of: c.districtOfficer.username },
      ]);
      const copiedBy = '钱七（代 区县 孙八）';
      expect(task.copies).toEqual([
        expect.objectContaining({
          username: c.coordinator.username,
          copiedBy: standIn.username,
          copiedOnBehalfOf: c.districtOfficer.username,
          copiedByName: copiedBy,
        }),
      ]);
      const row = (await expectOk(c.coordinator.api.get('/api/tasks?view=cc'))).items.find(
        (t: any) => t.id === feedbackId,
      );
      expect(row).toMatchObject({ copied: true, copiedByName: copiedBy });
      const notices = await expectOk(c.coordinator.api.get('/api/notifications'));
      const notice = notices.items.find((n: any) => n.kind === 'cc' && n.taskId === feedbackId);
      expect(notice.text.zh).toContain(copiedBy);
      expect(task.countersigns[0]).toMatchObject({
        requestedBy: standIn.username,
        onBehalfOf: c.districtOfficer.username,
        // …and so the 审批单 prints who asked.
        requestedByName: '钱七（代 区县 孙八）',
      });
      expect(await entryOf('task.countersign_requested')).toMatchObject({
        actor: standIn.username,
        data: byline(),
      });
      expect(await entryOf('task.cc')).toMatchObject({ actor: standIn.username, data: byline() });
      const audit = await expectOk(
        c.auditor.api.get(`/api/audit?creditCode=${c.creditCode}&action=workflow.transition`),
      );
      const kinds = audit.items
        .filter((e: any) => e.actor === standIn.username)
        .map((e: any) => [e.transition.kind, e.transition.onBehalfOf]);
      expect(kinds).toEqual(
        expect.arrayContaining([
          ['countersign', c.districtOfficer.username],
          ['copied', c.districtOfficer.username],
        ]),
      );
      await expectOk(complete(c.coordinator.api, c.creditCode, 'COUNTERSIGN', 'agree', { opinion: '同意' }));
    });

    it('hands the principal’s task on (转办) for them, with the reason, named 代 X', async () => {
      await expectOk(
        standIn.api.post(`/api/tasks/${feedbackId}/delegate`, { to: colleague.username, reason: '休假期间' }),
      );
      expect((await expectOk(c.districtOfficer.api.get(`/api/tasks/${feedbackId}`))).assignee).toBe(
        colleague.username,
      );
      expect(await entryOf('task.delegated')).toMatchObject({
        actor: standIn.username,
        data: { to: colleague.username, reason: '休假期间', ...byline() },
      });
      // Back to the principal for what follows.
      await expectOk(
        colleague.api.post(`/api/tasks/${feedbackId}/delegate`, { to: c.districtOfficer.username }),
      );
    });

    it('a withdrawn proxy completion leaves no 代 behind: the principal’s own completion is theirs alone', async () => {
      const support = { outcome: 'support', data: { opinion: '同意' } };
      await expectOk(standIn.api.post(`/api/tasks/${feedbackId}/complete`, support));
      expect(await expectOk(c.coordinator.api.get(`/api/tasks/${feedbackId}`))).toMatchObject({
        completedBy: standIn.username,
        onBehalfOf: c.districtOfficer.username,
      });
      await expectOk(standIn.api.post(`/api/tasks/${feedbackId}/withdraw`));
      const { rows } = await db().query(`SELECT completed_by, on_behalf_of FROM tasks WHERE id = $1`, [
        feedbackId,
      ]);
      expect(rows).toEqual([{ completed_by: null, on_behalf_of: null }]);
      // Reopened held by who withdrew: the stand-in gives it back and the principal does it.
      await expectOk(
        standIn.api.post(`/api/tasks/${feedbackId}/delegate`, { to: c.districtOfficer.username }),
      );
      await expectOk(c.districtOfficer.api.post(`/api/tasks/${feedbackId}/complete`, support));

      const done = await expectOk(c.coordinator.api.get(`/api/tasks/${feedbackId}`));
      expect(done).toMatchObject({ completedBy: c.districtOfficer.username, onBehalfOf: null });
      const item = (
        await expectOk(c.districtOfficer.api.get(`/api/tasks?creditCode=${c.creditCode}&status=done`))
      ).items.find((t: any) => t.id === feedbackId);
      expect(item).toMatchObject({ completedBy: c.districtOfficer.username, onBehalfOf: null });
      const opinion = done.caseFile.opinions.find((o: any) => o.taskId === feedbackId);
      expect(opinion).toMatchObject({ onBehalfOf: null, actorName: '区县 孙八' });
    });

    it('exports its history for the replay tests (a proxy’s 加签, 抄送, 转办 behind their patch)', () => {
      if (!process.env.TEMPORAL_CLI) return;
      const json = exportHistory(lifecycleWorkflowId(c.creditCode), 'proxy-actions.json')!;
      // The patch's marker is in it.
      expect(patchMarkersOf(json).filter((p: string) => p.includes(PROXY_ACTIONS_PATCH))).toHaveLength(1);
    });
  });

  // An artifact for test/replay: this lifecycle's history, with an urge, a copy, a delegation with a
  // reason and a proxy's completion, in the format operators export (copy it into test/histories/).
  it('exports its history for the replay tests', () => {
    if (!process.env.TEMPORAL_CLI) return;
    const json = exportHistory(lifecycleWorkflowId(cast.creditCode), 'urge-cc-proxy.json')!;
    const names = JSON.parse(json.toString()).events.map(
      (e: any) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name,
    );
    expect(names).toEqual(expect.arrayContaining(['urgeTask', 'ccTask', 'assignTask', 'completeTask']));
  });
});
