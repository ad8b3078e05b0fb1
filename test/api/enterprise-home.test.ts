import { randomUUID } from 'node:crypto';
import { Role } from '@hardtech/domain';
import { createUser, freshCreditCode, Member } from '../support/cast';
import { closeDb, db } from '../support/db';
import { expectOk } from '../support/lifecycle';
import {
  removeSeeds,
  SeededEnterprise,
  seedCluster,
  seedEnterprise,
  seedTask,
} from '../support/read-model-seed';

// The enterprise user's home page: it reads its own enterprise (GET /api/enterprises/:creditCode,
// with `stageSince`), never the city's KPI (GET /api/reports/kpi and its .xlsx: 403), never another
// enterprise's figures, never an officer's judgment, opinion, score or comment; every other role
// keeps the KPI. Two enterprises of a cluster of the test's own, seeded into the read model with an
// officer's marker in every deliberation the enterprise row keeps.

const MARK = `MARK-${randomUUID().slice(0, 8)}`;
const SUPPORTING_SINCE = '2026-03-02T10:00:00.000Z';
const DAY = 86_400_000;

let cluster: string;
let seeds: Record<'own' | 'other', SeededEnterprise>;
let enterprise: Member;
const tasks: Record<string, string> = {};

beforeAll(async () => {
  cluster = await seedCluster();
  const base = { cluster, district: '500233', stage: 'supporting', startedAt: '2025-11-03T10:00:00+08:00' };
  seeds = {
    own: {
      ...base,
      code: freshCreditCode(),
      name: '本企业',
      baseline: 20_000_000,
      membership: { from: '2026-01-15' },
      stages: [
        ['screening', '2025-11-03T10:00:00+08:00'],
        ['feedback', '2025-12-01T10:00:00+08:00'],
        ['diagnosis', '2026-01-15T10:00:00+08:00'],
        ['supporting', SUPPORTING_SINCE],
      ],
      reports: [{ quarter: '2026Q2', annualized: 26_000_000, growth: 1.3, expected: 1.2, onTrack: true }],
    },
    other: {
      ...base,
      code: freshCreditCode(),
      name: '他企业',
      baseline: 90_000_000,
      membership: { from: '2026-01-20' },
      reports: [{ quarter: '2026Q2', annualized: 99_000_000, growth: 1.1, expected: 1.2, onTrack: false }],
    },
  };
  for (const s of Object.values(seeds)) {
    await seedEnterprise(s);
    // The commissioner's portrait and the coordinator's judgments: officers' deliberations.
    await db().query(
      `UPDATE enterprises SET screening = $2, diagnosis = $3, commissioner = 'commissioner-x' WHERE credit_code = $1`,
      [
        s.code,
        { criteria: [{ id: 'C2', outcome: 'judgment', detail: `${MARK}-screening` }] },
        {
          portrait: { technology: { score: 2, note: `${MARK}-portrait` } },
          by: 'commissioner-x',
          at: SUPPORTING_SINCE,
        },
      ],
    );
    await db().query(
      `INSERT INTO problems (id, credit_code, lifecycle_no, title, category, measures, target, owner_department,
         due_at, status, district, cluster, nomination_cluster, created_at, updated_at, progress)
       VALUES ($1, $2, 1, $3, 'policy_support', '协调政策', '本季度内', 'sme', '2026-06-30', 'in_progress', $4, $5, $5, now(), now(), $6)`,
      [
        randomUUID(),
        s.code,
        `${s.name}的诉求`,
        s.district,
        cluster,
        JSON.stringify([
          { at: SUPPORTING_SINCE, by: 'sme-x', note: `${MARK}-progress`, status: 'in_progress' },
        ]),
      ],
    );
  }
  const own = seeds.own.code;
  const overdue = new Date(Date.now() - 3 * DAY).toISOString();
  const later = new Date(Date.now() + 10 * DAY).toISOString();
  tasks.report = await seedTask(
    seeds.own,
    'QUARTERLY_REPORT',
    [`enterprise_user:enterprise:${own}`],
    overdue,
  );
  tasks.review = await seedTask(
    seeds.own,
    'QUARTERLY_REVIEW',
    [`industry_officer:cluster:${cluster}`],
    later,
  );
  tasks.otherReport = await seedTask(
    seeds.other,
    'QUARTERLY_REPORT',
    [`enterprise_user:enterprise:${seeds.other.code}`],
    later,
  );
  enterprise = await createUser('enterprise_user', { creditCodes: [own] });
});

