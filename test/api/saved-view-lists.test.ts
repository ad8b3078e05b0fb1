import { createUser, freshCreditCode, Member } from '../support/cast';
import { closeDb, db } from '../support/db';
import { expectOk } from '../support/lifecycle';
import {
  removeSeeds,
  seedCluster,
  SeededEnterprise,
  seedEnterprise,
  seedProblem,
} from '../support/read-model-seed';

// Saved views of the ledger (问题台账) and the enterprise list (企业库), beside the inbox's: each
// list's views apart, each checked with its list's filters, shared by the inbox's rules, and never
// wider than the reader's scope: a view holds filters, the list applies the reader's scope. Seeded
// into the read model under a cluster of the test's own: one member in 黔江区 with a problem of
// 行业处室, one of 中小企业处 and one of 产业金融处.

let cluster: string;
let seeds: Record<'member', SeededEnterprise>;
let industry: Member;
let sme: Member;
let otherDistrict: Member;
let coordinator: Member;
const problems: Record<'industry' | 'sme' | 'finance', string> = { industry: '', sme: '', finance: '' };

beforeAll(async () => {
  cluster = await seedCluster();
  const member: SeededEnterprise = {
    code: freshCreditCode(),
    name: '视图测试企业',
    district: '500114',
    cluster,
    stage: 'supporting',
    baseline: 10_000_000,
    startedAt: '2024-01-02T10:00:00+08:00',
    membership: { from: '2024-03-01' },
  };
  seeds = { member };
  await seedEnterprise(member);
  for (const department of ['industry', 'sme', 'finance'] as const)
    problems[department] = await seedProblem(member, `${department}的问题`, '2024-06-30', 'open', department);
  [industry, sme, otherDistrict, coordinator] = await Promise.all([
    createUser('industry_officer', { clusters: [cluster] }, undefined, '行业处 王科长'),
    createUser('sme_officer', { department: 'sme' }),
    createUser('district_officer', { districts: ['500112'] }),
    createUser('city_coordinator', {}),
  ]);
});

afterAll(async () => {
  await removeSeeds(seeds, cluster);
  await closeDb();
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
/** GET of a list with a view's filter as its query, as the page writes it to the address. */
const query = (filter: Record<string, unknown>) =>
  new URLSearchParams(Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, String(v)]))).toString();

it('keeps each list’s views apart, shares them as inbox views, and shows a reader no more than their scope', async () => {
  // 行业处室 keeps its own board of the cluster, overdue, shared with 中小企业处.
  const ledgerView = await expectOk(
    industry.api.post('/api/views', {
      list: 'ledger',
      name: '本集群逾期问题',
      filter: { owner: 'industry', cluster, overdue: true, pageSize: 100 },
      sharedWith: { departments: ['sme'] },
    }),
    201,
  );
  expect(ledgerView).toMatchObject({ list: 'ledger', mine: true, sharedWith: { departments: ['sme'] } });
  const enterpriseView = await expectOk(
    industry.api.post('/api/views', {
      list: 'enterprises',
      name: '本集群在帮扶',
      filter: { cluster, stage: 'supporting', admittedIn: 2024 },
      sharedWith: { roles: ['district_officer'] },
    }),
    201,
  );
  // A body without `list`, as before views of other lists: an inbox view.
  const inboxView = await expectOk(
    industry.api.post('/api/views', { name: '我的待办', filter: { view: 'mine' } }),
    201,
  );
  expect(inboxView.list).toBe('inbox');

  const own = async (member: Member, list?: string) =>
    ids(
      (await expectOk(member.api.get(`/api/views${list ? `?list=${list}` : ''}`))).filter((v: any) =>
        [ledgerView.id, enterpriseView.id, inboxView.id].includes(v.id),
      ),
    );
  expect(await own(industry, 'ledger')).toEqual([ledgerView.id]);
  expect(await own(industry, 'enterprises')).toEqual([enterpriseView.id]);
  expect(await own(industry, 'inbox')).toEqual([inboxView.id]);
  expect(await own(industry)).toEqual([inboxView.id]);
  // Shared as inbox views are: the department named, the role named, nobody else.
  expect(await own(sme, 'ledger')).toEqual([ledgerView.id]);
  expect(await own(sme, 'enterprises')).toEqual([]);
  expect(await own(otherDistrict, 'enterprises')).toEqual([enterpriseView.id]);
  expect(await own(otherDistrict, 'ledger')).toEqual([]);
  expect(await own(coordinator, 'ledger')).toEqual([]);

  // The saver's list shows the industry division's problem.
  const forSaver = await expectOk(industry.api.get(`/api/problems?${query(ledgerView.filter)}`));
  expect(forSaver.items.map((p: any) => p.id)).toEqual([problems.industry]);
  // 中小企业处 opening it reads none of 行业处室's problems: its own department's only, as the
  // ledger page then shows its own board (the view's department is not theirs).
  const [sharedToSme] = (await expectOk(sme.api.get('/api/views?list=ledger'))).filter(
    (v: any) => v.id === ledgerView.id,
  );
  // Named as people are named (the picker's 共享 by), beside the login.
  expect(sharedToSme).toMatchObject({
    mine: false,
    owner: industry.username,
    ownerName: '行业处 王科长',
    filter: ledgerView.filter,
  });
  const asNamed = await expectOk(sme.api.get(`/api/problems?${query(sharedToSme.filter)}`));
  expect(asNamed.total).toBe(0);
  const ownBoard = await expectOk(
    sme.api.get(`/api/problems?${query({ ...sharedToSme.filter, owner: 'sme' })}`),
  );
  expect(ownBoard.items.map((p: any) => p.id)).toEqual([problems.sme]);
  const unboarded = await expectOk(sme.api.get(`/api/problems?cluster=${cluster}&overdue=true`));
  expect(unboarded.items.map((p: any) => p.id)).toEqual([problems.sme]);

  // The enterprise list: the saver sees the member; a district officer of 渝北区 the view was shared
  // with sees nothing of 黔江区.
  const enterprises = (member: Member) =>
    expectOk(member.api.get(`/api/enterprises?${query(enterpriseView.filter)}`));
  expect((await enterprises(industry)).items.map((e: any) => e.creditCode)).toEqual([seeds.member.code]);
  expect((await enterprises(otherDistrict)).total).toBe(0);
});

