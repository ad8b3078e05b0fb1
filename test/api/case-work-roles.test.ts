import type { Role } from '@hardtech/domain';
import { Api } from '../support/api';
import { Cast, createCast, createUser, Member } from '../support/cast';
import { closeDb, db } from '../support/db';
import { upload } from '../support/files';
import { expectOk, nominationFor, openTask } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// Who reads a task and acts on none: the auditor (design: 审计 read-only, all history and audit
// log), whose task page reads what GET /api/tasks/:id and its files answer; and the three
// administrators (三员), who work no cases (docs/api.md). District 500109 belongs to this file.
const DISTRICT = '500109';
const CLUSTER = 'P1';

describe('roles that work no cases: the auditor reads a task, the three administrators act on none', () => {
  let cast: Cast;
  let screenId: string;
  let fileId: string;
  const members = {} as Record<'system_admin' | 'security_admin' | 'audit_admin', Member>;

  /** The task as the coordinator reads it, and what hangs on it: refusals change none of it. */
  const state = async () => {
    const task = await expectOk(cast.coordinator.api.get(`/api/tasks/${screenId}`));
    const count = async (table: string) =>
      (await db().query(`SELECT count(*)::int AS n FROM ${table} WHERE task_id = $1`, [screenId])).rows[0].n;
    const files = await expectOk(
      cast.coordinator.api.get(
        `/api/attachments?creditCode=${cast.creditCode}&subject=task&subjectId=${screenId}`,
      ),
    );
    return {
      status: task.status,
      assignee: task.assignee,
      comments: task.comments.length,
      copies: task.copies.length,
      countersigns: task.countersigns.length,
      urgedAt: task.urgedAt,
      urges: await count('task_urges'),
      files: files.length,
    };
  };

  beforeAll(async () => {
    cast = await createCast(DISTRICT, CLUSTER);
    await expectOk(cast.districtOfficer.api.post('/api/nominations', nominationFor(cast)), 201);
    screenId = (await openTask(cast.coordinator.api, cast.creditCode, 'SCREEN')).id;
    // The task as an officer leaves it for the readers: a comment and a file.
    await expectOk(
      cast.coordinator.api.post(`/api/tasks/${screenId}/comments`, { text: '请核实研发投入' }),
      201,
    );
    const file = await upload(cast.coordinator.api, {
      creditCode: cast.creditCode,
      subject: 'task',
      subjectId: screenId,
    });
    expect(file.status).toBe(201);
    fileId = file.body.id;
    for (const role of ['system_admin', 'security_admin', 'audit_admin'] as const) {
      members[role] = await createUser(role, {});
    }
  });
  afterAll(() => Promise.all([closeTemporal(), closeDb()]));

  it('lets the auditor read the task: facts, case file, comments, files (a download audited), the sheet, history', async () => {
    const auditor = cast.auditor.api;
    const task = await expectOk(auditor.get(`/api/tasks/${screenId}`));
    expect(task).toMatchObject({ id: screenId, type: 'SCREEN', status: 'open', creditCode: cast.creditCode });
    // Nothing to do on it: every action false, 退回, 撤回, 加签… too.
    expect(Object.keys(task.actions)).toEqual(expect.arrayContaining(['complete', 'claim', 'urge', 'cc']));
    expect(Object.values(task.actions).some(Boolean)).toBe(false);
    expect(Object.values(task.approvalActions).some(Boolean)).toBe(false);
    expect(task.caseFile.enterprise.creditCode).toBe(cast.creditCode);
    expect(task.comments.map((c: { text: string }) => c.text)).toEqual(['请核实研发投入']);
    const files = await expectOk(
      auditor.get(`/api/attachments?creditCode=${cast.creditCode}&subject=task&subjectId=${screenId}`),
    );
    expect(files.map((f: { id: string }) => f.id)).toEqual([fileId]);
    const download = await auditor.get(`/api/attachments/${fileId}/download`);
    expect(download.status).toBe(200);
    const audited = await db().query(
      `SELECT actor, actor_role FROM audit_events WHERE action = 'attachment.downloaded' AND credit_code = $1`,
      [cast.creditCode],
    );
    expect(audited.rows).toEqual([{ actor: cast.auditor.username, actor_role: 'auditor' }]);
    expect((await auditor.get(`/api/tasks/${screenId}/approval-sheet.pdf`)).status).toBe(200);
    const history = await expectOk(auditor.get(`/api/enterprises/${cast.creditCode}/history`));
    expect(history.length).toBeGreaterThan(0);
  });

  const READERS: Role[] = ['auditor', 'system_admin', 'security_admin', 'audit_admin'];
  const apiOf = (role: Role): Api =>
    role === 'auditor' ? cast.auditor.api : members[role as keyof typeof members].api;

  // Each write a task page or the inbox could send, with a well-formed body.
  const WRITES: [string, (api: Api) => Promise<{ status: number; body: any }>][] = [
    ['claim', (api) => api.post(`/api/tasks/${screenId}/claim`)],
    ['unclaim', (api) => api.post(`/api/tasks/${screenId}/unclaim`)],
    [
      'complete',
      (api) =>
        api.post(`/api/tasks/${screenId}/complete`, { outcome: 'reject', data: { opinion: '不符合条件' } }),
    ],
    ['delegate', (api) => api.post(`/api/tasks/${screenId}/delegate`, { to: cast.coordinator.username })],
    ['comment', (api) => api.post(`/api/tasks/${screenId}/comments`, { text: '我来看看' })],
    ['urge', (api) => api.post(`/api/tasks/${screenId}/urge`, { message: '请尽快办理' })],
    ['cc', (api) => api.post(`/api/tasks/${screenId}/cc`, { users: [cast.industry.username] })],
    ['return', (api) => api.post(`/api/tasks/${screenId}/return`, { reason: '材料不全' })],
    ['withdraw', (api) => api.post(`/api/tasks/${screenId}/withdraw`)],
    [
      'countersign',
      (api) =>
        api.post(`/api/tasks/${screenId}/countersign`, {
          users: [cast.industry.username],
          mode: 'all',
          note: '请会签',
        }),
    ],
    ['bulk urge', (api) => api.post('/api/tasks/bulk', { action: 'urge', taskIds: [screenId] })],
    ['bulk claim', (api) => api.post('/api/tasks/bulk', { action: 'claim', taskIds: [screenId] })],
    [
      'upload a file to the task',
      (api) => upload(api, { creditCode: cast.creditCode, subject: 'task', subjectId: screenId }),
    ],
  ];

  describe.each(READERS)('%s', (role) => {
    it.each(WRITES)('%s → 403 READ_ONLY_ROLE, nothing changed', async (_, write) => {
      const before = await state();
      const r = await write(apiOf(role));
      expect([r.status, r.body.code]).toEqual([403, 'READ_ONLY_ROLE']);
      expect(await state()).toEqual(before);
    });
  });

  it('shows the system administrator, who sees the task, no action on it (urge was offered)', async () => {
    const task = await expectOk(members.system_admin.api.get(`/api/tasks/${screenId}`));
    expect(task.actions).toMatchObject({ urge: false, cc: false, complete: false, claim: false });
    expect(task.urgeableAt).toBeNull();
    const row = (
      await expectOk(members.system_admin.api.get(`/api/tasks?view=all&creditCode=${cast.creditCode}`))
    ).items[0];
    expect(row.id).toBe(screenId);
  });
});
