import { lifecycleWorkflowId } from '@hardtech/temporal/lifecycle.contract';
import { Api } from '../support/api';
import { Cast, createCast } from '../support/cast';
import { driveToSupporting, tickQuarter } from '../support/drive';
import {
  complete,
  expectOk,
  JUDGMENTS,
  nominationFor,
  openTask,
  quarterlyReport,
} from '../support/lifecycle';
import { db, closeDb } from '../support/db';
import { closeTemporal, lifecycles, temporalClient } from '../support/temporal';

// Issue 3: every transition of the statechart on the real dev server, named by the transition.
// (Pool capacity, which changes the global policy, is in test/serial/pool-capacity.test.ts.)
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

const stageOf = async (c: Cast) =>
  (await expectOk(c.coordinator.api.get(`/api/enterprises/${c.creditCode}`))).stage;
const nominate = (c: Cast, over = {}) =>
  expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c, over)), 201);
const tasksOf = async (c: Cast, status = 'open') =>
  (
    await db().query(
      `SELECT type, status, outcome FROM tasks WHERE credit_code = $1 AND status = $2 ORDER BY created_at`,
      [c.creditCode, status],
    )
  ).rows;

async function toFeedback(c: Cast) {
  await nominate(c);
  await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
}

async function toAdmission(c: Cast) {
  await toFeedback(c);
  await expectOk(complete(c.districtOfficer.api, c.creditCode, 'DISTRICT_FEEDBACK', 'support', {}));
  await expectOk(complete(c.enterprise.api, c.creditCode, 'ENTERPRISE_CONFIRM', 'confirm', {}));
}

describe('screening (市级筛选)', () => {
  it('screening → feedback on SCREEN.pass: both feedback tasks open', async () => {
    const c = await createCast();
    await nominate(c);
    const r = await expectOk(
      complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS, note: '符合条件' }),
    );
    expect(r.stage).toBe('feedback');
    expect((await tasksOf(c)).map((t: any) => t.type).sort()).toEqual([
      'DISTRICT_FEEDBACK',
      'ENTERPRISE_CONFIRM',
    ]);
  });

  it('screening → rejected on SCREEN.reject, with the reason kept', async () => {
    const c = await createCast();
    await nominate(c);
    const r = await expectOk(
      complete(c.coordinator.api, c.creditCode, 'SCREEN', 'reject', { reason: '不属于硬科技企业' }),
    );
    expect(r).toEqual({ stage: 'rejected', nextTasks: [] });
    const e = await expectOk(c.coordinator.api.get(`/api/enterprises/${c.creditCode}`));
    expect(e.closing).toMatchObject({
      stage: 'rejected',
      reason: '不属于硬科技企业',
      by: c.coordinator.username,
    });
    expect(e.lifecycles).toEqual([
      expect.objectContaining({ lifecycleNo: 1, finalStage: 'rejected', reason: '不属于硬科技企业' }),
    ]);
  });

  it('SCREEN.pass is refused with 422 when a hard criterion fails (C4 4.90% < 5%), and nothing changes', async () => {
    const c = await createCast();
    await nominate(c, { revenuePrevYear: 100_000_000, rdExpensePrevYear: 4_900_000 });
    const r = await complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({
      code: 'SCREENING_HARD_CRITERION_FAILED',
      details: [{ field: 'criteria.C4', message: '研发投入强度 4.90% < 5%' }],
    });
    expect(await stageOf(c)).toBe('screening');
    expect((await tasksOf(c)).map((t: any) => t.type)).toEqual(['SCREEN']);
  });

  it('SCREEN.pass is refused with 422 when a soft failure has no justification, accepted with one', async () => {
    const c = await createCast();
    await nominate(c, { revenuePrevYear: 150_000_000, rdExpensePrevYear: 9_000_000 });
    const refused = await complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', {
      judgments: JUDGMENTS,
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'SCREENING_JUSTIFICATION_REQUIRED',
      details: [{ field: 'data.justifications.C1' }],
    });
    const ok = await complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', {
      judgments: JUDGMENTS,
      justifications: { C1: '营收超限系新增并购所致，主营仍属硬科技' },
    });
    expect(ok.status).toBe(200);
  });

  it('SCREEN.pass is refused with 422 when C2/C6 are not affirmed with a note', async () => {
    const c = await createCast();
    await nominate(c);
    const r = await complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', {
      judgments: { C2: { affirmed: true, note: '是' } },
    });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({
      code: 'SCREENING_JUDGMENT_REQUIRED',
      details: [{ field: 'data.judgments.C6' }],
    });
    expect(await stageOf(c)).toBe('screening');
  });

  it('screening → supplement on SCREEN.request_info; supplement → screening on SUPPLEMENT.submit, screened again', async () => {
    const c = await createCast();
    await nominate(c, { classOneIpCount: 0 });
    const refused = await complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', {
      judgments: JUDGMENTS,
    });
    expect(refused.body.details).toEqual([{ field: 'criteria.C5', message: 'Ⅰ类知识产权 0 项 < 1 项' }]);
    expect(
      (
        await expectOk(
          complete(c.coordinator.api, c.creditCode, 'SCREEN', 'request_info', {
            questions: '请补充知识产权证书',
          }),
        )
      ).stage,
    ).toBe('supplement');
    expect(await openTask(c.coordinator.api, c.creditCode, 'SCREEN')).toBeUndefined();
    const bad = await complete(c.districtOfficer.api, c.creditCode, 'SUPPLEMENT', 'submit', {
      corrections: { classOneIpCount: -1 },
    });
    expect(bad.status).toBe(400);
    const r = await expectOk(
      complete(c.districtOfficer.api, c.creditCode, 'SUPPLEMENT', 'submit', {
        corrections: { classOneIpCount: 2 },
        note: '已补充',
      }),
    );
    expect(r).toMatchObject({ stage: 'screening', nextTasks: [{ type: 'SCREEN' }] });
    const e = await expectOk(c.coordinator.api.get(`/api/enterprises/${c.creditCode}`));
    expect(e.nomination.classOneIpCount).toBe(2);
    expect(e.screening.criteria.find((x: any) => x.id === 'C5')).toMatchObject({
      outcome: 'pass',
      detail: 'Ⅰ类知识产权 2 项 ≥ 1 项',
    });
    expect(
      (await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS })))
        .stage,
    ).toBe('feedback');
  });
});