afterAll(async () => {
  await removeSeeds(seeds, cluster);
  await closeDb();
});

describe('the enterprise user’s home', () => {
  it('never gets the city’s KPI, nor its .xlsx', async () => {
    for (const path of ['/api/reports/kpi', '/api/reports/kpi?year=2026', '/api/reports/kpi.xlsx']) {
      const r = await enterprise.api.get(path);
      expect([path, r.status, r.body?.code]).toEqual([path, 403, 'ROLE_NOT_ALLOWED']);
    }
  });

  it('reads its own stage and since when, its own tasks with due dates and overdue marked', async () => {
    const e = await expectOk(enterprise.api.get(`/api/enterprises/${seeds.own.code}`));
    expect([e.stage, e.stageSince]).toEqual(['supporting', SUPPORTING_SINCE]);
    expect(
      e.openTasks.map((t: { id: string; type: string; overdue: boolean }) => [t.id, t.type, t.overdue]),
    ).toEqual([[tasks.report, 'QUARTERLY_REPORT', true]]);
    expect(e.problems.map((p: { title: string; status: string }) => [p.title, p.status])).toEqual([
      ['本企业的诉求', 'in_progress'],
    ]);
    expect([e.baselineRevenue, e.doubling?.annualizedRevenue, e.doubling?.growth]).toEqual([
      20_000_000, 26_000_000, 1.3,
    ]);
  });

  it('reads no officer’s judgment, score or comment, which an officer reads in the same answer', async () => {
    const own = await enterprise.api.get(`/api/enterprises/${seeds.own.code}`);
    expect(own.status).toBe(200);
    expect(JSON.stringify(own.body)).not.toContain(MARK);
    expect(own.body.screening).toBeNull();
    expect(own.body.diagnosis).not.toHaveProperty('portrait');
    const coordinator = await createUser('city_coordinator', {});
    const seen = await expectOk(coordinator.api.get(`/api/enterprises/${seeds.own.code}`));
    expect(JSON.stringify(seen)).toContain(`${MARK}-screening`);
    expect(JSON.stringify(seen)).toContain(`${MARK}-portrait`);
    expect(seen.openTasks.map((t: { id: string }) => t.id).sort()).toEqual(
      [tasks.report, tasks.review].sort(),
    );
  });

  it('reads no other enterprise: its page is 404, its name and figures are in no list', async () => {
    expect((await enterprise.api.get(`/api/enterprises/${seeds.other.code}`)).status).toBe(404);
    const list = await expectOk(enterprise.api.get(`/api/enterprises?cluster=${cluster}`));
    expect(list.items.map((e: { creditCode: string }) => e.creditCode)).toEqual([seeds.own.code]);
    const ledger = await expectOk(enterprise.api.get(`/api/problems?pageSize=100`));
    expect(ledger.items.map((p: { creditCode: string }) => p.creditCode)).toEqual([seeds.own.code]);
    const inbox = await expectOk(enterprise.api.get(`/api/tasks?pageSize=100`));
    expect(inbox.items.map((t: { id: string }) => t.id)).toEqual([tasks.report]);
    for (const body of [list, ledger, inbox]) {
      expect(JSON.stringify(body)).not.toContain(seeds.other.name);
      expect(JSON.stringify(body)).not.toContain(MARK);
    }
  });

  it.each<Role>([
    'city_coordinator',
    'industry_officer',
    'district_officer',
    'leader',
    'auditor',
    'commissioner',
  ])('%s keeps the KPI of its scope', async (role) => {
    const member = await createUser(role, { clusters: [cluster], districts: ['500233'] });
    const kpi = await expectOk(member.api.get('/api/reports/kpi'));
    expect(kpi).toHaveProperty('poolSize');
    expect(kpi).toHaveProperty('annualTarget');
    expect((await member.api.get('/api/reports/kpi.xlsx')).status).toBe(200);
  });

  it('an industry officer’s KPI counts both enterprises of its cluster: the figures the enterprise does not get', async () => {
    const officer = await createUser('industry_officer', { clusters: [cluster] });
    const kpi = await expectOk(officer.api.get('/api/reports/kpi'));
    const members = kpi.revenueDoubling.enterprises.map((e: { creditCode: string }) => e.creditCode).sort();
    expect(members).toEqual([seeds.own.code, seeds.other.code].sort());
  });
});
