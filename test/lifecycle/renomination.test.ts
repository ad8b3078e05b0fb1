import { adminApi, createCast, createUser } from '../support/cast';
import { closeDb, db } from '../support/db';
import { driveToGraduation } from '../support/drive';
import { complete, expectLedgerWorkEnded, expectOk, nominationFor } from '../support/lifecycle';
import { closeTemporal, temporalClient } from '../support/temporal';

afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

describe('one active lifecycle per credit code', () => {
  it('answers 409 to a second nomination while one is active, also to concurrent ones', async () => {
    const c = await createCast();
    const replies = await Promise.all(
      [1, 2, 3].map(() => c.districtOfficer.api.post('/api/nominations', nominationFor(c))),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(replies.find((r) => r.status === 409)!.body).toMatchObject({ code: 'ACTIVE_LIFECYCLE_EXISTS' });
    expect((await c.coordinator.api.post('/api/nominations', nominationFor(c))).status).toBe(409);
    const tasks = await db().query(`SELECT type FROM tasks WHERE credit_code = $1`, [c.creditCode]);
    expect(tasks.rows).toEqual([{ type: 'SCREEN' }]);
  });

  it('lets a rejected enterprise be nominated again as a new lifecycle that keeps the old one', async () => {
    const c = await createCast();
    await expectOk(
      c.districtOfficer.api.post('/api/nominations', nominationFor(c, { classOneIpCount: 0 })),
      201,
    );
    await expectOk(
      complete(c.coordinator.api, c.creditCode, 'SCREEN', 'reject', { reason: '缺少Ⅰ类知识产权' }),
    );
    // The enterprise nominates itself a year later, with the IP obtained.
    const again = await expectOk(
      c.enterprise.api.post('/api/nominations', nominationFor(c, { classOneIpCount: 2 })),
      201,
    );
    expect(again).toMatchObject({ stage: 'screening', workflowId: `enterprise/${c.creditCode}` });

    const e = await expectOk(c.coordinator.api.get(`/api/enterprises/${c.creditCode}`));
    expect(e).toMatchObject({ lifecycleNo: 2, stage: 'screening', closing: null });
    expect(e.lifecycles.map((l: any) => [l.lifecycleNo, l.finalStage, l.reason, l.nominatedBy])).toEqual([
      [1, 'rejected', '缺少Ⅰ类知识产权', c.districtOfficer.username],
      [2, null, null, c.enterprise.username],
    ]);
    // Each nominator by name as the user is called now (推荐人 of the page's lifecycles), the
    // username when no name differs; the enterprise reads it of its own case too.
    await expectOk(
      (await adminApi()).patch(`/api/users/${c.districtOfficer.username}`, { displayName: '渝北区 赵强' }),
    );
    for (const reader of [c.coordinator, c.enterprise]) {
      const named = await expectOk(reader.api.get(`/api/enterprises/${c.creditCode}`));
      expect(named.lifecycles.map((l: any) => l.nominatedByName)).toEqual([
        '渝北区 赵强',
        c.enterprise.username,
      ]);
    }
    const tasks = await db().query(
      `SELECT lifecycle_no, type, status FROM tasks WHERE credit_code = $1 ORDER BY created_at`,
      [c.creditCode],
    );
    expect(tasks.rows).toEqual([
      { lifecycle_no: 1, type: 'SCREEN', status: 'done' },
      { lifecycle_no: 2, type: 'SCREEN', status: 'open' },
    ]);
    // Both lifecycles are runs of the same workflow id; the first one's history stays in Temporal.
    const runs = [];
    for await (const run of (await temporalClient()).workflow.list({
      query: `WorkflowId = 'enterprise/${c.creditCode}'`,
    }))
      runs.push(run.status.name);
    expect(runs.sort()).toEqual(['COMPLETED', 'RUNNING']);
    // The enterprise nominated itself: a SUPPLEMENT would come back to its own users.
    expect(
      (
        await expectOk(
          complete(c.coordinator.api, c.creditCode, 'SCREEN', 'request_info', { questions: '补充' }),
        )
      ).nextTasks[0].candidateGroups,
    ).toEqual([`enterprise_user:enterprise:${c.creditCode}`]);
  });

  it("reads an earlier lifecycle's ledger problem as that lifecycle left it, and the next one does not work it", async () => {
    const c = await createCast();
    await driveToGraduation(c);
    const finance = await createUser('finance_officer', { department: 'finance' });
    const ledger = () => expectOk(c.coordinator.api.get(`/api/problems?creditCode=${c.creditCode}`));
    const earlier = (await ledger()).items[0];
    expect(earlier).toMatchObject({
      ownerDepartment: 'finance',
      status: 'open',
      enterpriseStage: 'graduated',
    });

    await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
    // The ledger lists the current lifecycles' problems: the second lifecycle has none yet.
    expect((await ledger()).items).toEqual([]);
    const url = `/api/problems/${earlier.id}`;
    // Its own lifecycle graduated: read-only, as the ledger showed it before the nomination.
    for (const reader of [c.coordinator, finance]) {
      expect(await expectOk(reader.api.get(url))).toMatchObject({
        id: earlier.id,
        status: 'open',
        enterpriseStage: 'graduated',
      });
    }
    // Work goes nowhere: the next lifecycle never had the problem.
    await expectLedgerWorkEnded(
      url,
      finance.api,
      c.coordinator.api,
      '该企业已毕业，已移出帮扶库，台账问题不再办理',
    );
    expect(await expectOk(finance.api.get(url))).toMatchObject({
      status: 'open',
      progress: [],
      handling: null,
    });
  });
});