describe('feedback (区县和当事企业反馈, parallel)', () => {
  it('feedback.district → agreed on support and feedback.enterprise → agreed on confirm: both → admission, in either order', async () => {
    const c = await createCast();
    await toFeedback(c);
    expect(
      (
        await expectOk(
          complete(c.enterprise.api, c.creditCode, 'ENTERPRISE_CONFIRM', 'confirm', { note: '确认' }),
        )
      ).stage,
    ).toBe('feedback');
    const r = await expectOk(
      complete(c.districtOfficer.api, c.creditCode, 'DISTRICT_FEEDBACK', 'support', { opinion: '同意' }),
    );
    expect(r).toMatchObject({ stage: 'admission', nextTasks: [{ type: 'ADMIT' }] });
  });

  it('feedback → rejected on DISTRICT_FEEDBACK.oppose; the enterprise’s task is cancelled', async () => {
    const c = await createCast();
    await toFeedback(c);
    const r = await expectOk(
      complete(c.districtOfficer.api, c.creditCode, 'DISTRICT_FEEDBACK', 'oppose', {
        opinion: '企业存在重大安全隐患',
      }),
    );
    expect(r.stage).toBe('rejected');
    expect(await tasksOf(c, 'cancelled')).toEqual([
      { type: 'ENTERPRISE_CONFIRM', status: 'cancelled', outcome: null },
    ]);
    expect((await expectOk(c.coordinator.api.get(`/api/enterprises/${c.creditCode}`))).closing.reason).toBe(
      '企业存在重大安全隐患',
    );
  });

  it('feedback → rejected on ENTERPRISE_CONFIRM.decline, which needs a note', async () => {
    const c = await createCast();
    await toFeedback(c);
    expect((await complete(c.enterprise.api, c.creditCode, 'ENTERPRISE_CONFIRM', 'decline', {})).status).toBe(
      400,
    );
    const r = await expectOk(
      complete(c.enterprise.api, c.creditCode, 'ENTERPRISE_CONFIRM', 'decline', { note: '暂不参加' }),
    );
    expect(r.stage).toBe('rejected');
    expect(await tasksOf(c, 'cancelled')).toEqual([
      { type: 'DISTRICT_FEEDBACK', status: 'cancelled', outcome: null },
    ]);
  });

  it('DISTRICT_FEEDBACK belongs to the enterprise’s district only (403 for another district)', async () => {
    const c = await createCast('500112');
    const other = await createCast('500113');
    await toFeedback(c);
    const task = await openTask(c.districtOfficer.api, c.creditCode, 'DISTRICT_FEEDBACK');
    const r = await other.districtOfficer.api.post(`/api/tasks/${task.id}/complete`, {
      outcome: 'support',
      data: {},
    });
    expect(r.status).toBe(404); // not even visible outside the district
  });
});

