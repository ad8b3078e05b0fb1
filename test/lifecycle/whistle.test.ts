import {
  DEFAULT_WHISTLE_PROBLEM_MONTHS,
  shanghaiDate,
  TASK_STATE_LABELS,
  taskState,
  whistledProblemDueOn,
} from '@hardtech/domain';
import { createCast, createUser } from '../support/cast';
import { closeDb, db } from '../support/db';
import { blowWhistleOnFirstProblem, blowWhistleOnNewProblem, driveToSupporting } from '../support/drive';
import { complete, eventually, expectOk, nominationFor, openTask, problem } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// Issue 5 §4: 企业吹哨·部门报到 over HTTP. (Escalation of an unanswered whistle: test/serial/timers.)
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

describe('企业吹哨·部门报到', () => {
  it('routes a whistle to the problem’s owner department, whose "resolved" goes to the coordinators’ 销号 review', async () => {
    const c = await createCast();
    await driveToSupporting(c);
    const finance = await createUser('finance_officer', { department: 'finance' });
    const problemId = (await expectOk(c.enterprise.api.get(`/api/enterprises/${c.creditCode}`))).problems[0]
      .id;
    const r = await expectOk(
      c.enterprise.api.post(`/api/enterprises/${c.creditCode}/whistle`, {
        problemId,
        title: '贷款审批停滞',
        description: '银行审批已超过三个月',
      }),
      201,
    );
    expect(r).toMatchObject({
      problemId,
      task: { type: 'WHISTLE_RESPONSE', candidateGroups: ['department:finance'] },
    });
    expect(
      (await expectOk(finance.api.get(`/api/problems?creditCode=${c.creditCode}`))).items[0],
    ).toMatchObject({ id: problemId });
    const ledger = (await db().query(`SELECT whistle_status FROM problems WHERE id = $1`, [problemId]))
      .rows[0];
    expect(ledger.whistle_status).toBe('open');
    // The department answers with the problem and what the enterprise said in view.
    const task = await expectOk(finance.api.get(`/api/tasks/${r.task.id}`));
    expect(task.problemId).toBe(problemId);
    // A diagnosed problem has its plan: the answer is not asked for one.
    expect(task.problemPlanMissing).toEqual([]);
    expect((await expectOk(finance.api.get(`/api/problems/${problemId}`))).whistle).toMatchObject({
      title: '贷款审批停滞',
      description: '银行审批已超过三个月',
    });
    // Only one open whistle per problem (whistleOnProblemRefusal, which the enterprise's pages
    // follow): a second is refused, saying when it may be blown, and opens nothing.
    const again = await c.enterprise.api.post(`/api/enterprises/${c.creditCode}/whistle`, {
      problemId,
      title: '再次',
      description: '催办一下',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'WHISTLE_OPEN',
      message: '该问题已吹哨，正等待部门报到；部门报到后可再次吹哨',
    });
    expect(
      (
        await db().query(
          `SELECT id FROM tasks WHERE credit_code = $1 AND type = 'WHISTLE_RESPONSE' AND status = 'open'`,
          [c.creditCode],
        )
      ).rows,
    ).toEqual([{ id: r.task.id }]);
    // Only the department answers.
    expect(
      (
        await c.districtOfficer.api.post(`/api/tasks/${r.task.id}/complete`, {
          outcome: 'respond',
          data: { response: '收到', resolved: true },
        })
      ).status,
    ).toBe(403);
    const reply = '已将贵司列入12月18日产需对接会推介名单';
    const { measures, target } = (
      await db().query(`SELECT measures, target FROM problems WHERE id = $1`, [problemId])
    ).rows[0];
    const answered = await expectOk(
      complete(finance.api, c.creditCode, 'WHISTLE_RESPONSE', 'respond', { response: reply, resolved: true }),
    );
    // "Resolved" is the department's claim: the reply reaches the enterprise, the problem is not 销号
    // but awaits the coordinators' review, as after a 申请销号 with the reply as its summary.
    expect(answered.nextTasks).toEqual([
      expect.objectContaining({ type: 'PROBLEM_CLOSE', candidateGroups: ['city_coordinator'] }),
    ]);
    const after = await expectOk(c.enterprise.api.get(`/api/enterprises/${c.creditCode}`));
    expect(after.problems[0]).toMatchObject({
      id: problemId,
      status: 'closing',
      whistleAnswer: { response: reply, resolved: true, department: 'finance' },
    });
    expect(
      (
        await db().query(`SELECT status, whistle_status, measures, target FROM problems WHERE id = $1`, [
          problemId,
        ])
      ).rows[0],
    ).toEqual({ status: 'closing', whistle_status: 'answered', measures, target });
    expect(await openTask(finance.api, c.creditCode, 'WHISTLE_RESPONSE')).toBeUndefined();
    const review = await openTask(c.coordinator.api, c.creditCode, 'PROBLEM_CLOSE');
    expect(await expectOk(c.coordinator.api.get(`/api/tasks/${review.id}`))).toMatchObject({ problemId });
    expect((await expectOk(c.coordinator.api.get(`/api/problems/${problemId}`))).closeSummary).toBe(reply);
    // The coordinators decide the 销号.
    await expectOk(
      complete(c.coordinator.api, c.creditCode, 'PROBLEM_CLOSE', 'confirm', { opinion: '已对接，同意销号' }),
    );
    const closed = await expectOk(c.enterprise.api.get(`/api/enterprises/${c.creditCode}`));
    expect(closed.problems[0]).toMatchObject({ id: problemId, status: 'resolved' });
  });

  it('puts a whistle on a new problem into the ledger and routes it to the lead cluster', async () => {
    const c = await createCast('500112', 'T2');
    await driveToSupporting(c);
    const r = await blowWhistleOnNewProblem(c);
    expect(r.task.candidateGroups).toEqual([`industry_officer:cluster:${c.cluster}`]);
    const problems = (await expectOk(c.industry.api.get(`/api/enterprises/${c.creditCode}`))).problems;
    expect(problems.find((p: any) => p.id === r.problemId)).toMatchObject({
      title: '扩产用地无法落实',
      ownerDepartment: 'industry',
    });
    expect(await openTask(c.industry.api, c.creditCode, 'WHISTLE_RESPONSE')).toMatchObject({ id: r.task.id });
  });

  // 二(五) 化解措施、目标任务: the whistle put the problem in the ledger without them; the answer sets them.
  it('has the department set a whistled new problem’s measures and target with its answer: refused without', async () => {
    const c = await createCast('500112', 'T2');
    await driveToSupporting(c);
    const r = await blowWhistleOnNewProblem(c);
    const task = await expectOk(c.industry.api.get(`/api/tasks/${r.task.id}`));
    expect(task).toMatchObject({ problemId: r.problemId, problemPlanMissing: ['measures', 'target'] });
    const row = async () =>
      (
        await db().query(`SELECT measures, target, status, whistle_status FROM problems WHERE id = $1`, [
          r.problemId,
        ])
      ).rows[0];
    const before = await row();
    expect(before).toEqual({ measures: '', target: '', status: 'open', whistle_status: 'open' });
    const answer = (data: Record<string, unknown>) =>
      c.industry.api.post(`/api/tasks/${r.task.id}/complete`, {
        outcome: 'respond',
        data: { response: '已协调规划部门', resolved: false, ...data },
      });
    const refused = await answer({ measures: '协调规划部门调剂用地指标' });
    expect(refused).toMatchObject({ status: 422, body: { code: 'PROBLEM_PLAN_REQUIRED' } });
    expect(refused.body.details.map((d: any) => d.field)).toEqual(['data.target']);
    expect((await answer({})).body.details.map((d: any) => d.field)).toEqual([
      'data.measures',
      'data.target',
    ]);
    expect((await answer({ measures: 'x'.repeat(2001), target: '年内' })).status).toBe(400);
    // Nothing changed: the task waits, the problem is as the whistle left it.
    expect(await row()).toEqual(before);
    expect(await openTask(c.industry.api, c.creditCode, 'WHISTLE_RESPONSE')).toMatchObject({ id: r.task.id });
    await expectOk(answer({ measures: '协调规划部门调剂用地指标', target: '年内落实二期用地' }));
    const plan = { measures: '协调规划部门调剂用地指标', target: '年内落实二期用地' };
    expect(await row()).toEqual({ ...plan, status: 'in_progress', whistle_status: 'answered' });
    // The ledger shows them, to the department and to the enterprise (the ledger's facts).
    const ledger = await expectOk(c.coordinator.api.get(`/api/problems?creditCode=${c.creditCode}`));
    expect(ledger.items.find((p: any) => p.id === r.problemId)).toMatchObject(plan);
    expect(await expectOk(c.enterprise.api.get(`/api/problems/${r.problemId}`))).toMatchObject(plan);
    expect(await expectOk(c.industry.api.get(`/api/tasks/${r.task.id}`))).toMatchObject({
      problemPlanMissing: [],
    });
  });

  it('gives a whistled new problem one quarter from the whistle’s Shanghai day: not overdue', async () => {
    const c = await createCast('500112', 'T2');
    await driveToSupporting(c);
    const before = new Date();
    const r = await blowWhistleOnNewProblem(c);
    // The policy's whistleProblemMonths, 3 by default (一季一调度); the day the whistle was blown
    // in Shanghai (either instant around the call, should it straddle midnight).
    const expected = [before, new Date()].map((at) =>
      whistledProblemDueOn(at, DEFAULT_WHISTLE_PROBLEM_MONTHS),
    );
    expect(DEFAULT_WHISTLE_PROBLEM_MONTHS).toBe(3);
    const row = await expectOk(c.industry.api.get(`/api/problems/${r.problemId}`));
    expect(expected).toContain(row.dueAt.slice(0, 10));
    expect(row.dueAt.slice(0, 10) > shanghaiDate(new Date())).toBe(true);
    const stored = await db().query(
      `SELECT to_char(due_at, 'YYYY-MM-DD') AS due FROM problems WHERE id = $1`,
      [r.problemId],
    );
    expect(expected).toContain(stored.rows[0].due);
    const overdue = await expectOk(
      c.coordinator.api.get(`/api/problems?creditCode=${c.creditCode}&overdue=true`),
    );
    expect(overdue.items.map((p: any) => p.id)).not.toContain(r.problemId);
  });

  it('refuses whistles from non-members (422), other users (403/404) and bad bodies (400)', async () => {
    const c = await createCast();
    await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
    const url = `/api/enterprises/${c.creditCode}/whistle`;
    const body = { title: '问题', description: '描述内容' };
    expect((await c.enterprise.api.post(url, body)).body).toMatchObject({ code: 'NOT_A_MEMBER' });
    expect((await c.districtOfficer.api.post(url, body)).status).toBe(403);
    const other = await createUser('enterprise_user', { creditCodes: ['91350100M000100Y43'] });
    expect((await other.api.post(url, body)).status).toBe(404);
    const bad = await c.enterprise.api.post(url, { title: '', description: 'x'.repeat(5000), extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: any) => d.field).sort()).toEqual(['description', 'extra', 'title']);
  });

  it('caps the whistles waiting for an answer per enterprise (the policy, 5 by default): 422, nothing opened', async () => {
    const c = await createCast('500112', 'T2');
    await driveToSupporting(c);
    const url = `/api/enterprises/${c.creditCode}/whistle`;
    for (let i = 1; i <= 5; i++) {
      await expectOk(c.enterprise.api.post(url, { title: `问题 ${i}`, description: '等待部门答复' }), 201);
    }
    const sixth = await c.enterprise.api.post(url, { title: '问题 6', description: '等待部门答复' });
    expect(sixth).toMatchObject({ status: 422, body: { code: 'TOO_MANY_OPEN_WHISTLES' } });
    const open = await expectOk(
      c.industry.api.get(`/api/tasks?creditCode=${c.creditCode}&type=WHISTLE_RESPONSE`),
    );
    expect(open.total).toBe(5);
    // An answer frees a place (on a new problem, with its plan).
    await expectOk(
      complete(c.industry.api, c.creditCode, 'WHISTLE_RESPONSE', 'respond', {
        response: '已协调',
        resolved: true,
        measures: '协调解决',
        target: '本季度解决',
      }),
    );
    await expectOk(c.enterprise.api.post(url, { title: '问题 6', description: '等待部门答复' }), 201);
  });

  it('withdraws a pending close request, with its reason and a notice, when the department answers "not resolved"', async () => {
    const c = await createCast('500112', 'T2');
    await driveToSupporting(c, { problems: [problem({ ownerDepartment: 'industry' })] });
    const problemId = (await expectOk(c.industry.api.get(`/api/enterprises/${c.creditCode}`))).problems[0].id;
    const asked = await expectOk(
      c.industry.api.post(`/api/problems/${problemId}/close-request`, { summary: '已对接银行，贷款已获批' }),
      201,
    );
    // The enterprise disputes the claim: a whistle on a problem awaiting its 销号 review is allowed.
    await blowWhistleOnFirstProblem(c);
    const reply = '经核实贷款尚未放款，继续协调';
    await expectOk(
      complete(c.industry.api, c.creditCode, 'WHISTLE_RESPONSE', 'respond', {
        response: reply,
        resolved: false,
      }),
    );
    expect((await expectOk(c.industry.api.get(`/api/problems/${problemId}`))).status).toBe('in_progress');
    expect(await openTask(c.coordinator.api, c.creditCode, 'PROBLEM_CLOSE')).toBeUndefined();
    // The review is withdrawn, not silently cancelled: the task says why.
    const review = await expectOk(c.coordinator.api.get(`/api/tasks/${asked.taskId}`));
    expect(review).toMatchObject({
      status: 'cancelled',
      outcome: 'close_withdrawn',
      data: { reason: expect.stringContaining('部门答复未解决'), response: reply },
    });
    // Lists and the history read it as the task page does (taskState): withdrawn, and why.
    const cancelled = await expectOk(
      c.coordinator.api.get(
        `/api/tasks?view=all&status=cancelled&creditCode=${c.creditCode}&type=PROBLEM_CLOSE`,
      ),
    );
    expect(cancelled.items.map((i: any) => [i.id, TASK_STATE_LABELS[taskState(i)].zh])).toEqual([
      [asked.taskId, '已撤回（部门答复未解决）'],
    ]);
    const history: any[] = await expectOk(c.coordinator.api.get(`/api/enterprises/${c.creditCode}/history`));
    const closed = history.filter((h) => h.action === 'task.cancelled' && h.data?.taskId === asked.taskId);
    expect(closed.map((h) => h.label)).toEqual([
      {
        zh: '问题销号审核：已撤回（部门答复未解决）',
        en: 'Problem close-out: withdrawn (answered not resolved)',
      },
    ]);
    // The requester and the reviewers are told; the enterprise hears only the answer to its whistle.
    const withdrawnNotice = async (api: typeof c.industry.api) =>
      eventually(async () => {
        const feed = await expectOk(api.get('/api/notifications?pageSize=100'));
        return feed.items.find(
          (n: any) =>
            n.kind === 'problem_decided' &&
            n.creditCode === c.creditCode &&
            n.text.zh.includes('销号申请撤回'),
        );
      }, 30_000);
    for (const who of [c.industry, c.coordinator]) {
      expect((await withdrawnNotice(who.api)).text.zh).toContain('请继续化解');
    }
    const told = await expectOk(c.enterprise.api.get('/api/notifications?pageSize=100'));
    expect(
      told.items.filter((n: any) => n.kind === 'problem_decided' && n.creditCode === c.creditCode),
    ).toEqual([]);
    // The coordinators may not decide what was withdrawn.
    const late = await c.coordinator.api.post(`/api/tasks/${asked.taskId}/complete`, {
      outcome: 'confirm',
      data: { opinion: '同意销号' },
    });
    expect(late.status).toBeGreaterThanOrEqual(400);
    expect(late.status).toBeLessThan(500);
  });

  // The walk: the department was offered 加签 on a 部门报到 whose problem the coordinators had closed out.
  it('offers and takes no 加签 on a 部门报到 whose problem was closed out meanwhile (422 PROBLEM_RESOLVED)', async () => {
    const c = await createCast('500112', 'T2');
    await driveToSupporting(c, { problems: [problem({ ownerDepartment: 'industry' })] });
    const problemId = (await expectOk(c.industry.api.get(`/api/enterprises/${c.creditCode}`))).problems[0].id;
    await expectOk(
      c.industry.api.post(`/api/problems/${problemId}/close-request`, { summary: '已对接银行，贷款已获批' }),
      201,
    );
    await blowWhistleOnFirstProblem(c);
    const whistleTask = await openTask(c.industry.api, c.creditCode, 'WHISTLE_RESPONSE');
    expect(
      (await expectOk(c.industry.api.get(`/api/tasks/${whistleTask.id}`))).approvalActions,
    ).toMatchObject({
      countersign: true,
    });
    await expectOk(
      complete(c.coordinator.api, c.creditCode, 'PROBLEM_CLOSE', 'confirm', { opinion: '同意销号' }),
    );
    expect((await expectOk(c.industry.api.get(`/api/problems/${problemId}`))).status).toBe('resolved');
    const page = await expectOk(c.industry.api.get(`/api/tasks/${whistleTask.id}`));
    expect({ status: page.status, countersign: page.approvalActions.countersign }).toEqual({
      status: 'open',
      countersign: false,
    });
    const refused = await c.industry.api.post(`/api/tasks/${whistleTask.id}/countersign`, {
      users: [c.coordinator.username],
      mode: 'all',
      note: '请会签',
    });
    expect(refused).toMatchObject({
      status: 422,
      body: { code: 'PROBLEM_RESOLVED', message: '该问题已销号，不能再加签' },
    });
    expect(await openTask(c.coordinator.api, c.creditCode, 'COUNTERSIGN')).toBeUndefined();
  });

  it('refuses a whistle on a problem already closed out (409 PROBLEM_CLOSED), opening nothing', async () => {
    const c = await createCast('500112', 'T2');
    await driveToSupporting(c, { problems: [problem({ ownerDepartment: 'industry' })] });
    const problemId = (await expectOk(c.industry.api.get(`/api/enterprises/${c.creditCode}`))).problems[0].id;
    await expectOk(
      c.industry.api.post(`/api/problems/${problemId}/close-request`, { summary: '已对接银行，贷款已获批' }),
      201,
    );
    await expectOk(
      complete(c.coordinator.api, c.creditCode, 'PROBLEM_CLOSE', 'confirm', { opinion: '同意销号' }),
    );
    const url = `/api/enterprises/${c.creditCode}/whistle`;
    const refused = await c.enterprise.api.post(url, {
      problemId,
      title: '贷款又被抽回',
      description: '银行抽贷',
    });
    expect(refused).toMatchObject({ status: 409, body: { code: 'PROBLEM_CLOSED' } });
    expect((await expectOk(c.enterprise.api.get(`/api/problems/${problemId}`))).status).toBe('resolved');
    expect(await openTask(c.industry.api, c.creditCode, 'WHISTLE_RESPONSE')).toBeUndefined();
    // A problem that came back is whistled on as a new one.
    await expectOk(c.enterprise.api.post(url, { title: '贷款又被抽回', description: '银行抽贷' }), 201);
  });
});
