import { createCast, createUser } from '../support/cast';
import { closeDb, db } from '../support/db';
import { driveToSupporting, reportQuarter } from '../support/drive';
import { complete, expectOk, nominationFor, openTask, problem, quarterlyReport } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// The quarterly review decides with the facts in view: its case file's `standing` holds the
// member's reports quarter by quarter, 三年倍增 as its home shows it and the ledger counted by status
// with the overdue named — each problem only for those who may see it (an owner department its own),
// a report sent back (退回) nowhere. Baseline 8,000 万 (the sample nomination's revenue).
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

/** A report's figures as the case file lists them: the sample report's, without its listing progress. */
function figures(quarter: string, revenue: number) {
  const { listingProgress: _, ...sent } = quarterlyReport(quarter, revenue);
  return sent;
}

/** A member with two problems (流动资金紧张 overdue since January) and its 2026Q3 report sent. */
async function memberWithProblems() {
  const c = await createCast();
  await driveToSupporting(c, {
    problems: [
      problem({ title: '流动资金紧张', ownerDepartment: 'finance' }),
      problem({ title: '高端人才招聘难', ownerDepartment: 'sme' }),
    ],
  });
  // Overdue since January: the diagnosis refuses a past due date, so the ledger row is moved.
  await db().query(`UPDATE problems SET due_at = '2026-01-31' WHERE credit_code = $1 AND title = $2`, [
    c.creditCode,
    '流动资金紧张',
  ]);
  await reportQuarter(c, '2026Q3', 20_000_000);
  return c;
}

describe('the case file of a quarterly review', () => {
  it('stands the reports, 三年倍增 and the ledger beside the form, as each reader may see them', async () => {
    const c = await memberWithProblems();
    await expectOk(
      complete(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW', 'continue', { comment: '正常' }),
    );
    await reportQuarter(c, '2026Q4', 26_000_000);

    const review = await openTask(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW');
    const standingOf = async (api: typeof c.industry.api, taskId = review.id) =>
      (await expectOk(api.get(`/api/tasks/${taskId}`))).caseFile.standing;

    const standing = await standingOf(c.industry.api);
    expect(standing.reports).toEqual([figures('2026Q3', 20_000_000), figures('2026Q4', 26_000_000)]);
    expect(standing.doubling).toEqual({
      quarter: '2026Q4',
      baselineRevenue: 80_000_000,
      annualizedRevenue: 92_000_000,
      growth: 1.15,
      expected: expect.any(Number),
      onTrack: expect.any(Boolean),
    });
    // The figure the enterprise's home shows.
    const home = await expectOk(c.enterprise.api.get(`/api/enterprises/${c.creditCode}`));
    expect(standing.doubling).toMatchObject(home.doubling);
    expect(standing.ledger).toEqual({
      total: 2,
      byStatus: [{ status: 'open', n: 2 }],
      overdue: [
        {
          id: expect.any(String),
          title: '流动资金紧张',
          status: 'open',
          ownerDepartment: 'finance',
          dueAt: '2026-01-31',
          leadDivision: expect.objectContaining({ zh: '行业处室（新一代电子信息制造业）' }),
        },
      ],
    });

    // 中小企业处 reads the review (the enterprise has a problem it owns) and only its own problem.
    const sme = await createUser('sme_officer', { department: 'sme' });
    const ownOnly = await standingOf(sme.api);
    expect(ownOnly.ledger).toEqual({ total: 1, byStatus: [{ status: 'open', n: 1 }], overdue: [] });
    expect(ownOnly.reports).toHaveLength(2);

    // Sent back: the enterprise corrects its report; its case file stands at the report that counts.
    await expectOk(c.industry.api.post(`/api/tasks/${review.id}/return`, { reason: '营收与报表不符' }));
    const report = await openTask(c.enterprise.api, c.creditCode, 'QUARTERLY_REPORT');
    const own = await standingOf(c.enterprise.api, report.id);
    expect(own.reports).toEqual([figures('2026Q3', 20_000_000)]);
    expect(own.doubling).toMatchObject({ quarter: '2026Q3', annualizedRevenue: 80_000_000, growth: 1 });
    expect(own.ledger.total).toBe(2);
  });

  // The walk: a graduated member's open problems read 待化解 (one overdue) beside 企业已毕业, while
  // the ledger's filter and the dashboard count them 帮扶已结束.
  it('counts the problems of a lifecycle that ended as 帮扶已结束, overdue for nobody', async () => {
    const c = await memberWithProblems();
    await expectOk(
      complete(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW', 'recommend_graduation', { comment: '倍增' }),
    );
    const review = await openTask(c.coordinator.api, c.creditCode, 'GRADUATION_REVIEW');
    const ledger = async () =>
      (await expectOk(c.coordinator.api.get(`/api/tasks/${review.id}`))).caseFile.standing.ledger;
    expect((await ledger()).byStatus).toEqual([{ status: 'open', n: 2 }]);
    await expectOk(
      complete(c.coordinator.api, c.creditCode, 'GRADUATION_REVIEW', 'graduate', { reason: 'doubled' }),
    );
    expect(await ledger()).toEqual({ total: 2, byStatus: [{ status: 'ended', n: 2 }], overdue: [] });
  });

  it('is null before admission', async () => {
    const c = await createCast();
    await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
    const screen = await openTask(c.coordinator.api, c.creditCode, 'SCREEN');
    const detail = await expectOk(c.coordinator.api.get(`/api/tasks/${screen.id}`));
    expect(detail.caseFile.standing).toBeNull();
  });
});
