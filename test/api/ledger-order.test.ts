import { createUser, freshCreditCode, Member } from '../support/cast';
import { closeDb } from '../support/db';
import { expectOk } from '../support/lifecycle';
import {
  removeSeeds,
  seedCluster,
  SeededEnterprise,
  seedEnterprise,
  seedProblem,
} from '../support/read-model-seed';

// 问题台账 (ui-walk, a department officer on a phone): the problems still worked come first, by due
// date (the overdue lead), and the finished ones (已销号, 帮扶已结束) last, whatever their due date.
// The phone's cards and the desk's table are one list in the API's order, so one rule orders both.
const D = '500236';

let cluster: string;
let industry: Member;
let sme: Member;
let seeds: Record<'running' | 'graduated', SeededEnterprise>;

beforeAll(async () => {
  cluster = await seedCluster();
  const base = {
    district: D,
    cluster,
    baseline: 10_000_000,
    startedAt: '2024-01-02T10:00:00+08:00',
    membership: { from: '2024-03-01' },
  };
  seeds = {
    running: { ...base, code: freshCreditCode(), name: '台账序链', stage: 'supporting' },
    graduated: {
      ...base,
      code: freshCreditCode(),
      name: '台账序毕业链',
      stage: 'graduated',
      ended: { at: '2026-06-01T10:00:00+08:00', stage: 'graduated', reason: null },
    },
  };
  for (const s of Object.values(seeds)) await seedEnterprise(s);
  const { running, graduated } = seeds;
  await seedProblem(running, '早已销号', '2020-01-01', 'resolved', 'sme');
  await seedProblem(graduated, '毕业时未化解', '2020-02-01', 'open', 'sme');
  await seedProblem(running, '明年到期', '2027-06-30', 'open', 'sme');
  await seedProblem(running, '逾期化解中', '2021-03-01', 'in_progress', 'sme');
  await seedProblem(running, '销号审核中', '2026-12-31', 'closing', 'sme');
  await seedProblem(running, '逾期待化解', '2020-06-01', 'open', 'sme');
  await seedProblem(running, '后来销号', '2026-01-01', 'resolved', 'sme');
  industry = await createUser('industry_officer', { clusters: [cluster] });
  sme = await createUser('sme_officer', { department: 'sme' });
});

afterAll(async () => {
  await removeSeeds(seeds, cluster);
  await closeDb();
});

const titles = (items: { title: string }[]) => items.map((i) => i.title);

it('lists open and overdue problems first by due date, finished ones last', async () => {
  const ledger = await expectOk(industry.api.get('/api/problems?pageSize=100'));
  expect(titles(ledger.items)).toEqual([
    '逾期待化解',
    '逾期化解中',
    '销号审核中',
    '明年到期',
    '早已销号',
    '毕业时未化解',
    '后来销号',
  ]);
  // Pages follow the same order: the first page holds no finished problem while open ones remain.
  const first = await expectOk(industry.api.get('/api/problems?pageSize=2'));
  expect(titles(first.items)).toEqual(['逾期待化解', '逾期化解中']);
});

it('orders a department officer’s ledger (中小企业处) the same way', async () => {
  const own = await expectOk(sme.api.get(`/api/problems?creditCode=${seeds.running.code}&pageSize=100`));
  expect(titles(own.items)).toEqual([
    '逾期待化解',
    '逾期化解中',
    '销号审核中',
    '明年到期',
    '早已销号',
    '后来销号',
  ]);
});