describe('admission (纳入库中)', () => {
  it('admission → diagnosis on ADMIT.admit: lead cluster, commissioner, liaison recorded; membership opened; baseline stored', async () => {
    const c = await createCast();
    await toAdmission(c);
    const r = await expectOk(
      complete(c.coordinator.api, c.creditCode, 'ADMIT', 'admit', {
        leadCluster: c.cluster,
        commissioner: c.commissioner.username,
        districtLiaison: c.districtOfficer.username,
      }),
    );
    expect(r).toMatchObject({
      stage: 'diagnosis',
      nextTasks: [{ type: 'DIAGNOSE', candidateGroups: [`user:${c.commissioner.username}`] }],
    });
    const e = await expectOk(c.commissioner.api.get(`/api/enterprises/${c.creditCode}`));
    expect(e).toMatchObject({
      leadCluster: c.cluster,
      commissioner: c.commissioner.username,
      districtLiaison: c.districtOfficer.username,
      baselineRevenue: 80_000_000,
    });
    expect(e.membership).toEqual([
      expect.objectContaining({ from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), to: null }),
    ]);
  });

  it('ADMIT.admit names real people: an unknown commissioner or a liaison of another district is 422', async () => {
    const c = await createCast();
    await toAdmission(c);
    const r = await complete(c.coordinator.api, c.creditCode, 'ADMIT', 'admit', {
      leadCluster: c.cluster,
      commissioner: 'nobody-here',
      districtLiaison: c.enterprise.username,
    });
    expect(r.status).toBe(422);
    expect(r.body.details.map((d: any) => d.field)).toEqual(['data.commissioner', 'data.districtLiaison']);
    expect(await stageOf(c)).toBe('admission');
  });

  it('admission → rejected on ADMIT.reject', async () => {
    const c = await createCast();
    await toAdmission(c);
    expect(
      (
        await expectOk(
          complete(c.coordinator.api, c.creditCode, 'ADMIT', 'reject', {
            reason: '名额有限，优先支持其他企业',
          }),
        )
      ).stage,
    ).toBe('rejected');
  });
});

