import { Cast, createCast } from '../support/cast';
import { closeDb } from '../support/db';
import { complete, eventually, expectOk, nominationFor } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// An enterprise in 补充材料 read on its home that its nominator would supplement, not what the
// city's screening asked for, which its own history already showed it. GET /api/enterprises/:creditCode
// now carries the request (`supplementRequest`) through the same visibility rule: the enterprise
// reads the request and when, never the screening's criteria or who screened; an officer reads the
// same request.
jest.setTimeout(180_000);
afterAll(() => Promise.all([closeDb(), closeTemporal()]));

const ASKED = '研发投入强度低于5%，请补充说明近三年研发费用归集口径及佐证材料';

describe('the screening’s supplement request on the enterprise’s page', () => {
  let c: Cast;
  const detail = (who: Cast['enterprise']) => expectOk(who.api.get(`/api/enterprises/${c.creditCode}`));

  beforeAll(async () => {
    c = await createCast('500112', 'T2');
    await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
    await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'request_info', { questions: ASKED }));
    await eventually(async () => (await detail(c.coordinator)).stage === 'supplement');
  });

  it('the enterprise reads what was asked and when, nothing more of the screening', async () => {
    const own = await detail(c.enterprise);
    expect(own.stage).toBe('supplement');
    expect(Object.keys(own.supplementRequest).sort()).toEqual(['asked', 'at']);
    expect(own.supplementRequest.asked).toBe(ASKED);
    expect(Number.isNaN(Date.parse(own.supplementRequest.at))).toBe(false);
    // The criteria and who screened stay the officers' (as test/api/redaction.test.ts checks everywhere).
    expect(own.screening).toBeNull();
    const text = JSON.stringify(own);
    expect(text).not.toContain(c.coordinator.username);
    const coordinator = await detail(c.coordinator);
    for (const criterion of coordinator.screening.criteria as { detail: string }[]) {
      if (criterion.detail) expect(text).not.toContain(JSON.stringify(criterion.detail));
    }
    // The very text its own history shows it.
    const history = await expectOk(c.enterprise.api.get(`/api/enterprises/${c.creditCode}/history`));
    expect(JSON.stringify(history)).toContain(ASKED);
  });

  it('an officer reads the same request', async () => {
    const own = (await detail(c.enterprise)).supplementRequest;
    expect(own).toEqual({ asked: ASKED, at: expect.any(String) });
    for (const officer of [c.coordinator, c.districtOfficer, c.industry]) {
      expect((await detail(officer)).supplementRequest).toEqual(own);
    }
  });

  it('is null once the nominator has supplemented and the nomination is back in screening', async () => {
    await expectOk(
      complete(c.districtOfficer.api, c.creditCode, 'SUPPLEMENT', 'submit', {
        corrections: { classOneIpCount: 3 },
      }),
    );
    const own = await eventually(async () => {
      const e = await detail(c.enterprise);
      return e.stage === 'screening' && e;
    });
    expect(own.supplementRequest).toBeNull();
  });
});
