import { Role, sampleNomination } from '@hardtech/domain';
import { Api } from '../support/api';
import { createUser, freshCreditCode, Member } from '../support/cast';
import { JUDGMENTS, quarterlyReport } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';
import { buildWorld, EnterpriseKey, TaskKey, World } from '../support/world';

// Issue 4: every role against every endpoint family (me, reference, users, enterprises, statechart,
// ledger, membership, tasks, comments, claim/unclaim/delegate/complete, nominations), in and out of
// scope. The world: SUP
// (supporting, a quarterly report open) and FB (feedback: district opinion and enterprise
// confirmation open) in district 500151 / cluster F3; OUT (screening) in 500152 / F4. No other
// test file uses these districts or clusters, so unfiltered lists are checked exactly too.
const D_IN = '500151';
const C_IN = 'F3';
const D_OUT = '500152';
const C_OUT = 'F4';

const ALL_E: EnterpriseKey[] = ['SUP', 'FB', 'OUT'];
const ALL_T: TaskKey[] = ['QR', 'DF', 'EC', 'SCREEN'];
const TASK_OF: Record<TaskKey, EnterpriseKey> = { QR: 'SUP', DF: 'FB', EC: 'FB', SCREEN: 'OUT' };
type Status = 200 | 201 | 403 | 404 | 409 | 422;

interface RoleSpec {
  /** Enterprises it sees (list, total, detail, statechart); the others answer 404. */
  enterprises: EnterpriseKey[];
  /** Open tasks it sees (view=all; detail, candidates); the others answer 404. */
  tasks: TaskKey[];
  /** Open tasks in its inbox (what it can do). */
  inbox: TaskKey[];
  /** Unfiltered lists hold only world objects for this role, so their totals are exact. */
  exactTotals: boolean;
  /** GET/POST/PATCH /api/users. */
  managesUsers: boolean;
  /** Nominating in its scope / outside it; 403 for roles that may not nominate. */
  nominates: { inScope: Status; outOfScope: Status };
  /** A task it sees but may not do: the answer to each action (delegating to itself). */
  foreign?: { task: TaskKey; complete: Status; claim: Status; unclaim: Status; delegate: Status };
  /** A task it cannot see: every read and action is a 404 (a 403 where it `worksNoCases`). */
  hidden?: TaskKey;
  /** 三员 work no cases: every action on any task is 403 READ_ONLY_ROLE, seen or not. */
  worksNoCases?: true;
  /** Comments on a task it sees. */
  comments: Status;
  /** GET /api/audit and /api/audit/verify (三员: the audit administrator and the auditor only). */
  readsAudit?: true;
  /** GET /api/security/{policy,sessions,lockouts} (三员: the security administrator only). */
  keepsSecurity?: true;
}

const READ_ONLY = { complete: 403, claim: 403, unclaim: 403, delegate: 403 } as const;
const NOT_MINE = { complete: 403, claim: 403, unclaim: 403, delegate: 403 } as const;

