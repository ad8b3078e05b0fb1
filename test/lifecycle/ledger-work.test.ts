import {
  LIFECYCLE_WORKFLOW_TYPE,
  LifecycleInput,
  lifecycleWorkflowId,
} from '@hardtech/temporal/lifecycle.contract';
import { Cast, createCast, createUser, Member } from '../support/cast';
import { closeDb, db } from '../support/db';
import { driveToGraduation, driveToSupporting, reportQuarter } from '../support/drive';
import {
  complete,
  eventually,
  expectLedgerWorkEnded,
  expectOk,
  nominationFor,
  openTask,
} from '../support/lifecycle';
import { closeTemporal, lifecycles, temporalClient } from '../support/temporal';

// Issue 19 item 1: departments work the ledger to 销号 — each step an Update on the lifecycle, in
// its history and the audit log — ask for more time, and are followed up when a problem is overdue.
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

async function financeMember(): Promise<{ c: Cast; finance: Member; problemId: string }> {
  const c = await createCast();
  await driveToSupporting(c);
  const finance = await createUser('finance_officer', { department: 'finance' });
  const problemId = (await expectOk(c.enterprise.api.get(`/api/enterprises/${c.creditCode}`))).problems[0].id;
  return { c, finance, problemId };
}

const historyOf = async (c: Cast) =>
  (await expectOk(c.coordinator.api.get(`/api/enterprises/${c.creditCode}/history`))) as {
    action: string;
    actor: string | null;
    data: any;
  }[];

const transitionsBy = async (creditCode: string, actor: string) =>
  (
    await db().query(
      `SELECT data FROM audit_events WHERE credit_code = $1 AND action = 'workflow.transition' AND actor = $2 ORDER BY seq`,
      [creditCode, actor],
    )
  ).rows;

