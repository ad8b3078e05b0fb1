import { createCast } from '../support/cast';
import { closeDb, db } from '../support/db';
import { complete, expectOk, JUDGMENTS, nominationFor, openTask } from '../support/lifecycle';
import { withPolicy } from '../support/policy';
import { closeTemporal } from '../support/temporal';

// 适度保持入库企业数量: ADMIT within the pool capacity. Changes the global policy, so it runs alone.
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

it('ADMIT.admit is refused with 422 and the member count when the pool is full; admitted once there is room', async () => {
  const c = await createCast();
  await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
  await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
  await expectOk(complete(c.districtOfficer.api, c.creditCode, 'DISTRICT_FEEDBACK', 'support', {}));
  await expectOk(complete(c.enterprise.api, c.creditCode, 'ENTERPRISE_CONFIRM', 'confirm', {}));

  const { rows } = await db().query(
    `SELECT count(*)::int AS n FROM membership_periods WHERE to_date IS NULL`,
  );
  const members: number = rows[0].n;
  const restore = await withPolicy((p) => ({ ...p, poolCapacity: members }));
  const admit = {
    leadCluster: c.cluster,
    commissioner: c.commissioner.username,
    districtLiaison: c.districtOfficer.username,
  };
  try {
    const refused = await complete(c.coordinator.api, c.creditCode, 'ADMIT', 'admit', admit);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'POOL_FULL',
      message: `帮扶库已满：在库企业 ${members} 家，容量 ${members} 家`,
    });
    expect(await openTask(c.coordinator.api, c.creditCode, 'ADMIT')).toBeDefined();
    expect(
      (await db().query(`SELECT 1 FROM membership_periods WHERE credit_code = $1`, [c.creditCode])).rowCount,
    ).toBe(0);
  } finally {
    await restore();
  }
  const r = await expectOk(complete(c.coordinator.api, c.creditCode, 'ADMIT', 'admit', admit));
  expect(r.stage).toBe('diagnosis');
  expect(
    (await db().query(`SELECT to_date FROM membership_periods WHERE credit_code = $1`, [c.creditCode])).rows,
  ).toEqual([{ to_date: null }]);
});
