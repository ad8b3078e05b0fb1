import { shanghaiDate } from '@hardtech/domain';
import { createCast, createUser } from '../support/cast';
import { driveToGraduation, driveToSupporting, tickQuarter } from '../support/drive';
import { complete, expectOk, nominationFor, quarterlyReport } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// Issue 3, done when: three enterprises over HTTP — one to graduated, one rejected at screening,
// one exited after a quarterly review — with membership verification and the ledger on top.
afterAll(closeTemporal);

const today = shanghaiDate(new Date());
const yesterday = shanghaiDate(new Date(Date.now() - 86_400_000));

describe('three enterprises, three endings', () => {
  it('graduates one, rejects one at screening and exits one after a quarterly review', async () => {
    const [graduate, reject, exit] = await Promise.all([
      createCast('500112', 'T2'),
      createCast('500106', 'P1'),
      createCast('500108', 'F5'),
    ]);

    await Promise.all([
      driveToGraduation(graduate, '2026Q3'),
      (async () => {
        await expectOk(
          reject.districtOfficer.api.post('/api/nominations', nominationFor(reject, { listed: true })),
          201,
        );
        const r = await complete(reject.coordinator.api, reject.creditCode, 'SCREEN', 'pass', {});
        expect(r.body).toMatchObject({
          code: 'SCREENING_HARD_CRITERION_FAILED',
          details: [{ field: 'criteria.S1', message: '已上市企业' }],
        });
        await expectOk(
          complete(reject.coordinator.api, reject.creditCode, 'SCREEN', 'reject', {
            reason: '已上市，不属于帮扶对象',
          }),
        );
      })(),
      (async () => {
        await driveToSupporting(exit);
        await tickQuarter(exit, '2026Q3');
        await expectOk(
          complete(
            exit.enterprise.api,
            exit.creditCode,
            'QUARTERLY_REPORT',
            'submit',
            quarterlyReport('2026Q3', 2_000_000),
          ),
        );
        await expectOk(
          complete(exit.industry.api, exit.creditCode, 'QUARTERLY_REVIEW', 'recommend_exit', {
            comment: '企业经营困难，已停产',
          }),
        );
        await expectOk(
          complete(exit.coordinator.api, exit.creditCode, 'GRADUATION_REVIEW', 'exit', {
            reason: 'closed',
            note: '已办理注销',
          }),
        );
      })(),
    ]);

    const stage = async (c: typeof graduate) =>
      (await expectOk(c.coordinator.api.get(`/api/enterprises/${c.creditCode}`))).stage;
    expect([await stage(graduate), await stage(reject), await stage(exit)]).toEqual([
      'graduated',
      'rejected',
      'exited',
    ]);

    // 二(六): was it in the pool on a date? Admitted and closed today, never yesterday.
    const member = async (c: typeof graduate, date: string) =>
      expectOk(c.coordinator.api.get(`/api/pool/membership/${c.creditCode}?date=${date}`));
    expect(await member(graduate, today)).toMatchObject({
      member: true,
      period: { from: today, to: today, reason: 'doubled' },
    });
    expect(await member(graduate, yesterday)).toMatchObject({ member: false, period: null });
    expect(await member(exit, today)).toMatchObject({ member: true, period: { reason: 'closed' } });
    expect(await member(reject, today)).toMatchObject({ member: false });
    expect(
      (await graduate.coordinator.api.get(`/api/pool/membership/${graduate.creditCode}?date=2026-02-30`))
        .status,
    ).toBe(400);
    expect((await reject.districtOfficer.api.get(`/api/pool/membership/${graduate.creditCode}`)).status).toBe(
      404,
    );
  });

  it('shows owner departments their ledger items only, and districts those of their enterprises', async () => {
    const c = await createCast('500115', 'T1');
    await driveToSupporting(c);
    const [finance, sme] = await Promise.all([
      createUser('finance_officer', { department: 'finance' }),
      createUser('sme_officer', { department: 'sme' }),
    ]);
    const financeLedger = await expectOk(finance.api.get(`/api/problems?creditCode=${c.creditCode}`));
    expect(financeLedger.items.map((p: any) => p.ownerDepartment)).toEqual(['finance']);
    expect((await expectOk(sme.api.get(`/api/problems?creditCode=${c.creditCode}`))).total).toBe(0);
    expect(
      (await expectOk(c.districtOfficer.api.get(`/api/problems?creditCode=${c.creditCode}`))).total,
    ).toBe(1);
    const elsewhere = await createCast('500116', 'T1');
    expect(
      (await expectOk(elsewhere.districtOfficer.api.get(`/api/problems?creditCode=${c.creditCode}`))).total,
    ).toBe(0);
    expect((await c.coordinator.api.get('/api/problems?status=closed')).status).toBe(400);
  });
});
