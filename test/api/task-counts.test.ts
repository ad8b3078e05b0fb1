import { freshCreditCode, adminApi, Cast, createCast, createUser, Member } from '../support/cast';
import type { Api } from '../support/api';
import { closeDb, db } from '../support/db';
import { complete, expectOk, JUDGMENTS, nominationFor, openTask } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// GET /api/tasks/counts, the inbox's figures in one request: each is the total GET /api/tasks
// answers for its view (open tasks), for a desk (inbox, mine, overdue among the inbox) and for a
// watcher that lists all (all, overdue among all), and it counts nothing out of the caller's scope.
// Districts 500110 and 500111 belong to this file alone, so the district officers' figures are exact.
const DISTRICT = '500110';
const OTHER_DISTRICT = '500111';

interface Counts {
  inbox: number | null;
  mine: number | null;
  all: number | null;
  overdue: number;
}

const total = async (api: Api, query: string): Promise<number> =>
  (await expectOk(api.get(`/api/tasks?status=open&pageSize=1&${query}`))).total;

/** The figures as the list counts them, one request a view. */
async function listed(api: Api, watcher: boolean): Promise<Counts> {
  if (watcher) {
    return {
      inbox: null,
      mine: null,
      all: await total(api, 'view=all'),
      overdue: await total(api, 'view=all&overdue=true'),
    };
  }
  return {
    inbox: await total(api, 'view=inbox'),
    mine: await total(api, 'view=mine'),
    all: null,
    overdue: await total(api, 'view=inbox&overdue=true'),
  };
}

/**
 * The counts and the list's totals, read while the lists stood still: a city-wide reader's lists
 * move with the other test files' lifecycles, so a read between two equal readings of the lists is
 * taken (a few tries).
 */
async function countsAndLists(api: Api, watcher: boolean): Promise<{ counts: Counts; lists: Counts }> {
  for (let attempt = 0; ; attempt++) {
    const before = await listed(api, watcher);
    const counts: Counts = await expectOk(api.get('/api/tasks/counts'));
    const after = await listed(api, watcher);
    if (JSON.stringify(before) === JSON.stringify(after) || attempt === 5) return { counts, lists: after };
  }
}

describe('GET /api/tasks/counts', () => {
  let cast: Cast;
  let leader: Member;
  let otherDistrict: Member;
  let outsider: Member;
  /** Waits on the district (DISTRICT_FEEDBACK), claimed by its officer and overdue. */
  let feedback: { creditCode: string; id: string };

  beforeAll(async () => {
    cast = await createCast(DISTRICT, 'T2');
    [leader, otherDistrict, outsider] = await Promise.all([
      createUser('leader', {}),
      createUser('district_officer', { districts: [OTHER_DISTRICT] }),
      createUser('enterprise_user', { creditCodes: [freshCreditCode()] }),
    ]);
    const district = cast.districtOfficer.api;
    const coordinator = cast.coordinator.api;
    const screened = async (creditCode: string) => {
      await expectOk(district.post('/api/nominations', nominationFor(cast, { creditCode })), 201);
      await expectOk(complete(coordinator, creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
    };
    // The enterprise's own: screened, supported by its district → 企业确认 waits on it, overdue.
    await screened(cast.creditCode);
    await expectOk(complete(district, cast.creditCode, 'DISTRICT_FEEDBACK', 'support', { opinion: '同意' }));
    const confirm = await openTask(cast.enterprise.api, cast.creditCode, 'ENTERPRISE_CONFIRM');
    // A second enterprise: screened → the district's feedback, claimed and overdue.
    const second = freshCreditCode();
    await screened(second);
    feedback = { creditCode: second, id: (await openTask(district, second, 'DISTRICT_FEEDBACK')).id };
    await expectOk(district.post(`/api/tasks/${feedback.id}/claim`, {}));
    // A third, nominated only: 城市筛选 waits on the coordinator.
    await expectOk(
      district.post('/api/nominations', nominationFor(cast, { creditCode: freshCreditCode() })),
      201,
    );
    await db().query(`UPDATE tasks SET due_at = now() - interval '1 hour' WHERE id = ANY($1)`, [
      [confirm.id, feedback.id],
    ]);
  });
  afterAll(() => Promise.all([closeTemporal(), closeDb()]));

  it('gives a district officer its inbox, mine and overdue, as its lists count them, and nothing else', async () => {
    const { counts, lists } = await countsAndLists(cast.districtOfficer.api, false);
    expect(counts).toEqual(lists);
    expect(counts).toEqual({ inbox: 1, mine: 1, all: null, overdue: 1 });
  });

  it('counts nothing of another district for its officer, nor of another enterprise for an enterprise', async () => {
    const { counts, lists } = await countsAndLists(otherDistrict.api, false);
    expect(counts).toEqual(lists);
    expect(counts).toEqual({ inbox: 0, mine: 0, all: null, overdue: 0 });
    expect(await expectOk(outsider.api.get('/api/tasks/counts'))).toEqual({
      inbox: 0,
      mine: 0,
      all: null,
      overdue: 0,
    });
  });

  it('gives an enterprise its own open step', async () => {
    const { counts, lists } = await countsAndLists(cast.enterprise.api, false);
    expect(counts).toEqual(lists);
    expect(counts).toMatchObject({ inbox: 1, all: null, overdue: 1 });
  });

  it('gives the city coordinator its inbox, mine and overdue as its lists count them', async () => {
    const { counts, lists } = await countsAndLists(cast.coordinator.api, false);
    expect(counts).toEqual(lists);
    expect(counts.inbox).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['leader', () => leader.api],
    ['auditor', () => cast.auditor.api],
  ])('gives the %s, who lists all, all and overdue among all', async (_, api) => {
    const { counts, lists } = await countsAndLists(api(), true);
    expect(counts).toEqual(lists);
    expect(counts.all).toBeGreaterThanOrEqual(3);
    expect(counts.overdue).toBeGreaterThanOrEqual(2);
  });

  it('gives the system administrator all and overdue among all', async () => {
    const { counts, lists } = await countsAndLists(await adminApi(), true);
    expect(counts).toEqual(lists);
  });

  it('follows a completion: the done task leaves the figures', async () => {
    const district = cast.districtOfficer.api;
    await expectOk(
      complete(district, feedback.creditCode, 'DISTRICT_FEEDBACK', 'support', { opinion: '同意' }),
    );
    const { counts, lists } = await countsAndLists(district, false);
    expect(counts).toEqual(lists);
    expect(counts).toEqual({ inbox: 0, mine: 0, all: null, overdue: 0 });
  });
});
