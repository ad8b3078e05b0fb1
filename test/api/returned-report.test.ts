import { Api } from '../support/api';
import { Cast, createCast } from '../support/cast';
import { closeDb } from '../support/db';
import { driveToSupporting, reportQuarter, sendReport } from '../support/drive';
import { complete, expectOk, openTask } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// A quarterly report sent back by its review (退回) counts nowhere until it is sent again: not in
// 三年倍增 on the enterprise's home and page, not in the cockpit (GET /api/reports/kpi, which the
// pool list export shares). Baseline 8,000 万 (the sample nomination's revenue).
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

/** The enterprise's 三年倍增 as its home reads it, and the quarters of its page's chart. */
async function home(c: Cast) {
  const e = await expectOk(c.enterprise.api.get(`/api/enterprises/${c.creditCode}`));
  return { doubling: e.doubling, quarters: e.quarterlyReports.map((r: any) => r.quarter) };
}

/** The cockpit's row of the enterprise (revenueDoubling.enterprises). */
async function cockpit(api: Api, creditCode: string) {
  const kpi = await expectOk(api.get('/api/reports/kpi?year=2026'));
  const row = kpi.revenueDoubling.enterprises.find((e: any) => e.creditCode === creditCode);
  return row && { quarter: row.quarter, annualizedRevenue: row.annualizedRevenue, growth: row.growth };
}

describe('a quarterly report sent back (退回)', () => {
  it('leaves 三年倍增 and the cockpit at the last report that counts until it is sent again', async () => {
    const c = await createCast();
    await driveToSupporting(c);
    await reportQuarter(c, '2026Q3', 20_000_000);
    await expectOk(
      complete(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW', 'continue', { comment: '正常' }),
    );
    const q3 = { quarter: '2026Q3', annualizedRevenue: 80_000_000, growth: 1 };

    await reportQuarter(c, '2026Q4', 26_000_000);
    // Sent, it counts (as the workflow counts it): (20 + 26) ÷ 2 × 4 = 9,200 万, 1.15×.
    const sent = { quarter: '2026Q4', annualizedRevenue: 92_000_000, growth: 1.15 };
    expect((await home(c)).doubling).toMatchObject(sent);
    expect(await cockpit(c.coordinator.api, c.creditCode)).toEqual(sent);

    const review = await openTask(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW');
    await expectOk(c.industry.api.post(`/api/tasks/${review.id}/return`, { reason: '营收与报表不符' }));
    expect(await home(c)).toEqual({ doubling: expect.objectContaining(q3), quarters: ['2026Q3'] });
    expect(await cockpit(c.coordinator.api, c.creditCode)).toEqual(q3);

    // Corrected and sent again: the corrected figures count.
    await sendReport(c, '2026Q4', 21_000_000);
    const corrected = { quarter: '2026Q4', annualizedRevenue: 82_000_000, growth: 1.025 };
    expect(await home(c)).toEqual({
      doubling: expect.objectContaining(corrected),
      quarters: ['2026Q3', '2026Q4'],
    });
    expect(await cockpit(c.coordinator.api, c.creditCode)).toEqual(corrected);
  });
});
