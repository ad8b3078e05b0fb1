import { Api } from '../support/api';
import { Cast, createCast, createUser } from '../support/cast';
import { db, closeDb } from '../support/db';
import { driveToAdmission, driveToSupporting, tickQuarter } from '../support/drive';
import {
  complete,
  expectOk,
  JUDGMENTS,
  nominationFor,
  openTask,
  quarterlyReport,
} from '../support/lifecycle';
import { domainErrorFrom } from '@hardtech/temporal';
import { closeTemporal, lifecycles } from '../support/temporal';

// Issue 17 items 1, 2, 4 on the real dev server: 退回, 撤回, 加签/会签, allowed and refused.
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

const nominate = (c: Cast) => expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
const openTypes = async (c: Cast) =>
  (
    await db().query(`SELECT type FROM tasks WHERE credit_code = $1 AND status = 'open' ORDER BY type`, [
      c.creditCode,
    ])
  ).rows.map((r: any) => r.type);

const post = (api: Api, taskId: string, action: string, body: unknown = {}) =>
  api.post(`/api/tasks/${taskId}/${action}`, body);

describe('退回 (return)', () => {
  it('ADMIT → SCREEN: SCREEN reopens for whoever screened, with the reason on the task and in its case file', async () => {
    const c = await createCast();
    await driveToAdmission(c);
    const admit = await openTask(c.coordinator.api, c.creditCode, 'ADMIT');
    expect(admit).toMatchObject({ returned: null, countersignPending: false });

    // Refused: no reason (400), by a read-only auditor (403); nothing changes.
    expect((await post(c.coordinator.api, admit.id, 'return', {})).status).toBe(400);
    expect((await post(c.coordinator.api, admit.id, 'return', { reason: '' })).status).toBe(400);
    const auditor = await post(c.auditor.api, admit.id, 'return', { reason: '不行' });
    expect(auditor.status).toBe(403);
    expect(await openTypes(c)).toEqual(['ADMIT']);

    const r = await expectOk(post(c.coordinator.api, admit.id, 'return', { reason: '研发投入数据需再核实' }));
    expect(r).toMatchObject({
      stage: 'screening',
      nextTasks: [{ type: 'SCREEN', assignee: c.coordinator.username }],
    });
    expect(await openTypes(c)).toEqual(['SCREEN']);
    const screen = await expectOk(c.coordinator.api.get(`/api/tasks/${r.nextTasks[0].id}`));
    expect(screen).toMatchObject({
      assignee: c.coordinator.username,
      returned: {
        reason: '研发投入数据需再核实',
        by: c.coordinator.username,
        fromType: 'ADMIT',
        fromTaskId: admit.id,
      },
      caseFile: { returnedReason: '研发投入数据需再核实' },
      approvalActions: { return: false, countersign: true },
    });
    const inbox = await expectOk(c.coordinator.api.get(`/api/tasks?creditCode=${c.creditCode}`));
    expect(inbox.items[0].returned).toMatchObject({ reason: '研发投入数据需再核实' });

    // The returned ADMIT is no longer open; returning it again is a 409.
    expect((await post(c.coordinator.api, admit.id, 'return', { reason: '再退' })).status).toBe(409);

    // In the audit log: who, which task, why.
    const audit = await db().query(
      `SELECT actor, task_id, data->'approvalAction' AS action FROM audit_events
       WHERE credit_code = $1 AND action = 'workflow.transition' AND data ? 'approvalAction'`,
      [c.creditCode],
    );
    expect(audit.rows).toEqual([
      expect.objectContaining({
        actor: c.coordinator.username,
        task_id: admit.id,
        action: expect.objectContaining({
          kind: 'return',
          reason: '研发投入数据需再核实',
          taskType: 'ADMIT',
        }),
      }),
    ]);

    // Screened again, the path goes on through feedback as the statechart says.
    const again = await expectOk(
      complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }),
    );
    expect(again.stage).toBe('feedback');
  });

  it('is refused with 422 RETURN_NOT_ALLOWED at a step with nothing to go back to (SCREEN)', async () => {
    const c = await createCast();
    await nominate(c);
    const screen = await openTask(c.coordinator.api, c.creditCode, 'SCREEN');
    const r = await post(c.coordinator.api, screen.id, 'return', { reason: '退回' });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('RETURN_NOT_ALLOWED');
    expect(await openTypes(c)).toEqual(['SCREEN']);
  });

  it('QUARTERLY_REVIEW → QUARTERLY_REPORT: the enterprise sees why and corrects its report; GRADUATION_REVIEW → QUARTERLY_REVIEW', async () => {
    const c = await createCast();
    await driveToSupporting(c);
    await tickQuarter(c, '2026Q3');
    await expectOk(
      complete(
        c.enterprise.api,
        c.creditCode,
        'QUARTERLY_REPORT',
        'submit',
        quarterlyReport('2026Q3', 30_000_000),
      ),
    );
    const review = await openTask(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW');
    const r = await expectOk(post(c.industry.api, review.id, 'return', { reason: '营收数据与报表不符' }));
    expect(r.nextTasks).toEqual([
      expect.objectContaining({
        type: 'QUARTERLY_REPORT',
        quarter: '2026Q3',
        assignee: c.enterprise.username,
      }),
    ]);
    const report = await openTask(c.enterprise.api, c.creditCode, 'QUARTERLY_REPORT');
    // The enterprise reads why, never which officer sent it back; officers read who, by name.
    expect(report.returned).toMatchObject({ reason: '营收数据与报表不符', by: null });
    const asEnterprise = await expectOk(c.enterprise.api.get(`/api/tasks/${report.id}`));
    expect(asEnterprise.returned).toMatchObject({ reason: '营收数据与报表不符', by: null, byName: null });
    expect(JSON.stringify(asEnterprise)).not.toContain(c.industry.username);
    // Its 流转意见 says the review sent the report back, never by whom.
    expect(asEnterprise.caseFile.opinions).toContainEqual(
      expect.objectContaining({
        taskType: 'QUARTERLY_REVIEW',
        outcome: 'returned',
        actor: null,
        actorName: null,
        actorDepartment: null,
      }),
    );
    const asOfficer = await expectOk(c.industry.api.get(`/api/tasks/${report.id}`));
    expect(asOfficer.returned).toMatchObject({ by: c.industry.username, byName: expect.any(String) });

    await expectOk(
      complete(
        c.enterprise.api,
        c.creditCode,
        'QUARTERLY_REPORT',
        'submit',
        quarterlyReport('2026Q3', 31_000_000),
      ),
    );
    // The review comes back to the reviewer, its own earlier 退回 in 流转意见: who, when, why.
    const again = await openTask(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW');
    const reviewed = await expectOk(c.industry.api.get(`/api/tasks/${again.id}`));
    const opinions = reviewed.caseFile.opinions;
    const returnedAt = opinions.findIndex((o: any) => o.outcome === 'returned');
    expect(opinions[returnedAt]).toMatchObject({
      taskId: review.id,
      taskType: 'QUARTERLY_REVIEW',
      opinion: '营收数据与报表不符',
      actor: c.industry.username,
      actorName: expect.any(String),
      at: expect.any(String),
    });
    // Between the report it sent back and the corrected one.
    expect(
      opinions.map((o: any) => `${o.taskType}:${o.outcome}`).slice(returnedAt - 1, returnedAt + 2),
    ).toEqual(['QUARTERLY_REPORT:submit', 'QUARTERLY_REVIEW:returned', 'QUARTERLY_REPORT:submit']);
    const rows = await db().query(`SELECT quarter, revenue FROM quarterly_reports WHERE credit_code = $1`, [
      c.creditCode,
    ]);
    expect(rows.rows).toEqual([{ quarter: '2026Q3', revenue: '31000000' }]);

    await expectOk(
      complete(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW', 'recommend_graduation', { comment: '倍增' }),
    );
    const graduation = await openTask(c.coordinator.api, c.creditCode, 'GRADUATION_REVIEW');
    const back = await expectOk(
      post(c.coordinator.api, graduation.id, 'return', { reason: '请补充评审意见' }),
    );
    expect(back).toMatchObject({
      stage: 'supporting',
      nextTasks: [{ type: 'QUARTERLY_REVIEW', quarter: '2026Q3', assignee: c.industry.username }],
    });
  });
});

describe('撤回 (withdraw)', () => {
  it('takes SCREEN back while the feedback tasks are untouched: they are cancelled, SCREEN is his again with his data', async () => {
    const c = await createCast();
    await nominate(c);
    const screen = await openTask(c.coordinator.api, c.creditCode, 'SCREEN');
    const data = { judgments: JUDGMENTS, note: '初审通过' };
    await expectOk(c.coordinator.api.post(`/api/tasks/${screen.id}/complete`, { outcome: 'pass', data }));
    expect(await openTypes(c)).toEqual(['DISTRICT_FEEDBACK', 'ENTERPRISE_CONFIRM']);

    // Someone else (another coordinator) may not; an open task has nothing to withdraw.
    const other = await createUser('city_coordinator', {});
    const refused = await post(other.api, screen.id, 'withdraw');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_THE_COMPLETER');

    const r = await expectOk(post(c.coordinator.api, screen.id, 'withdraw'));
    expect(r).toMatchObject({
      stage: 'screening',
      task: { id: screen.id, assignee: c.coordinator.username },
    });
    expect(r.cancelled).toHaveLength(2);
    expect(await openTypes(c)).toEqual(['SCREEN']);
    const again = await expectOk(c.coordinator.api.get(`/api/tasks/${screen.id}`));
    expect(again).toMatchObject({ status: 'open', assignee: c.coordinator.username, outcome: null, data });
    expect((await post(c.coordinator.api, screen.id, 'withdraw')).body.code).toBe('TASK_NOT_DONE');

    // Done again (a second time), it goes on as before.
    const done = await expectOk(
      c.coordinator.api.post(`/api/tasks/${screen.id}/complete`, { outcome: 'pass', data }),
    );
    expect(done.stage).toBe('feedback');
  });

  // The UI walk: 区县反馈意见 withdrawn read 已办理 to the enterprise, and its form started empty.
  it('reopens the district’s opinion with its result for the officer; the enterprise reads it 重新办理, not who or what', async () => {
    const c = await createCast();
    await nominate(c);
    await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
    const feedback = await openTask(c.districtOfficer.api, c.creditCode, 'DISTRICT_FEEDBACK');
    const data = { opinion: '区县意见：支持入库' };
    await expectOk(
      c.districtOfficer.api.post(`/api/tasks/${feedback.id}/complete`, { outcome: 'support', data }),
    );
    await expectOk(post(c.districtOfficer.api, feedback.id, 'withdraw'));

    // The officer's form starts from the whole withdrawn result; other officers read it as they read the step.
    const page = await expectOk(c.districtOfficer.api.get(`/api/tasks/${feedback.id}`));
    expect(page).toMatchObject({ status: 'open', outcome: null, data, withdrawn: { outcome: 'support' } });
    const coordinators = await expectOk(c.coordinator.api.get(`/api/tasks/${feedback.id}`));
    expect(coordinators.withdrawn).toEqual({ outcome: 'support' });
    const asEnterprise = await c.enterprise.api.get(`/api/tasks/${feedback.id}`);
    expect(asEnterprise.status === 200 ? asEnterprise.body.withdrawn : 'unread').not.toEqual({
      outcome: 'support',
    });

    const officers = await expectOk(c.coordinator.api.get(`/api/enterprises/${c.creditCode}/history`));
    const withdrawal = officers.find((e: any) => e.action === 'task.withdrawn');
    expect(withdrawal).toMatchObject({
      actor: c.districtOfficer.username,
      label: { zh: '区县反馈意见：撤回' },
    });

    // The enterprise: done, then open again; no opinion, no officer, no word of a withdrawal.
    const history = await expectOk(c.enterprise.api.get(`/api/enterprises/${c.creditCode}/history`));
    const lines = history
      .filter((e: any) => e.data.taskType === 'DISTRICT_FEEDBACK')
      .map((e: any) => [e.action, e.label.zh, e.label.en]);
    expect(lines).toEqual([
      ['task.created', expect.any(String), expect.any(String)],
      ['task.completed', '区县反馈意见：已办理', 'District feedback: done'],
      ['task.withdrawn', '区县反馈意见：重新办理', 'District feedback: reopened'],
    ]);
    const reopened = history.find((e: any) => e.action === 'task.withdrawn');
    expect(reopened.actor).toBeNull();
    expect(reopened.actorName ?? null).toBeNull();
    expect(Object.keys(reopened.data).sort()).toEqual(['taskId', 'taskType']);
    expect(JSON.stringify(history)).not.toContain(data.opinion);
    expect(JSON.stringify(reopened)).not.toContain(c.districtOfficer.username);

    // Done again, nothing is left of the withdrawal on its page.
    await expectOk(
      c.districtOfficer.api.post(`/api/tasks/${feedback.id}/complete`, { outcome: 'support', data }),
    );
    expect((await expectOk(c.districtOfficer.api.get(`/api/tasks/${feedback.id}`))).withdrawn).toBeNull();
  });

  it('is 409 WITHDRAW_TOO_LATE once the next step is claimed', async () => {
    const c = await createCast();
    await nominate(c);
    const screen = await openTask(c.coordinator.api, c.creditCode, 'SCREEN');
    await expectOk(
      c.coordinator.api.post(`/api/tasks/${screen.id}/complete`, {
        outcome: 'pass',
        data: { judgments: JUDGMENTS },
      }),
    );
    const feedback = await openTask(c.districtOfficer.api, c.creditCode, 'DISTRICT_FEEDBACK');
    await expectOk(c.districtOfficer.api.post(`/api/tasks/${feedback.id}/claim`));
    const late = await post(c.coordinator.api, screen.id, 'withdraw');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('WITHDRAW_TOO_LATE');
    expect(await openTypes(c)).toEqual(['DISTRICT_FEEDBACK', 'ENTERPRISE_CONFIRM']);
  });

  it('is 409 WITHDRAW_TOO_LATE once a task it opened has a comment', async () => {
    const d = await createCast();
    await nominate(d);
    const screenD = await openTask(d.coordinator.api, d.creditCode, 'SCREEN');
    await expectOk(
      d.coordinator.api.post(`/api/tasks/${screenD.id}/complete`, {
        outcome: 'pass',
        data: { judgments: JUDGMENTS },
      }),
    );
    const confirm = await openTask(d.enterprise.api, d.creditCode, 'ENTERPRISE_CONFIRM');
    await expectOk(d.enterprise.api.post(`/api/tasks/${confirm.id}/comments`, { text: '已收到' }), 201);
    expect((await post(d.coordinator.api, screenD.id, 'withdraw')).body.code).toBe('WITHDRAW_TOO_LATE');
  });

  // The next step acted on, not any transition since, makes it too late (patch withdraw-since).
  it('takes the enterprise’s confirmation back after the district claimed its feedback and was urged', async () => {
    const c = await createCast();
    await nominate(c);
    await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
    const confirm = await openTask(c.enterprise.api, c.creditCode, 'ENTERPRISE_CONFIRM');
    await expectOk(
      c.enterprise.api.post(`/api/tasks/${confirm.id}/complete`, { outcome: 'confirm', data: {} }),
    );
    const feedback = await openTask(c.districtOfficer.api, c.creditCode, 'DISTRICT_FEEDBACK');
    await expectOk(c.districtOfficer.api.post(`/api/tasks/${feedback.id}/claim`));
    await expectOk(post(c.coordinator.api, feedback.id, 'urge', { message: '请尽快反馈' }), 201);

    const offered = await expectOk(c.enterprise.api.get(`/api/tasks/${confirm.id}`));
    expect(offered).toMatchObject({ approvalActions: { withdraw: true }, withdrawBlocked: null });
    const r = await expectOk(post(c.enterprise.api, confirm.id, 'withdraw'));
    expect(r).toMatchObject({ stage: 'feedback', task: { id: confirm.id }, cancelled: [] });
    expect(await openTypes(c)).toEqual(['DISTRICT_FEEDBACK', 'ENTERPRISE_CONFIRM']);
    const kept = await expectOk(c.districtOfficer.api.get(`/api/tasks/${feedback.id}`));
    expect(kept).toMatchObject({ status: 'open', assignee: c.districtOfficer.username });

    // Once both agreed the stage moved on: the district's support is overtaken.
    await expectOk(
      c.districtOfficer.api.post(`/api/tasks/${feedback.id}/complete`, { outcome: 'support', data: {} }),
    );
    await expectOk(
      c.enterprise.api.post(`/api/tasks/${confirm.id}/complete`, { outcome: 'confirm', data: {} }),
    );
    const late = await post(c.districtOfficer.api, feedback.id, 'withdraw');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('WITHDRAW_OVERTAKEN');
    // The task page says so before anyone presses the button.
    const page = await expectOk(c.districtOfficer.api.get(`/api/tasks/${feedback.id}`));
    expect(page.approvalActions.withdraw).toBe(false);
    expect(page.withdrawBlocked).toMatchObject({
      code: 'WITHDRAW_OVERTAKEN',
      message: { zh: expect.any(String) },
    });
    expect(await openTypes(c)).toEqual(['ADMIT']);
  });

  it('is 409 LIFECYCLE_ENDED once the lifecycle ended', async () => {
    const c = await createCast();
    await nominate(c);
    const screen = await openTask(c.coordinator.api, c.creditCode, 'SCREEN');
    await expectOk(
      c.coordinator.api.post(`/api/tasks/${screen.id}/complete`, {
        outcome: 'reject',
        data: { reason: '不符合' },
      }),
    );
    const ended = await post(c.coordinator.api, screen.id, 'withdraw');
    expect(ended.status).toBe(409);
    expect(ended.body.code).toBe('LIFECYCLE_ENDED');
  });

  it('is 422 WITHDRAW_NOT_ALLOWED on a step that cannot be withdrawn (ADMIT took a seat in the pool)', async () => {
    const d = await createCast();
    await driveToAdmission(d);
    const admit = await openTask(d.coordinator.api, d.creditCode, 'ADMIT');
    await expectOk(
      d.coordinator.api.post(`/api/tasks/${admit.id}/complete`, {
        outcome: 'admit',
        data: {
          leadCluster: d.cluster,
          commissioner: d.commissioner.username,
          districtLiaison: d.districtOfficer.username,
        },
      }),
    );
    const refused = await post(d.coordinator.api, admit.id, 'withdraw');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('WITHDRAW_NOT_ALLOWED');
  });
});

describe('加签/会签 (countersign)', () => {
  it('completing SCREEN while an `all` countersign by the industry officer is open is 409; after the agree it is 200', async () => {
    const c = await createCast();
    await nominate(c);
    const screen = await openTask(c.coordinator.api, c.creditCode, 'SCREEN');
    const pickable = await expectOk(c.coordinator.api.get(`/api/tasks/${screen.id}/countersigners`));
    expect(pickable.map((u: any) => u.username)).toEqual(
      expect.arrayContaining([c.industry.username, c.districtOfficer.username]),
    );
    expect(pickable.map((u: any) => u.username)).not.toContain(c.enterprise.username);

    const cs = await expectOk(
      post(c.coordinator.api, screen.id, 'countersign', {
        users: [c.industry.username],
        mode: 'all',
        note: '请牵头处室对技术先进性出具意见',
      }),
      201,
    );
    expect(cs.tasks).toEqual([
      expect.objectContaining({
        type: 'COUNTERSIGN',
        assignee: c.industry.username,
        candidateGroups: [`user:${c.industry.username}`],
      }),
    ]);
    const waiting = await openTask(c.coordinator.api, c.creditCode, 'SCREEN');
    expect(waiting).toMatchObject({ countersignPending: true, assignee: c.coordinator.username });

    const pending = await complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', {
      judgments: JUDGMENTS,
    });
    expect(pending.status).toBe(409);
    expect(pending.body.code).toBe('COUNTERSIGN_PENDING');

    // The industry officer's inbox has it; an answer without an opinion is refused.
    const mine = await openTask(c.industry.api, c.creditCode, 'COUNTERSIGN');
    expect(mine.id).toBe(cs.tasks[0].id);
    // Asked of this officer by name: answered, never copied or handed on (STEP_ACTIONS), and the
    // page offers neither (the walk found 抄送 offered on it and answered 201).
    const asked = await expectOk(c.industry.api.get(`/api/tasks/${mine.id}`));
    expect(asked.actions).toMatchObject({ cc: false, delegate: false });
    // Who asks it, by name: the page says so above the note.
    const coordinatorName = (await expectOk(c.coordinator.api.get('/api/me'))).displayName;
    expect(asked.countersignOf).toMatchObject({
      note: '请牵头处室对技术先进性出具意见',
      requestedBy: c.coordinator.username,
      requestedByName: coordinatorName,
    });
    const copied = await post(c.industry.api, mine.id, 'cc', { users: [c.districtOfficer.username] });
    expect([copied.status, copied.body.code]).toEqual([403, 'STEP_NOT_COPIED']);
    const handed = await post(c.industry.api, mine.id, 'delegate', { to: c.industry.username });
    expect([handed.status, handed.body.code]).toEqual([403, 'STEP_NOT_DELEGATED']);
    const { rows: copies } = await db().query(`SELECT 1 FROM task_copies WHERE task_id = $1`, [mine.id]);
    expect(copies).toEqual([]);
    expect((await complete(c.industry.api, c.creditCode, 'COUNTERSIGN', 'agree', {})).status).toBe(400);
    await expectOk(
      complete(c.industry.api, c.creditCode, 'COUNTERSIGN', 'agree', { opinion: '技术先进，同意' }),
    );

    const detail = await expectOk(c.coordinator.api.get(`/api/tasks/${screen.id}`));
    expect(detail.countersignPending).toBe(false);
    expect(detail.countersigns).toEqual([
      expect.objectContaining({
        mode: 'all',
        users: [c.industry.username],
        answers: [expect.objectContaining({ user: c.industry.username, outcome: 'agree' })],
      }),
    ]);
    expect(detail.caseFile.opinions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          taskType: 'COUNTERSIGN',
          outcome: 'agree',
          opinion: '技术先进，同意',
          actor: c.industry.username,
        }),
      ]),
    );

    const ok = await complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS });
    expect(ok.status).toBe(200);

    // The enterprise never reads the countersignature's opinion.
    const own = await openTask(c.enterprise.api, c.creditCode, 'ENTERPRISE_CONFIRM');
    const seen = await expectOk(c.enterprise.api.get(`/api/tasks/${own.id}`));
    expect(JSON.stringify(seen)).not.toContain('技术先进，同意');
    expect(seen.countersigns).toBeNull();
  });

  it('names the countersigners on the task page as officers know each other, by name', async () => {
    const c = await createCast();
    await nominate(c);
    const screen = await openTask(c.coordinator.api, c.creditCode, 'SCREEN');
    const named = await createUser(
      'industry_officer',
      { clusters: [c.cluster] },
      undefined,
      `电子信息处 王芳 ${c.creditCode}`,
    );
    await expectOk(
      post(c.coordinator.api, screen.id, 'countersign', {
        users: [named.username, c.industry.username],
        mode: 'all',
        note: '请牵头处室出具意见',
      }),
      201,
    );
    const detail = await expectOk(c.coordinator.api.get(`/api/tasks/${screen.id}`));
    expect(detail.countersigns).toEqual([
      expect.objectContaining({
        users: [named.username, c.industry.username],
        userNames: [`电子信息处 王芳 ${c.creditCode}`, c.industry.username],
      }),
    ]);
  });

  it('`any`: one answer is enough, the other countersignature is cancelled', async () => {
    const c = await createCast();
    await nominate(c);
    const screen = await openTask(c.coordinator.api, c.creditCode, 'SCREEN');
    const cs = await expectOk(
      post(c.coordinator.api, screen.id, 'countersign', {
        users: [c.industry.username, c.districtOfficer.username],
        mode: 'any',
        note: '或签',
      }),
      201,
    );
    expect(cs.tasks).toHaveLength(2);
    await expectOk(
      complete(c.districtOfficer.api, c.creditCode, 'COUNTERSIGN', 'disagree', { opinion: '材料不全' }),
    );
    const states = await db().query(
      `SELECT assignee, status FROM tasks WHERE type = 'COUNTERSIGN' AND credit_code = $1`,
      [c.creditCode],
    );
    expect(Object.fromEntries(states.rows.map((r: any) => [r.assignee, r.status]))).toEqual({
      [c.industry.username]: 'cancelled',
      [c.districtOfficer.username]: 'done',
    });
    expect(
      (await complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS })).status,
    ).toBe(200);
  });

  // The walk: the 加签 picker disabled who still owed an answer, but the API opened them a second
  // COUNTERSIGN task. Refused by the API and by the workflow's Update validator alike.
  it('is 409 COUNTERSIGNER_ALREADY_ASKED of someone who still owes an answer, and changes nothing', async () => {
    const c = await createCast();
    await nominate(c);
    const screen = await openTask(c.coordinator.api, c.creditCode, 'SCREEN');
    const ask = (users: string[]) =>
      post(c.coordinator.api, screen.id, 'countersign', { users, mode: 'all', note: '请出具意见' });
    await expectOk(ask([c.industry.username]), 201);
    const asked = async () =>
      (
        await db().query(
          `SELECT assignee, status FROM tasks WHERE type = 'COUNTERSIGN' AND credit_code = $1 ORDER BY created_at`,
          [c.creditCode],
        )
      ).rows.map((r: any) => [r.assignee, r.status]);
    const before = await expectOk(c.coordinator.api.get(`/api/tasks/${screen.id}`));

    const again = await ask([c.districtOfficer.username, c.industry.username]);
    expect([again.status, again.body.code]).toEqual([409, 'COUNTERSIGNER_ALREADY_ASKED']);
    expect(again.body.message).toContain(c.industry.username);
    expect(again.body.message).not.toContain(c.districtOfficer.username);
    // The workflow refuses it too, asked past the API.
    const coordinator = { username: c.coordinator.username, role: 'city_coordinator' as const, scope: {} };
    const industry = {
      username: c.industry.username,
      role: 'industry_officer' as const,
      scope: { clusters: [c.cluster] },
    };
    const direct = await (
      await lifecycles()
    )
      .countersign(c.creditCode, {
        taskId: screen.id,
        actor: coordinator,
        users: [industry],
        mode: 'all',
        note: 'x',
      })
      .then(
        () => null,
        (e) => domainErrorFrom(e)?.code,
      );
    expect(direct).toBe('COUNTERSIGNER_ALREADY_ASKED');
    expect(await asked()).toEqual([[c.industry.username, 'open']]);
    expect((await expectOk(c.coordinator.api.get(`/api/tasks/${screen.id}`))).countersigns).toEqual(
      before.countersigns,
    );

    // Once answered they may be asked again, with someone not yet asked.
    await expectOk(complete(c.industry.api, c.creditCode, 'COUNTERSIGN', 'agree', { opinion: '同意' }));
    await expectOk(ask([c.districtOfficer.username, c.industry.username]), 201);
    expect((await asked()).sort()).toEqual(
      [
        [c.industry.username, 'done'],
        [c.districtOfficer.username, 'open'],
        [c.industry.username, 'open'],
      ].sort(),
    );
  });

  it('names the users who may not see the enterprise (422), refuses non-assignees (403/409), and changes nothing', async () => {
    const c = await createCast();
    await nominate(c);
    const screen = await openTask(c.coordinator.api, c.creditCode, 'SCREEN');
    const elsewhere = await createUser('district_officer', { districts: ['500101'] });
    const r = await post(c.coordinator.api, screen.id, 'countersign', {
      users: [c.industry.username, elsewhere.username, 'nobody-here'],
      mode: 'all',
      note: '',
    });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('COUNTERSIGNER_NOT_ALLOWED');
    expect(r.body.message).toContain(elsewhere.username);
    expect(r.body.message).toContain('nobody-here');
    expect(r.body.message).not.toContain(c.industry.username);

    expect(
      (await post(c.coordinator.api, screen.id, 'countersign', { users: [], mode: 'all', note: '' })).status,
    ).toBe(400);
    expect(
      (
        await post(c.coordinator.api, screen.id, 'countersign', {
          users: [c.industry.username],
          mode: 'some',
          note: '',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await post(c.industry.api, screen.id, 'countersign', {
          users: [c.districtOfficer.username],
          mode: 'all',
          note: '',
        })
      ).status,
    ).toBe(403);
    expect(await openTypes(c)).toEqual(['SCREEN']);
  });
});
