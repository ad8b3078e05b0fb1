import { Api } from '../support/api';
import { adminApi, Cast, createCast } from '../support/cast';
import { tickQuarter } from '../support/drive';
import {
  complete,
  expectOk,
  JUDGMENTS,
  nominationFor,
  openTask,
  PORTRAIT,
  problem,
  quarterlyReport,
} from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// Issue 2: one enterprise over HTTP from nomination to graduated, through every stage, against
// the real Temporal dev server and PostgreSQL; the stage and the inboxes checked after each step.
describe('walking skeleton: nomination → graduated over HTTP', () => {
  let cast: Cast;
  const stage = async () =>
    (await expectOk(cast.coordinator.api.get(`/api/enterprises/${cast.creditCode}`))).stage;
  const inbox = async (api: Api) =>
    (await expectOk(api.get(`/api/tasks?creditCode=${cast.creditCode}`))).items
      .map((t: any) => t.type)
      .sort();

  beforeAll(async () => {
    cast = await createCast('500112', 'T2');
  });
  afterAll(closeTemporal);

  it('reports Temporal and PostgreSQL healthy', async () => {
    expect(await expectOk(Api.anonymous().get('/api/health'))).toEqual({
      status: 'ok',
      temporal: 'ok',
      database: 'ok',
      // Issue 19.5: the last year of the holiday schedule (the package's, or confirmed after it).
      calendar: { coveredThrough: expect.any(Number) },
    });
  });

  it('walks every stage with the right tasks in the right inboxes', async () => {
    const c = cast;
    const r = await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
    expect(r).toEqual({
      creditCode: c.creditCode,
      workflowId: `enterprise/${c.creditCode}`,
      stage: 'screening',
    });
    expect(await stage()).toBe('screening');
    expect(await inbox(c.coordinator.api)).toEqual(['SCREEN']);
    expect(await inbox(c.districtOfficer.api)).toEqual([]);

    expect(
      await expectOk(
        complete(c.coordinator.api, c.creditCode, 'SCREEN', 'request_info', { questions: '请补充审计报告' }),
      ),
    ).toMatchObject({ stage: 'supplement', nextTasks: [{ type: 'SUPPLEMENT' }] });
    expect(await stage()).toBe('supplement');
    expect(await inbox(c.districtOfficer.api)).toEqual(['SUPPLEMENT']);
    expect(await inbox(c.coordinator.api)).toEqual([]);

    await expectOk(
      complete(c.districtOfficer.api, c.creditCode, 'SUPPLEMENT', 'submit', {
        corrections: { classOneIpCount: 5 },
      }),
    );
    expect(await stage()).toBe('screening');
    expect(await inbox(c.coordinator.api)).toEqual(['SCREEN']);

    const pass = await expectOk(
      complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }),
    );
    expect(pass.stage).toBe('feedback');
    expect(pass.nextTasks.map((t: any) => t.type).sort()).toEqual([
      'DISTRICT_FEEDBACK',
      'ENTERPRISE_CONFIRM',
    ]);
    expect(await inbox(c.districtOfficer.api)).toEqual(['DISTRICT_FEEDBACK']);
    expect(await inbox(c.enterprise.api)).toEqual(['ENTERPRISE_CONFIRM']);

    await expectOk(
      complete(c.districtOfficer.api, c.creditCode, 'DISTRICT_FEEDBACK', 'support', { opinion: '同意推荐' }),
    );
    expect(await stage()).toBe('feedback');
    await expectOk(complete(c.enterprise.api, c.creditCode, 'ENTERPRISE_CONFIRM', 'confirm', {}));
    expect(await stage()).toBe('admission');
    expect(await inbox(c.coordinator.api)).toEqual(['ADMIT']);

    await expectOk(
      complete(c.coordinator.api, c.creditCode, 'ADMIT', 'admit', {
        leadCluster: 'T2',
        commissioner: c.commissioner.username,
        districtLiaison: c.districtOfficer.username,
      }),
    );
    expect(await stage()).toBe('diagnosis');
    expect(await inbox(c.commissioner.api)).toEqual(['DIAGNOSE']);
    // The enterprise reads who serves it by name, not by login.
    await expectOk(
      (await adminApi()).patch(`/api/users/${c.commissioner.username}`, { displayName: '企业服务专员 王芳' }),
    );
    expect(await expectOk(c.enterprise.api.get(`/api/enterprises/${c.creditCode}`))).toMatchObject({
      commissioner: c.commissioner.username,
      commissionerName: '企业服务专员 王芳',
      districtLiaisonName: c.districtOfficer.username, // the cast's names are their usernames
      nominatedByName: expect.any(String),
    });
    // …and an officer reads whom the open diagnosis waits for by name too.
    const { openTasks } = await expectOk(c.coordinator.api.get(`/api/enterprises/${c.creditCode}`));
    expect(openTasks).toMatchObject([
      {
        type: 'DIAGNOSE',
        assignee: null,
        assigneeName: null,
        candidateNames: { [c.commissioner.username]: '企业服务专员 王芳' },
      },
    ]);

    await expectOk(
      complete(c.commissioner.api, c.creditCode, 'DIAGNOSE', 'submit', {
        portrait: PORTRAIT,
        problems: [problem()],
      }),
    );
    expect(await stage()).toBe('supporting');
    expect(await inbox(c.commissioner.api)).toEqual([]);

    await tickQuarter(c, '2026Q3');
    expect(await inbox(c.enterprise.api)).toEqual(['QUARTERLY_REPORT']);
    await expectOk(
      complete(
        c.enterprise.api,
        c.creditCode,
        'QUARTERLY_REPORT',
        'submit',
        quarterlyReport('2026Q3', 160_000_000),
      ),
    );
    expect(await inbox(c.industry.api)).toEqual(['QUARTERLY_REVIEW']);

    await expectOk(
      complete(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW', 'recommend_graduation', {
        comment: '营收倍增',
      }),
    );
    expect(await stage()).toBe('graduation_review');
    expect(await inbox(c.coordinator.api)).toEqual(['GRADUATION_REVIEW']);

    expect(
      await expectOk(
        complete(c.coordinator.api, c.creditCode, 'GRADUATION_REVIEW', 'graduate', { reason: 'doubled' }),
      ),
    ).toEqual({ stage: 'graduated', nextTasks: [] });
    const detail = await expectOk(c.coordinator.api.get(`/api/enterprises/${c.creditCode}`));
    expect(detail).toMatchObject({ stage: 'graduated', openTasks: [], baselineRevenue: 80_000_000 });
    expect(detail.membership).toEqual([
      expect.objectContaining({ from: expect.any(String), to: expect.any(String), reason: 'doubled' }),
    ]);
    expect(detail.quarterlyReports.map((q: any) => q.quarter)).toEqual(['2026Q3']);
    expect(await openTask(c.coordinator.api, c.creditCode, 'GRADUATION_REVIEW')).toBeUndefined();
  });

  it('answers bad input to the skeleton endpoints with a 400 and a clear message', async () => {
    const api = cast.coordinator.api;
    const bad = await api.post('/api/nominations', {
      ...nominationFor(cast),
      creditCode: '91350100M000100Y44',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'creditCode', message: '统一社会信用代码校验位错误' }],
    });
    const en = await api.post('/api/nominations', { name: 1 }, { 'accept-language': 'en-US,en' });
    expect(en.body.details).toContainEqual({ field: 'name', message: 'must be a string' });
    expect(
      (await api.raw('POST', '/api/nominations', '{"creditCode":', { 'content-type': 'application/json' }))
        .body.code,
    ).toBe('MALFORMED_JSON');
    expect((await api.post('/api/tasks/not-a-task/complete', { outcome: 'pass' })).status).toBe(400);
    expect(
      (await api.post('/api/tasks/00000000-0000-4000-8000-000000000000/complete', { outcome: 'pass' }))
        .status,
    ).toBe(404);
    expect((await api.post('/api/tasks/00000000-0000-4000-8000-000000000000/complete', {})).status).toBe(400);
    expect((await api.get('/api/enterprises/nope')).status).toBe(400);
    expect((await Api.anonymous().get('/api/tasks')).status).toBe(401);
  });
});