describe('diagnosis and supporting (企业成长诊断, 一季一调度)', () => {
  it('diagnosis → supporting on DIAGNOSE.submit: portrait kept, each problem a ledger item', async () => {
    const c = await createCast();
    await driveToSupporting(c);
    const e = await expectOk(c.coordinator.api.get(`/api/enterprises/${c.creditCode}`));
    expect(e.stage).toBe('supporting');
    expect(Object.keys(e.diagnosis.portrait)).toHaveLength(13);
    expect(e.problems).toEqual([
      expect.objectContaining({
        title: '流动资金紧张',
        category: 'policy_support',
        ownerDepartment: 'finance',
        status: 'open',
      }),
    ]);
    const ledger = await expectOk(c.coordinator.api.get(`/api/problems?creditCode=${c.creditCode}`));
    expect(ledger.items.map((p: any) => [p.title, p.enterpriseName])).toEqual([
      ['流动资金紧张', '重庆示例科技有限公司'],
    ]);
  });

  it('supporting.waiting → reporting on a quarter tick; a second tick of the same quarter changes nothing', async () => {
    const c = await createCast();
    await driveToSupporting(c);
    await tickQuarter(c, '2026Q3');
    await (await lifecycles()).tickQuarter(c.creditCode, { quarter: '2026Q3', dispatchId: 'again' });
    await new Promise((r) => setTimeout(r, 500));
    const reports = (
      await db().query(`SELECT quarter FROM tasks WHERE credit_code = $1 AND type = 'QUARTERLY_REPORT'`, [
        c.creditCode,
      ])
    ).rows;
    expect(reports).toEqual([{ quarter: '2026Q3' }]);
  });

  it('reporting → reviewing on QUARTERLY_REPORT.submit, with 三年倍增 progress; the report cannot be filed twice', async () => {
    const c = await createCast();
    await driveToSupporting(c);
    await tickQuarter(c, '2026Q3');
    const report = await openTask(c.enterprise.api, c.creditCode, 'QUARTERLY_REPORT');
    const r = await expectOk(
      c.enterprise.api.post(`/api/tasks/${report.id}/complete`, {
        outcome: 'submit',
        data: quarterlyReport('2026Q3', 30_000_000),
      }),
    );
    expect(r).toMatchObject({
      stage: 'supporting',
      nextTasks: [{ type: 'QUARTERLY_REVIEW', quarter: '2026Q3' }],
    });
    const e = await expectOk(c.industry.api.get(`/api/enterprises/${c.creditCode}`));
    expect(e.quarterlyReports[0].doubling).toMatchObject({ annualizedRevenue: 120_000_000, growth: 1.5 });
    const again = await c.enterprise.api.post(`/api/tasks/${report.id}/complete`, {
      outcome: 'submit',
      data: quarterlyReport('2026Q3'),
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'TASK_ALREADY_COMPLETED' } });
  });

  it('reviewing → waiting on QUARTERLY_REVIEW.continue: problem statuses updated; unknown problems 422', async () => {
    const c = await createCast();
    await driveToSupporting(c);
    await tickQuarter(c, '2026Q4');
    await expectOk(
      complete(c.enterprise.api, c.creditCode, 'QUARTERLY_REPORT', 'submit', quarterlyReport('2026Q4')),
    );
    const problemId = (await expectOk(c.industry.api.get(`/api/enterprises/${c.creditCode}`))).problems[0].id;
    const unknown = await complete(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW', 'continue', {
      problemUpdates: [{ problemId: 'p-x', status: 'resolved' }],
    });
    expect(unknown.status).toBe(422);
    const r = await expectOk(
      complete(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW', 'continue', {
        problemUpdates: [{ problemId, status: 'in_progress', note: '已对接银行' }],
      }),
    );
    expect(r).toEqual({ stage: 'supporting', nextTasks: [] });
    expect((await expectOk(c.industry.api.get(`/api/enterprises/${c.creditCode}`))).problems[0].status).toBe(
      'in_progress',
    );
  });

  it('reviewing → graduation_review on recommend_exit; graduation_review → exited on GRADUATION_REVIEW.exit, membership closed', async () => {
    const c = await createCast();
    await driveToSupporting(c);
    await tickQuarter(c, '2026Q3');
    await expectOk(
      complete(
        c.enterprise.api,
        c.creditCode,
        'QUARTERLY_REPORT',
        'submit',
        quarterlyReport('2026Q3', 1_000_000),
      ),
    );
    expect(
      (
        await expectOk(
          complete(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW', 'recommend_exit', {
            comment: '企业已迁出',
          }),
        )
      ).stage,
    ).toBe('graduation_review');
    expect(
      (await complete(c.coordinator.api, c.creditCode, 'GRADUATION_REVIEW', 'exit', { reason: 'doubled' }))
        .status,
    ).toBe(400);
    expect(
      (
        await expectOk(
          complete(c.coordinator.api, c.creditCode, 'GRADUATION_REVIEW', 'exit', { reason: 'relocated' }),
        )
      ).stage,
    ).toBe('exited');
    const e = await expectOk(c.coordinator.api.get(`/api/enterprises/${c.creditCode}`));
    expect(e.membership).toEqual([expect.objectContaining({ to: expect.any(String), reason: 'relocated' })]);
  });

  it('graduation_review → supporting on GRADUATION_REVIEW.continue; the next quarter asks for a report again', async () => {
    const c = await createCast();
    await driveToSupporting(c);
    await tickQuarter(c, '2026Q3');
    await expectOk(
      complete(c.enterprise.api, c.creditCode, 'QUARTERLY_REPORT', 'submit', quarterlyReport('2026Q3')),
    );
    await expectOk(
      complete(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW', 'recommend_graduation', {
        comment: '建议毕业',
      }),
    );
    expect(
      (
        await expectOk(
          complete(c.coordinator.api, c.creditCode, 'GRADUATION_REVIEW', 'continue', { note: '再观察一季' }),
        )
      ).stage,
    ).toBe('supporting');
    await tickQuarter(c, '2026Q4');
    expect(await openTask(c.enterprise.api, c.creditCode, 'QUARTERLY_REPORT')).toMatchObject({
      quarter: '2026Q4',
    });
  });

  it('graduation_review → graduated on GRADUATION_REVIEW.graduate (listed)', async () => {
    const c = await createCast();
    await driveToSupporting(c);
    await tickQuarter(c, '2026Q3');
    await expectOk(
      complete(c.enterprise.api, c.creditCode, 'QUARTERLY_REPORT', 'submit', {
        ...quarterlyReport('2026Q3'),
        listingProgress: 'listed',
      }),
    );
    await expectOk(
      complete(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW', 'recommend_graduation', {
        comment: '已上市',
      }),
    );
    expect(
      (
        await expectOk(
          complete(c.coordinator.api, c.creditCode, 'GRADUATION_REVIEW', 'graduate', { reason: 'listed' }),
        )
      ).stage,
    ).toBe('graduated');
    const result = await (
      await temporalClient()
    ).workflow
      .getHandle(lifecycleWorkflowId(c.creditCode))
      .result();
    expect(result).toEqual({ stage: 'graduated', reason: 'listed' });
  });
});

describe('the statechart endpoint', () => {
  it('returns the definition and the current state', async () => {
    const c = await createCast();
    await toFeedback(c);
    const r = await expectOk(c.enterprise.api.get(`/api/enterprises/${c.creditCode}/statechart`));
    expect(r.definition.states.map((s: any) => s.key)).toContain('graduation_review');
    expect(r.current).toEqual({
      stage: 'feedback',
      // An enterprise reads its own branch of the feedback: the district's would say its opinion
      // once given (visibleStateValue).
      stateValue: { feedback: { enterprise: 'pending' } },
    });
    expect((await Api.anonymous().get(`/api/enterprises/${c.creditCode}/statechart`)).status).toBe(401);
  });
});