// prettier-ignore
const MATRIX: Record<Role, RoleSpec> = {
  system_admin:     { enterprises: ALL_E,         tasks: ALL_T,              inbox: [],         exactTotals: false, managesUsers: true,  nominates: { inScope: 403, outOfScope: 403 }, foreign: { task: 'SCREEN', ...READ_ONLY }, comments: 403, worksNoCases: true },
  security_admin:   { enterprises: [],            tasks: [],                 inbox: [],         exactTotals: true,  managesUsers: false, nominates: { inScope: 403, outOfScope: 403 }, hidden: 'SCREEN', comments: 403, keepsSecurity: true, worksNoCases: true },
  audit_admin:      { enterprises: [],            tasks: [],                 inbox: [],         exactTotals: true,  managesUsers: false, nominates: { inScope: 403, outOfScope: 403 }, comments: 403, readsAudit: true, worksNoCases: true },
  city_coordinator: { enterprises: ALL_E,         tasks: ALL_T,              inbox: ['SCREEN'], exactTotals: false, managesUsers: true,  nominates: { inScope: 201, outOfScope: 201 }, foreign: { task: 'QR', complete: 403, claim: 403, unclaim: 403, delegate: 422 }, comments: 201 },
  industry_officer: { enterprises: ['SUP', 'FB'], tasks: ['QR', 'DF', 'EC'], inbox: [],         exactTotals: true,  managesUsers: false, nominates: { inScope: 201, outOfScope: 403 }, foreign: { task: 'DF', ...NOT_MINE }, hidden: 'SCREEN', comments: 201 },
  sme_officer:      { enterprises: ['SUP'],       tasks: ['QR'],             inbox: [],         exactTotals: false, managesUsers: false, nominates: { inScope: 403, outOfScope: 403 }, foreign: { task: 'QR', ...NOT_MINE }, hidden: 'DF', comments: 201 },
  finance_officer:  { enterprises: ['SUP'],       tasks: ['QR'],             inbox: [],         exactTotals: false, managesUsers: false, nominates: { inScope: 403, outOfScope: 403 }, foreign: { task: 'QR', ...NOT_MINE }, hidden: 'DF', comments: 201 },
  district_officer: { enterprises: ['SUP', 'FB'], tasks: ['QR', 'DF', 'EC'], inbox: ['DF'],     exactTotals: true,  managesUsers: false, nominates: { inScope: 201, outOfScope: 403 }, foreign: { task: 'QR', ...NOT_MINE }, hidden: 'SCREEN', comments: 201 },
  commissioner:     { enterprises: ['SUP'],       tasks: ['QR'],             inbox: [],         exactTotals: true,  managesUsers: false, nominates: { inScope: 403, outOfScope: 403 }, foreign: { task: 'QR', ...NOT_MINE }, hidden: 'DF', comments: 201 },
  enterprise_user:  { enterprises: ['SUP'],       tasks: ['QR'],             inbox: ['QR'],     exactTotals: true,  managesUsers: false, nominates: { inScope: 201, outOfScope: 403 }, hidden: 'EC', comments: 201 },
  auditor:          { enterprises: ALL_E,         tasks: ALL_T,              inbox: [],         exactTotals: false, managesUsers: false, nominates: { inScope: 403, outOfScope: 403 }, foreign: { task: 'SCREEN', ...READ_ONLY }, comments: 403, readsAudit: true },
  leader:           { enterprises: ALL_E,         tasks: ALL_T,              inbox: [],         exactTotals: false, managesUsers: false, nominates: { inScope: 403, outOfScope: 403 }, foreign: { task: 'SCREEN', ...READ_ONLY }, comments: 403 },
};
const ROLES = Object.keys(MATRIX) as Role[];
const READS_AUDIT = (role: Role) => MATRIX[role].readsAudit === true;
const KEEPS_SECURITY = (role: Role) => MATRIX[role].keepsSecurity === true;

/** Who does each world task in the own-task walk-through, with the completion they make. */
const OWN_TASKS: { role: Role; task: TaskKey; outcome: string; data: () => Record<string, unknown> }[] = [
  { role: 'city_coordinator', task: 'SCREEN', outcome: 'pass', data: () => ({ judgments: JUDGMENTS }) },
  { role: 'district_officer', task: 'DF', outcome: 'support', data: () => ({ opinion: '同意推荐' }) },
  { role: 'enterprise_user', task: 'QR', outcome: 'submit', data: () => quarterlyReport('2026Q3') },
];

