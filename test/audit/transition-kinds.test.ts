import { createCast } from '../support/cast';
import { closeDb } from '../support/db';
import { blowWhistleOnFirstProblem, driveToSupporting, tickQuarter } from '../support/drive';
import { eventually, expectOk } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// The audit trail names the transitions no task explains (季度调度, 吹哨, ledger work) instead of
// 流程流转: the workflow's cause, or what its receipt shows.
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

describe('transitions the system or ledger work made, in the audit trail', () => {
  it('a quarter tick, ledger progress and a whistle each name themselves in GET /api/audit', async () => {
    const c = await createCast('500112', 'T2');
    await driveToSupporting(c);
    await tickQuarter(c, '2026Q3');
    const { problems } = await expectOk(c.enterprise.api.get(`/api/enterprises/${c.creditCode}`));
    await expectOk(
      c.commissioner.api.post(`/api/problems/${problems[0].id}/progress`, { note: '已走访企业' }),
      201,
    );
    await blowWhistleOnFirstProblem(c);
    const [whistle, progress, tick] = await eventually(async () => {
      const r = await expectOk(
        c.auditor.api.get(`/api/audit?creditCode=${c.creditCode}&action=workflow.transition&pageSize=3`),
      );
      return r.items[0]?.transition.opened.includes('WHISTLE_RESPONSE') && r.items;
    });
    expect(tick).toMatchObject({
      actor: 'system',
      transition: { kind: 'quarter_tick', taskType: null, outcome: null, opened: ['QUARTERLY_REPORT'] },
    });
    expect(tick.data.cause).toBe('quarter_tick');
    expect(progress).toMatchObject({
      actor: c.commissioner.username,
      transition: { kind: 'problem_progress', opened: [] },
    });
    expect(whistle).toMatchObject({
      actor: c.enterprise.username,
      transition: { kind: 'whistle', opened: ['WHISTLE_RESPONSE'] },
    });
  });
});
