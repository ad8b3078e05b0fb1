import { Api } from '../support/api';
import { createUser, freshCreditCode, Member } from '../support/cast';
import { closeDb } from '../support/db';
import { expectOk } from '../support/lifecycle';
import {
  removeSeeds,
  seedCluster,
  SeededEnterprise,
  seedEnterprise,
  seedTask,
} from '../support/read-model-seed';

// From the officers' walk: the enterprise list showed one "current step" per enterprise, the open
// task due first, so an industry officer's own 季度审核 hid behind another department's earlier
// 部门报到. The list shows the step waiting on the caller first, within the caller's scope.

const DISTRICT = '500243';
let cluster: string;
let officer: Member;
let colleague: Member;
let districtOfficer: Member;
let seeds: Record<'open' | 'claimed', SeededEnterprise>;

afterAll(async () => {
  await removeSeeds(seeds, cluster);
  await closeDb();
});

beforeAll(async () => {
  cluster = await seedCluster();
  const member = (name: string): SeededEnterprise => ({
    code: freshCreditCode(),
    name,
    district: DISTRICT,
    cluster,
    stage: 'supporting',
    baseline: 10_000_000,
    startedAt: '2025-01-02T10:00:00+08:00',
    membership: { from: '2025-03-10' },
  });
  seeds = { open: member('步测甲'), claimed: member('步测乙') };
  for (const s of Object.values(seeds)) await seedEnterprise(s);
  [officer, colleague, districtOfficer] = await Promise.all([
    createUser('industry_officer', { clusters: [cluster] }),
    createUser('industry_officer', { clusters: [cluster] }, undefined, '同事 孙测'),
    createUser('district_officer', { districts: [DISTRICT] }),
  ]);
  const review = [`industry_officer:cluster:${cluster}`];
  for (const s of Object.values(seeds)) {
    // Another department's 部门报到, due before the officer's review.
    await seedTask(s, 'WHISTLE_RESPONSE', ['department:finance'], '2099-01-10T10:00:00Z');
  }
  await seedTask(seeds.open, 'QUARTERLY_REVIEW', review, '2099-02-10T10:00:00Z');
  await seedTask(seeds.open, 'QUARTERLY_REVIEW', review, '2099-03-10T10:00:00Z');
  await seedTask(seeds.claimed, 'QUARTERLY_REVIEW', review, '2099-02-10T10:00:00Z', colleague.username);
});

async function steps(api: Api) {
  const r = await expectOk(api.get(`/api/enterprises?cluster=${cluster}&pageSize=100`));
  return Object.fromEntries(
    Object.entries(seeds).map(([key, s]) => [
      key,
      (r.items as any[]).find((i) => i.creditCode === s.code)?.currentStep,
    ]),
  );
}

describe('the enterprise list: the step waiting on the caller first', () => {
  it("shows an officer their own review before another department's earlier step", async () => {
    const mine = await steps(officer.api);
    expect(mine.open).toMatchObject({
      type: 'QUARTERLY_REVIEW',
      dueAt: '2099-02-10T10:00:00.000Z',
      waitsOnCaller: true,
      waitingOnCaller: 2,
      openTasks: 3,
    });
    // Claimed by a colleague, the review waits on them, not on the officer: the step due first.
    expect(mine.claimed).toMatchObject({
      type: 'WHISTLE_RESPONSE',
      waitsOnCaller: false,
      waitingOnCaller: 0,
      openTasks: 2,
    });
    expect((await steps(colleague.api)).claimed).toMatchObject({
      type: 'QUARTERLY_REVIEW',
      assignee: colleague.username,
      handler: { zh: '同事 孙测' },
      waitsOnCaller: true,
      waitingOnCaller: 1,
    });
  });

  it('shows one who may see but not do the steps the one due first, as before', async () => {
    const seen = await steps(districtOfficer.api);
    expect(seen.open).toMatchObject({ type: 'WHISTLE_RESPONSE', waitsOnCaller: false, openTasks: 3 });
    expect(seen.claimed).toMatchObject({ type: 'WHISTLE_RESPONSE', waitsOnCaller: false, openTasks: 2 });
  });
});