describe('access matrix: role × endpoint family × scope', () => {
  let w: World;
  const api = (role: Role): Api => w.users[role].api;
  const sorted = (xs: string[]) => [...xs].sort();
  const idsOf = (keys: TaskKey[]) => sorted(keys.map((k) => w.tasks[k]));
  const codesOf = (keys: EnterpriseKey[]) => sorted(keys.map((k) => w.enterprises[k]));
  const worldTasks = async (role: Role, query: string) => {
    const ids: string[] = [];
    for (const cc of Object.values(w.enterprises)) {
      const r = await api(role).get(`/api/tasks?${query}&creditCode=${cc}&pageSize=100`);
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(r.body.items.length);
      ids.push(...r.body.items.map((t: { id: string }) => t.id));
    }
    return sorted(ids);
  };

  beforeAll(async () => {
    w = await buildWorld(D_IN, C_IN, D_OUT, C_OUT);
  }, 120_000);
  afterAll(closeTemporal);

  describe('reads', () => {
    describe.each(ROLES)('%s', (role) => {
      const spec = MATRIX[role];

      it('GET /api/me answers its own role and scope', async () => {
        const r = await api(role).get('/api/me');
        expect(r.status).toBe(200);
        expect(r.body).toMatchObject({ username: w.users[role].username, role });
      });

      it('GET /api/reference is open to every role', async () => {
        expect((await api(role).get('/api/reference')).status).toBe(200);
      });

      it(`GET /api/users → ${spec.managesUsers ? 200 : 403}`, async () => {
        expect((await api(role).get('/api/users')).status).toBe(spec.managesUsers ? 200 : 403);
        const one = await api(role).get(`/api/users/${w.users.district_officer.username}`);
        expect(one.status).toBe(spec.managesUsers ? 200 : 403);
      });

      it(`GET /api/audit and /api/audit/verify → ${READS_AUDIT(role) ? 200 : 403}`, async () => {
        expect((await api(role).get('/api/audit?pageSize=1')).status).toBe(READS_AUDIT(role) ? 200 : 403);
        expect((await api(role).get('/api/audit/verify')).status).toBe(READS_AUDIT(role) ? 200 : 403);
      });

      it(`GET /api/security/policy, sessions, lockouts → ${KEEPS_SECURITY(role) ? 200 : 403}`, async () => {
        for (const path of ['policy', 'sessions', 'lockouts'])
          expect([path, (await api(role).get(`/api/security/${path}`)).status]).toEqual([
            path,
            KEEPS_SECURITY(role) ? 200 : 403,
          ]);
      });

      it(`lists exactly the enterprises ${spec.enterprises.join(', ') || '(none)'}, with a matching total`, async () => {
        const r = await api(role).get(`/api/enterprises?q=${w.tag}&pageSize=100`);
        expect(r.status).toBe(200);
        expect(sorted(r.body.items.map((e: { creditCode: string }) => e.creditCode))).toEqual(
          codesOf(spec.enterprises),
        );
        expect(r.body.total).toBe(spec.enterprises.length);
        if (spec.exactTotals)
          expect((await api(role).get('/api/enterprises')).body.total).toBe(spec.enterprises.length);
      });

      it.each(ALL_E)(
        'GET /api/enterprises/<%s> and its statechart: 200 in scope, 404 outside',
        async (key) => {
          const expected = spec.enterprises.includes(key) ? 200 : 404;
          const cc = w.enterprises[key];
          const detail = await api(role).get(`/api/enterprises/${cc}`);
          expect(detail.status).toBe(expected);
          if (expected === 404) expect(detail.body.code).toBe('ENTERPRISE_NOT_FOUND');
          else {
            // Its open tasks are a list too: only those the role may see.
            const visible = spec.tasks.filter((t) => TASK_OF[t] === key);
            expect(sorted(detail.body.openTasks.map((t: { id: string }) => t.id))).toEqual(idsOf(visible));
          }
          expect((await api(role).get(`/api/enterprises/${cc}/statechart`)).status).toBe(expected);
        },
      );

      it(`lists exactly the open tasks ${spec.tasks.join(', ')} (view=all), with matching totals`, async () => {
        expect(await worldTasks(role, 'view=all')).toEqual(idsOf(spec.tasks));
        if (spec.exactTotals) {
          const r = await api(role).get('/api/tasks?view=all&pageSize=100');
          expect(r.body.total).toBe(spec.tasks.length);
          expect(sorted(r.body.items.map((t: { id: string }) => t.id))).toEqual(idsOf(spec.tasks));
        }
      });

      // SUP's ledger: one problem owned by the SME division, one by the finance division.
      const ledger =
        !MATRIX[role].enterprises.includes('SUP') && !MATRIX[role].tasks.includes('QR')
          ? []
          : role === 'sme_officer'
            ? ['专精特新培育']
            : role === 'finance_officer'
              ? ['流动资金紧张']
              : ['专精特新培育', '流动资金紧张'];
      it(`sees SUP's ledger problems ${ledger.join(', ')} (owner departments only their own)`, async () => {
        const r = await api(role).get(`/api/problems?creditCode=${w.enterprises.SUP}`);
        expect(r.status).toBe(200);
        expect(sorted(r.body.items.map((p: { title: string }) => p.title))).toEqual(sorted(ledger));
        expect(r.body.total).toBe(ledger.length);
      });

      it.each(ALL_E)('GET /api/pool/membership/<%s>: 200 in scope, 404 outside', async (key) => {
        const r = await api(role).get(`/api/pool/membership/${w.enterprises[key]}`);
        expect(r.status).toBe(spec.enterprises.includes(key) ? 200 : 404);
        if (r.status === 200) expect(r.body.member).toBe(key === 'SUP');
      });

      const doneOfSup = !MATRIX[role].enterprises.includes('SUP')
        ? []
        : role === 'enterprise_user'
          ? ['ENTERPRISE_CONFIRM']
          : ['ADMIT', 'DIAGNOSE', 'DISTRICT_FEEDBACK', 'ENTERPRISE_CONFIRM', 'SCREEN'];
      it(`sees SUP's done tasks ${doneOfSup.join(', ')} (an enterprise not the officers' own work)`, async () => {
        const r = await api(role).get(`/api/tasks?view=all&status=done&creditCode=${w.enterprises.SUP}`);
        expect(sorted(r.body.items.map((t: { type: string }) => t.type))).toEqual(doneOfSup);
        expect(r.body.total).toBe(doneOfSup.length);
      });

      it(`has ${spec.inbox.join(', ') || 'nothing'} in its inbox`, async () => {
        expect(await worldTasks(role, 'view=inbox')).toEqual(idsOf(spec.inbox));
      });

      it.each(ALL_T)('GET /api/tasks/<%s> and its candidates: 200 in scope, 404 outside', async (key) => {
        const expected = spec.tasks.includes(key) ? 200 : 404;
        const detail = await api(role).get(`/api/tasks/${w.tasks[key]}`);
        expect(detail.status).toBe(expected);
        if (expected === 200) {
          expect(detail.body.actions.complete).toBe(spec.inbox.includes(key));
          expect(detail.body.enterprise.creditCode).toBe(detail.body.creditCode);
        } else {
          expect(detail.body.code).toBe('TASK_NOT_FOUND');
        }
        expect((await api(role).get(`/api/tasks/${w.tasks[key]}/candidates`)).status).toBe(expected);
      });
    });
  });

  describe('writes: refused ones change nothing', () => {
    describe.each(ROLES)('%s', (role) => {
      const spec = MATRIX[role];
      const foreign = spec.foreign;
      const actions = (task: string) => ({
        complete: () => api(role).post(`/api/tasks/${task}/complete`, { outcome: 'support', data: {} }),
        claim: () => api(role).post(`/api/tasks/${task}/claim`),
        unclaim: () => api(role).post(`/api/tasks/${task}/unclaim`),
        delegate: () => api(role).post(`/api/tasks/${task}/delegate`, { to: w.users[role].username }),
      });
      const state = async (key: TaskKey) => {
        const r = await w.users.city_coordinator.api.get(`/api/tasks/${w.tasks[key]}`);
        return { status: r.body.status, assignee: r.body.assignee };
      };

      if (foreign) {
        it.each(['complete', 'claim', 'unclaim', 'delegate'] as const)(
          `%s on a task it sees but may not do (${foreign.task}) → see table`,
          async (action) => {
            const before = await state(foreign.task);
            const r = await actions(w.tasks[foreign.task])[action]();
            expect(r.status).toBe(foreign[action]);
            expect(r.body).toMatchObject({ statusCode: foreign[action], code: expect.any(String) });
            expect(await state(foreign.task)).toEqual(before);
          },
        );
      }

      if (spec.hidden) {
        const hidden = spec.hidden;
        // An administrator is refused case work before the task is looked up: the same 403 for any id.
        const [status, code] = spec.worksNoCases ? [403, 'READ_ONLY_ROLE'] : [404, 'TASK_NOT_FOUND'];
        it.each(['complete', 'claim', 'unclaim', 'delegate'] as const)(
          `%s on a task outside its scope (${hidden}) → ${status}`,
          async (action) => {
            const before = await state(hidden);
            const r = await actions(w.tasks[hidden])[action]();
            expect(r.status).toBe(status);
            expect(r.body.code).toBe(code);
            expect(await state(hidden)).toEqual(before);
          },
        );
        it(`comments on a task outside its scope (${hidden}) → ${status}`, async () => {
          const r = await api(role).post(`/api/tasks/${w.tasks[hidden]}/comments`, { text: 'out of scope' });
          expect(r.status).toBe(status);
        });
      }

      it(`comments on a task ${spec.tasks.length ? 'it sees' : '(it sees none)'} → ${spec.comments}`, async () => {
        const task = w.tasks[spec.tasks[0] ?? 'SCREEN'];
        const text = `${role} 的意见 ${w.tag}`;
        const r = await api(role).post(`/api/tasks/${task}/comments`, { text });
        expect(r.status).toBe(spec.comments);
        const comments = (await w.users.city_coordinator.api.get(`/api/tasks/${task}`)).body.comments;
        expect(comments.filter((c: { text: string }) => c.text === text)).toHaveLength(
          spec.comments === 201 ? 1 : 0,
        );
      });

      it(`POST and PATCH /api/users → ${spec.managesUsers ? '201 / 200' : '403, nothing changed'}`, async () => {
        const username = `matrix-${role.replace(/_/g, '-')}-${w.tag}`;
        const created = await api(role).post('/api/users', {
          username,
          password: 'matrix-pass-123456',
          displayName: username,
          role: 'district_officer',
          scope: { districts: [D_IN] },
        });
        expect(created.status).toBe(spec.managesUsers ? 201 : 403);
        const target = spec.managesUsers ? username : w.colleagues.district_officer!.username;
        const patched = await api(role).patch(`/api/users/${target}`, { displayName: `改名 ${role}` });
        expect(patched.status).toBe(spec.managesUsers ? 200 : 403);
        const after = await w.users.system_admin.api.get(`/api/users/${target}`);
        expect(after.body.displayName === `改名 ${role}`).toBe(spec.managesUsers);
        if (!spec.managesUsers)
          expect((await w.users.system_admin.api.get(`/api/users/${username}`)).status).toBe(404);
      });
    });
  });

  describe.each(OWN_TASKS)(
    '$role works its own task $task: claim, hand over, complete',
    ({ role, task, outcome, data }) => {
      let me: Member;
      let colleague: Member;
      let id: string;
      const assignee = async () => (await me.api.get(`/api/tasks/${id}`)).body.assignee;

      beforeAll(() => {
        me = w.users[role];
        colleague = w.colleagues[role]!;
        id = w.tasks[task];
      });

      // An enterprise does its own step as it comes: no claim to make, no one to hand it to.
      if (role === 'enterprise_user') {
        it('may not claim or delegate it (403 ENTERPRISE_DOES_NOT_ASSIGN), and nothing changes', async () => {
          const claim = await me.api.post(`/api/tasks/${id}/claim`);
          const delegate = await me.api.post(`/api/tasks/${id}/delegate`, { to: colleague.username });
          for (const r of [claim, delegate]) {
            expect([r.status, r.body.code]).toEqual([403, 'ENTERPRISE_DOES_NOT_ASSIGN']);
          }
          expect((await me.api.get(`/api/tasks/${id}`)).body.actions).toMatchObject({
            complete: true,
            claim: false,
            delegate: false,
          });
          expect(await assignee()).toBeNull();
        });
      } else {
        it('claims it (twice is harmless); a colleague then cannot claim or complete it (409)', async () => {
          expect((await me.api.post(`/api/tasks/${id}/claim`)).body).toEqual({
            taskId: id,
            assignee: me.username,
          });
          expect((await me.api.post(`/api/tasks/${id}/claim`)).status).toBe(200);
          expect((await colleague.api.post(`/api/tasks/${id}/claim`)).body.code).toBe('TASK_CLAIMED');
          const r = await colleague.api.post(`/api/tasks/${id}/complete`, { outcome, data: data() });
          expect(r.status).toBe(409);
          expect(await assignee()).toBe(me.username);
        });

        it('unclaims it; unclaiming again is a 409', async () => {
          expect((await me.api.post(`/api/tasks/${id}/unclaim`)).body.assignee).toBeNull();
          expect((await me.api.post(`/api/tasks/${id}/unclaim`)).body.code).toBe('TASK_NOT_CLAIMED');
          expect(await assignee()).toBeNull();
        });

        it('may not delegate to someone who may not do it (422), may to a colleague, who hands it back', async () => {
          const outsider = role === 'city_coordinator' ? w.users.district_officer : w.users.industry_officer;
          const refused = await me.api.post(`/api/tasks/${id}/delegate`, { to: outsider.username });
          expect(refused.status).toBe(422);
          expect(refused.body.details).toEqual([{ field: 'to', message: expect.any(String) }]);
          const unknown = await me.api.post(`/api/tasks/${id}/delegate`, { to: `nobody-${w.tag}` });
          expect(unknown.body.code).toBe('DELEGATE_UNKNOWN');
          expect(await assignee()).toBeNull();
          const candidates = (await me.api.get(`/api/tasks/${id}/candidates`)).body.map(
            (c: { username: string }) => c.username,
          );
          expect(candidates).toEqual(expect.arrayContaining([me.username, colleague.username]));
          expect(candidates).not.toContain(outsider.username);

          expect(
            (await me.api.post(`/api/tasks/${id}/delegate`, { to: colleague.username })).body.assignee,
          ).toBe(colleague.username);
          expect(
            (await colleague.api.post(`/api/tasks/${id}/delegate`, { to: me.username })).body.assignee,
          ).toBe(me.username);
        });
      }

      it('completes it; afterwards claims and completions are 409', async () => {
        const r = await me.api.post(`/api/tasks/${id}/complete`, { outcome, data: data() });
        expect(r.status).toBe(200);
        expect(r.body).toEqual({ stage: expect.any(String), nextTasks: expect.any(Array) });
        const done = (await me.api.get(`/api/tasks/${id}`)).body;
        expect(done).toMatchObject({ status: 'done', outcome, completedBy: me.username });
        expect((await me.api.post(`/api/tasks/${id}/claim`)).body.code).toBe('TASK_ALREADY_COMPLETED');
        expect((await me.api.post(`/api/tasks/${id}/complete`, { outcome, data: data() })).status).toBe(409);
        expect(await worldTasks(role, 'view=inbox&status=done')).toContain(id);
      });
    },
  );

  it('the coordinator may take a claimed task back from its assignee; other candidates may not', async () => {
    const review = (await w.users.industry_officer.api.get(`/api/tasks?creditCode=${w.enterprises.SUP}`)).body
      .items[0];
    expect(review.type).toBe('QUARTERLY_REVIEW');
    const industry = w.users.industry_officer.api;
    await industry.post(`/api/tasks/${review.id}/claim`);
    const colleague = await createUser('industry_officer', { clusters: [C_IN] });
    expect((await colleague.api.post(`/api/tasks/${review.id}/unclaim`)).body.code).toBe('NOT_THE_ASSIGNEE');
    expect(
      (await w.users.city_coordinator.api.post(`/api/tasks/${review.id}/unclaim`)).body.assignee,
    ).toBeNull();
  });

  describe('nominations', () => {
    describe.each(ROLES)('%s', (role) => {
      const spec = MATRIX[role];
      const inScope = () => {
        if (role === 'enterprise_user')
          return sampleNomination({ creditCode: w.unnominated, district: D_IN, cluster: C_IN });
        if (role === 'industry_officer')
          return sampleNomination({ creditCode: freshCreditCode(), district: D_OUT, cluster: C_IN });
        return sampleNomination({ creditCode: freshCreditCode(), district: D_IN, cluster: C_OUT });
      };
      const outOfScope = () =>
        sampleNomination({ creditCode: freshCreditCode(), district: D_OUT, cluster: C_OUT });
      const lifecycle = async (creditCode: string) =>
        (await w.users.system_admin.api.get(`/api/enterprises/${creditCode}`)).status;

      it(`in its scope → ${spec.nominates.inScope}`, async () => {
        const n = inScope();
        expect((await api(role).post('/api/nominations', n)).status).toBe(spec.nominates.inScope);
        expect(await lifecycle(n.creditCode)).toBe(spec.nominates.inScope === 201 ? 200 : 404);
      });

      it(`outside its scope → ${spec.nominates.outOfScope}`, async () => {
        const n = outOfScope();
        expect((await api(role).post('/api/nominations', n)).status).toBe(spec.nominates.outOfScope);
        expect(await lifecycle(n.creditCode)).toBe(spec.nominates.outOfScope === 201 ? 200 : 404);
      });
    });
  });
});