it('refuses a view of an unknown list, or with another list’s or an unknown filter, naming the field and saving nothing', async () => {
  const saved = await expectOk(
    industry.api.post('/api/views', { list: 'ledger', name: '台账', filter: { cluster } }),
    201,
  );
  const rows = async () =>
    (
      await db().query(`SELECT id, list, name, filter FROM saved_views WHERE owner = $1 ORDER BY id`, [
        industry.username,
      ])
    ).rows;
  const before = await rows();
  for (const [body, fields] of [
    [{ list: 'reports', name: 'x' }, ['list']],
    [{ list: ['ledger'], name: 'x' }, ['list']],
    // The inbox's fields are not the ledger's, nor the ledger's the enterprise list's.
    [{ list: 'ledger', name: 'x', filter: { type: 'SCREEN', view: 'mine' } }, ['filter.type', 'filter.view']],
    [{ list: 'enterprises', name: 'x', filter: { owner: 'sme' } }, ['filter.owner']],
    [{ name: 'x', filter: { category: 'policy_support' } }, ['filter.category']],
    // Values each list refuses too: a cluster the taxonomy lacks, a district of no reference, a
    // status or a stage it does not know, a text for a boolean.
    [
      { list: 'ledger', name: 'x', filter: { cluster: 'ZZ9', district: '999999', status: 'done' } },
      ['filter.status', 'filter.district', 'filter.cluster'],
    ],
    [{ list: 'ledger', name: 'x', filter: { overdue: 'true' } }, ['filter.overdue']],
    [
      { list: 'enterprises', name: 'x', filter: { stage: 'sleeping', cluster: 'ZZ9', admittedIn: 1999 } },
      ['filter.stage', 'filter.cluster', 'filter.admittedIn'],
    ],
  ] as const) {
    const r = await industry.api.post('/api/views', body);
    expect([body, r.status, r.body.code]).toEqual([body, 400, 'VALIDATION_FAILED']);
    expect([body, r.body.details.map((d: any) => d.field)]).toEqual([body, fields]);
  }
  // A view stays in its list: changed, not moved to another (whose filters it does not hold).
  const moved = await industry.api.put(`/api/views/${saved.id}`, { list: 'inbox', name: '台账' });
  expect([moved.status, moved.body.code, moved.body.details[0].field]).toEqual([
    422,
    'VIEW_LIST_FIXED',
    'list',
  ]);
  const bad = await industry.api.put(`/api/views/${saved.id}`, { name: '台账', filter: { view: 'all' } });
  expect([bad.status, bad.body.details.map((d: any) => d.field)]).toEqual([400, ['filter.view']]);
  expect(await rows()).toEqual(before);
  // A PUT without `list` keeps the view's: its filter checked as the ledger's.
  const renamed = await expectOk(
    industry.api.put(`/api/views/${saved.id}`, { name: '台账逾期', filter: { cluster, overdue: true } }),
  );
  expect(renamed).toMatchObject({ list: 'ledger', name: '台账逾期', filter: { cluster, overdue: true } });

  const unknownList = await industry.api.get('/api/views?list=reports');
  expect([unknownList.status, unknownList.body.details.map((d: any) => d.field)]).toEqual([400, ['list']]);
});