describe('ledger work (化解问题台账)', () => {
  it('takes a finance-owned problem from progress through a close request to 销号, each step in history and audit', async () => {
    const { c, finance, problemId } = await financeMember();
    const url = `/api/problems/${problemId}`;
    expect(await expectOk(finance.api.get(url))).toMatchObject({
      id: problemId,
      status: 'open',
      ownerDepartment: 'finance',
      progress: [],
      handling: null,
    });

    const first = await expectOk(finance.api.post(`${url}/progress`, { note: '已对接三家银行' }), 201);
    expect(first).toMatchObject({
      taskId: null,
      problem: {
        status: 'in_progress',
        progress: [{ actor: finance.username, actorName: expect.any(String), note: '已对接三家银行' }],
      },
    });
    // The enterprise's commissioner works it too; the enterprise sees that work was done, not the notes.
    await expectOk(c.commissioner.api.post(`${url}/progress`, { note: '专员上门走访' }), 201);
    const seenByEnterprise = await expectOk(c.enterprise.api.get(url));
    expect(seenByEnterprise.progress).toEqual([
      { at: expect.any(String), actor: null, actorName: null, note: null },
      { at: expect.any(String), actor: null, actorName: null, note: null },
    ]);

    const asked = await expectOk(
      finance.api.post(`${url}/close-request`, { summary: '已获授信 500 万元' }),
      201,
    );
    expect(asked.problem).toMatchObject({ status: 'closing', closeSummary: '已获授信 500 万元' });
    const closeTask = await openTask(c.coordinator.api, c.creditCode, 'PROBLEM_CLOSE');
    expect(closeTask).toMatchObject({ id: asked.taskId, candidateGroups: ['city_coordinator'] });
    // The coordinator decides with the problem in view (its page reads GET /api/problems/:id).
    const closing = await expectOk(c.coordinator.api.get(`/api/tasks/${closeTask.id}`));
    expect(closing.problemId).toBe(asked.problem.id);
    expect((await expectOk(c.coordinator.api.get(`/api/problems/${closing.problemId}`))).closeSummary).toBe(
      '已获授信 500 万元',
    );
    // The opinion is required.
    expect(
      (await c.coordinator.api.post(`/api/tasks/${closeTask.id}/complete`, { outcome: 'confirm', data: {} }))
        .status,
    ).toBe(400);
    await expectOk(
      complete(c.coordinator.api, c.creditCode, 'PROBLEM_CLOSE', 'confirm', {
        opinion: '材料齐全，同意销号',
      }),
    );
    expect(await expectOk(finance.api.get(url))).toMatchObject({ status: 'resolved' });
    expect(
      (await expectOk(finance.api.get(`/api/problems?creditCode=${c.creditCode}&status=resolved`))).total,
    ).toBe(1);

    const entries = (await historyOf(c)).filter(
      (e) => e.action.startsWith('problem.') || e.data?.taskType === 'PROBLEM_CLOSE',
    );
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['problem.progress', finance.username],
      ['problem.progress', c.commissioner.username],
      ['problem.close_requested', finance.username],
      ['task.created', 'system'],
      ['task.completed', c.coordinator.username],
    ]);
    expect(entries[0].data).toMatchObject({ problemId, fields: { note: '已对接三家银行' } });

    expect(await transitionsBy(c.creditCode, finance.username)).toHaveLength(2);
    expect(await transitionsBy(c.creditCode, c.commissioner.username)).toHaveLength(2); // DIAGNOSE + progress
    const requests = (
      await db().query(
        `SELECT action, status FROM audit_events WHERE actor = $1 AND action LIKE 'POST /api/problems/%' ORDER BY seq`,
        [finance.username],
      )
    ).rows;
    expect(requests).toEqual([
      { action: 'POST /api/problems/:id/progress', status: 201 },
      { action: 'POST /api/problems/:id/close-request', status: 201 },
    ]);
  });

  it('moves the due date only when the coordinators approve the extension', async () => {
    const { c, finance, problemId } = await financeMember();
    const url = `/api/problems/${problemId}`;
    expect((await finance.api.post(`${url}/extend`, { dueAt: '2099-06-30', reason: '审批' })).status).toBe(
      422,
    );
    const asked = await expectOk(
      finance.api.post(`${url}/extend`, { dueAt: '2100-06-30', reason: '银行审批周期长' }),
      201,
    );
    expect(asked.problem).toMatchObject({ dueAt: '2099-12-31', extension: { dueAt: '2100-06-30' } });
    expect((await expectOk(c.coordinator.api.get(`/api/tasks/${asked.taskId}`))).problemId).toBe(problemId);
    expect((await finance.api.post(`${url}/extend`, { dueAt: '2100-09-30', reason: '再延' })).status).toBe(
      409,
    );
    await expectOk(
      complete(c.coordinator.api, c.creditCode, 'PROBLEM_EXTENSION', 'reject', { opinion: '理由不充分' }),
    );
    expect(await expectOk(finance.api.get(url))).toMatchObject({ dueAt: '2099-12-31', extension: null });

    await expectOk(finance.api.post(`${url}/extend`, { dueAt: '2100-06-30', reason: '银行审批周期长' }), 201);
    await expectOk(complete(c.coordinator.api, c.creditCode, 'PROBLEM_EXTENSION', 'approve', {}));
    expect(await expectOk(finance.api.get(url))).toMatchObject({ dueAt: '2100-06-30', extension: null });

    // The ledger finds it by part of the enterprise's name.
    const name = nominationFor(c).name;
    const byName = (q: string) =>
      expectOk(finance.api.get(`/api/problems?creditCode=${c.creditCode}&q=${encodeURIComponent(q)}`));
    expect((await byName(name.slice(2, 6))).total).toBe(1);
    expect((await byName('没有这家企业')).total).toBe(0);

    // 一企一策 by the coordinators only.
    expect((await finance.api.patch(url, { handling: 'one_enterprise_one_policy' })).status).toBe(403);
    const set = await expectOk(c.coordinator.api.patch(url, { handling: 'one_enterprise_one_policy' }));
    expect(set.problem).toMatchObject({
      handling: 'one_enterprise_one_policy',
      special: 'one_enterprise_one_policy',
    });
    await expectOk(c.coordinator.api.patch(url, { handling: null }));
    expect((await expectOk(finance.api.get(url))).handling).toBeNull();
  });

  it('refuses others (403), bad input (400), unknown problems (404) and work on a resolved problem, the coordinators’ 一企一策 too (422), changing nothing', async () => {
    const { c, finance, problemId } = await financeMember();
    const url = `/api/problems/${problemId}`;
    const sme = await createUser('sme_officer', { department: 'sme' });
    const cases: [Member, string, unknown, number][] = [
      [sme, `${url}/progress`, { note: '不是我的' }, 404], // another department does not see it at all
      [c.districtOfficer, `${url}/progress`, { note: '区县' }, 403],
      [c.enterprise, `${url}/progress`, { note: '企业' }, 403],
      [c.auditor, `${url}/progress`, { note: '审计' }, 403],
      [finance, `${url}/progress`, { note: '' }, 400],
      [finance, `${url}/progress`, { note: '好', extra: 1 }, 400],
      [finance, `${url}/progress`, 'text', 400],
      [finance, `${url}/extend`, { dueAt: '2100-02-30', reason: '原因' }, 400],
      [finance, `/api/problems/not-a-uuid/progress`, { note: '进展' }, 400],
      [finance, `/api/problems/00000000-0000-4000-8000-000000000000/progress`, { note: '进展' }, 404],
    ];
    for (const [who, path, body, status] of cases) {
      const r = await who.api.post(path, body as any);
      expect([path, body, r.status]).toEqual([path, body, status]);
    }
    expect((await c.coordinator.api.patch(url, { handling: 'sometimes' })).status).toBe(400);
    expect(await expectOk(finance.api.get(url))).toMatchObject({
      status: 'open',
      progress: [],
      handling: null,
    });

    await expectOk(finance.api.post(`${url}/close-request`, { summary: '已解决' }), 201);
    await expectOk(
      complete(c.coordinator.api, c.creditCode, 'PROBLEM_CLOSE', 'confirm', { opinion: '同意' }),
    );
    const late = await finance.api.post(`${url}/progress`, { note: '还有进展' });
    expect([late.status, late.body.code]).toEqual([422, 'PROBLEM_RESOLVED']);

    // Closed to the coordinators' 一企一策 / 一事一议 too: offered no work (查看), and refused it.
    const before = await expectOk(c.coordinator.api.get(url));
    const rows = await expectOk(c.coordinator.api.get(`/api/problems?creditCode=${c.creditCode}`));
    expect([before.workKinds, rows.items.map((p: { workKinds: string[] }) => p.workKinds)]).toEqual([
      [],
      [[]],
    ]);
    for (const handling of ['one_matter_one_discussion', null]) {
      const r = await c.coordinator.api.patch(url, { handling });
      expect([r.status, r.body.code, r.body.message]).toEqual([
        422,
        'PROBLEM_RESOLVED',
        '该问题已销号，不再办理',
      ]);
    }
    expect(await expectOk(c.coordinator.api.get(url))).toEqual(before);
  });

  it("names the problem in the inbox rows of the coordinators' 销号审核 and 延期审核, and no problem in other rows", async () => {
    const { c, finance, problemId } = await financeMember();
    const problem = await expectOk(finance.api.get(`/api/problems/${problemId}`));
    await expectOk(
      finance.api.post(`/api/problems/${problemId}/close-request`, { summary: '已获授信' }),
      201,
    );
    await expectOk(
      finance.api.post(`/api/problems/${problemId}/extend`, { dueAt: '2100-06-30', reason: '授信审批中' }),
      201,
    );
    // The Updates answer after the projection: both tasks are in the inbox.
    const rows = (await expectOk(c.coordinator.api.get(`/api/tasks?view=all&creditCode=${c.creditCode}`)))
      .items as { type: string; problemTitle: string | null }[];
    expect(rows.filter((t) => t.type.startsWith('PROBLEM_'))).toHaveLength(2);
    expect(rows.map((t) => [t.type, t.problemTitle]).sort()).toEqual(
      [
        ['PROBLEM_CLOSE', problem.title],
        ['PROBLEM_EXTENSION', problem.title],
        ...rows.filter((t) => !t.type.startsWith('PROBLEM_')).map((t) => [t.type, null]),
      ].sort(),
    );
  });

  it('names the problem in the inbox rows of its 部门报到 and of a 加签 asked on its 销号审核', async () => {
    const { c, finance, problemId } = await financeMember();
    const problem = await expectOk(finance.api.get(`/api/problems/${problemId}`));
    await expectOk(
      finance.api.post(`/api/problems/${problemId}/close-request`, { summary: '已获授信' }),
      201,
    );
    // The enterprise disputes the claim (a 销号 review pending may be whistled on).
    const whistle = await expectOk(
      c.enterprise.api.post(`/api/enterprises/${c.creditCode}/whistle`, {
        problemId,
        title: '授信仍未到账',
        description: '银行尚未放款',
      }),
      201,
    );
    const close = await openTask(c.coordinator.api, c.creditCode, 'PROBLEM_CLOSE');
    await expectOk(
      c.coordinator.api.post(`/api/tasks/${close.id}/countersign`, {
        users: [c.districtOfficer.username],
        mode: 'all',
        note: '请会签',
      }),
      201,
    );
    const inbox = async (who: Member) =>
      (await expectOk(who.api.get(`/api/tasks?creditCode=${c.creditCode}`))).items as {
        id: string;
        type: string;
        problemTitle: string | null;
      }[];
    expect((await inbox(finance)).map((t) => [t.id, t.type, t.problemTitle])).toEqual([
      [whistle.task.id, 'WHISTLE_RESPONSE', problem.title],
    ]);
    expect(
      (await inbox(c.districtOfficer)).filter((t) => t.type === 'COUNTERSIGN').map((t) => t.problemTitle),
    ).toEqual([problem.title]);
  });

  it('keeps naming the problem a done 部门报到 answered after the enterprise whistles on it again', async () => {
    // The title was read through the problem's latest whistle: the second whistle took it from the first answer.
    const { c, finance, problemId } = await financeMember();
    const problem = await expectOk(finance.api.get(`/api/problems/${problemId}`));
    const blow = async (title: string) =>
      (
        await expectOk(
          c.enterprise.api.post(`/api/enterprises/${c.creditCode}/whistle`, {
            problemId,
            title,
            description: '银行尚未放款',
          }),
          201,
        )
      ).task.id as string;
    const first = await blow('授信仍未到账');
    await expectOk(
      finance.api.post(`/api/tasks/${first}/complete`, {
        outcome: 'respond',
        data: { response: '已协调银行，本月内放款', resolved: false },
      }),
    );
    const second = await blow('授信还是没到账');
    const rows = async (status: string) =>
      (
        (await expectOk(finance.api.get(`/api/tasks?view=all&status=${status}&creditCode=${c.creditCode}`)))
          .items as { id: string; problemTitle: string | null }[]
      )
        .filter((t) => [first, second].includes(t.id))
        .map((t) => [t.id, t.problemTitle]);
    expect(await rows('done')).toEqual([[first, problem.title]]);
    expect(await rows('open')).toEqual([[second, problem.title]]);
    // Its page still shows the problem it answered.
    expect(await expectOk(finance.api.get(`/api/tasks/${first}`))).toMatchObject({ problemId });
    expect(await expectOk(finance.api.get(`/api/tasks/${second}`))).toMatchObject({ problemId });
  });

  it("answers 409 LIFECYCLE_ENDED naming why for a graduated enterprise's problem, and the ledger says it has graduated", async () => {
    const c = await createCast();
    await driveToGraduation(c);
    const problem = (await expectOk(c.coordinator.api.get(`/api/problems?creditCode=${c.creditCode}`)))
      .items[0];
    expect(problem).toMatchObject({ status: 'open', enterpriseStage: 'graduated' });
    const url = `/api/problems/${problem.id}`;
    expect((await expectOk(c.commissioner.api.get(url))).enterpriseStage).toBe('graduated');
    await expectLedgerWorkEnded(
      url,
      c.commissioner.api,
      c.coordinator.api,
      '该企业已毕业，已移出帮扶库，台账问题不再办理',
    );
    expect(await expectOk(c.commissioner.api.get(url))).toMatchObject({ status: 'open', progress: [] });
  });

  it('leaves a close-out awaiting the coordinators to them: the quarterly review may not change that problem (422)', async () => {
    const { c, finance, problemId } = await financeMember();
    await expectOk(
      finance.api.post(`/api/problems/${problemId}/close-request`, { summary: '已获授信' }),
      201,
    );
    await reportQuarter(c, '2026Q3');
    const review = await openTask(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW');
    // Setting its status took the PROBLEM_CLOSE task from the coordinators unseen (or closed it in their place).
    for (const status of ['in_progress', 'resolved']) {
      const r = await c.industry.api.post(`/api/tasks/${review.id}/complete`, {
        outcome: 'continue',
        data: { problemUpdates: [{ problemId, status }] },
      });
      expect([r.status, r.body.code, r.body.details?.[0]?.field]).toEqual([
        422,
        'PROBLEM_CLOSING',
        'data.problemUpdates[0].problemId',
      ]);
    }
    expect((await expectOk(finance.api.get(`/api/problems/${problemId}`))).status).toBe('closing');
    expect(await openTask(c.coordinator.api, c.creditCode, 'PROBLEM_CLOSE')).toBeDefined();
    await expectOk(
      complete(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW', 'continue', { comment: '继续帮扶' }),
    );
    expect(await openTask(c.coordinator.api, c.creditCode, 'PROBLEM_CLOSE')).toBeDefined();
  });

  it("writes a quarterly review's note on a problem into that problem's progress, as ledger work is", async () => {
    const { c, finance, problemId } = await financeMember();
    await reportQuarter(c, '2026Q3');
    await expectOk(
      complete(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW', 'continue', {
        problemUpdates: [{ problemId, status: 'in_progress', note: '授信材料已报银行' }],
      }),
    );
    expect(await expectOk(finance.api.get(`/api/problems/${problemId}`))).toMatchObject({
      status: 'in_progress',
      progress: [{ actor: c.industry.username, actorName: expect.any(String), note: '授信材料已报银行' }],
    });
    // The enterprise sees that work was done, not the officer's note.
    expect((await expectOk(c.enterprise.api.get(`/api/problems/${problemId}`))).progress).toEqual([
      { at: expect.any(String), actor: null, actorName: null, note: null },
    ]);
  });

  it('reminds the owners of a problem past its due date and escalates it to the coordinators', async () => {
    const { c, problemId } = await financeMember();
    // A lifecycle whose problem is past due, as a continue-as-new carries it: the same state with
    // the due date in the past (the diagnosis refuses past dates, and the dev server has no clock
    // to move).
    const client = await temporalClient();
    const handle = client.workflow.getHandle(lifecycleWorkflowId(c.creditCode));
    const view = await (await lifecycles()).state(c.creditCode);
    await handle.terminate('test: carry the lifecycle over with a past-due problem');
    const context = view.context!;
    const input: LifecycleInput = {
      nomination: nominationFor(c),
      nominatedBy: {
        username: c.districtOfficer.username,
        role: 'district_officer',
        scope: { districts: [c.district] },
      },
      nominatorGroups: [`district_officer:district:${c.district}`],
      lifecycleNo: 1,
      carried: {
        stateValue: view.stateValue,
        context: { ...context, problems: context.problems.map((p) => ({ ...p, dueAt: '2026-01-05' })) },
        tasks: view.openTasks,
        transitions: view.transitions,
        runsBefore: 1,
        closedTaskIds: [],
      },
    };
    await client.workflow.start(LIFECYCLE_WORKFLOW_TYPE, {
      workflowId: lifecycleWorkflowId(c.creditCode),
      taskQueue: process.env.TEMPORAL_TASK_QUEUE ?? 'hardtech-test',
      args: [input],
    });
    const notices = await eventually(async () => {
      const { rows } = await db().query(
        `SELECT id, kind, audience_groups, data FROM notifications WHERE id LIKE $1 ORDER BY created_at`,
        [`problem:${problemId}:%`],
      );
      return rows.length === 2 ? rows : undefined;
    });
    expect(notices.map((n: any) => [n.kind, n.audience_groups])).toEqual([
      ['reminder', ['department:finance', `user:${c.commissioner.username}`]],
      ['escalation', ['city_coordinator']],
    ]);
    expect(notices[0].data.text.zh).toContain('已超过完成时限（2026-01-05）');
    const problem = await eventually(async () => {
      const p = await expectOk(c.coordinator.api.get(`/api/problems/${problemId}`));
      return p.status === 'escalated' ? p : undefined;
    });
    expect(problem).toMatchObject({ dueAt: '2026-01-05' });
    // The coordinators and the owners read them in their feeds.
    const feed = await expectOk(c.coordinator.api.get('/api/notifications'));
    expect(feed.items.some((n: any) => n.kind === 'escalation' && n.text.zh.includes('逾期未化解'))).toBe(
      true,
    );
    const actions = (await historyOf(c)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['problem.reminded', 'problem.escalated']));
    // Once each: a second look later finds no more.
    await new Promise((r) => setTimeout(r, 1500));
    const { rows } = await db().query(`SELECT count(*)::int AS n FROM notifications WHERE id LIKE $1`, [
      `problem:${problemId}:%`,
    ]);
    expect(rows[0].n).toBe(2);
  });

  it('reads a policy version stored before the ledger tasks existed whole, so GET → PUT stays valid', async () => {
    const coordinator = (await createCast()).coordinator;
    const current = await expectOk(coordinator.api.get('/api/admin/policy'));
    const { PROBLEM_CLOSE: _c, PROBLEM_EXTENSION: _e, ...older } = current.sla;
    await db().query(
      `INSERT INTO policy_versions (version, body, created_by)
       SELECT max(version) + 1, $1, 'test' FROM policy_versions`,
      [JSON.stringify({ ...current, sla: older })],
    );
    const read = await expectOk(coordinator.api.get('/api/admin/policy'));
    expect(read.version).toBe(current.version + 1);
    expect(read.sla.PROBLEM_CLOSE).toEqual({ due: 'P10D', remindBefore: 'P2D', escalateAfter: 'P1D' });
    await expectOk(coordinator.api.put('/api/admin/policy', read));
  });
});
