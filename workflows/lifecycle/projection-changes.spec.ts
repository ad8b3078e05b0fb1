import { sampleNomination } from '@hardtech/domain';
import type { LifecycleContext, QuarterlyReport, Whistle } from './context';
import { allChanges, projectionChanges } from './projection-changes';

const problem = (id: string, status: 'open' | 'resolved' = 'open') => ({
  id,
  title: `问题 ${id}`,
  category: 'policy_support' as const,
  measures: '对接',
  target: '授信',
  ownerDepartment: 'finance' as const,
  dueAt: '2026-12-31',
  status,
  special: null,
});

const base: LifecycleContext = {
  creditCode: '91350100M000100Y43',
  lifecycleNo: 1,
  nomination: sampleNomination(),
  nominatedBy: 'district-500112',
  nominatorGroups: ['district_officer:district:500112'],
  screening: { policyVersion: 1, criteria: [] } as unknown as LifecycleContext['screening'],
  supplements: 0,
  feedback: { district: null, enterprise: null },
  admission: null,
  diagnosis: null,
  problems: [problem('p1'), problem('p2')],
  quarter: { lastTicked: null, current: null, queued: null },
  quarterlyReports: [],
  closing: null,
  whistles: [],
};

const whistle = (problemId: string, status: Whistle['status']): Whistle => ({
  id: `w-${problemId}-${status}`,
  problemId,
  title: '吹哨',
  description: '描述',
  owner: 'finance',
  by: 'ent',
  at: '2026-04-01T00:00:00.000Z',
  status,
  response: null,
  resolved: null,
  answeredBy: null,
  answeredAt: null,
});

describe('what a transition changed for the read model', () => {
  it('is everything on the first transition', () => {
    expect(projectionChanges(null, base)).toEqual({
      enterprise: true,
      lifecycle: true,
      servedBy: true,
      problems: ['p1', 'p2'],
      quarterlyReports: [],
      membership: true,
    });
    expect(allChanges(base)).toEqual(projectionChanges(null, base));
  });

  it('is nothing when only what the read model does not keep changed (a tick, a feedback)', () => {
    const after = {
      ...base,
      quarter: { lastTicked: '2026Q1', current: '2026Q1', queued: null },
      feedback: { district: { outcome: 'support', text: null, by: 'd', at: 'x' }, enterprise: null },
    };
    expect(projectionChanges(base, after)).toEqual({
      enterprise: false,
      lifecycle: false,
      servedBy: false,
      problems: [],
      quarterlyReports: [],
      membership: false,
    });
  });

  // The lifecycle row follows who serves it (its nomination, admission): a screening or a diagnosis,
  // which change the enterprise's facts, do not touch it (a statement each, db-statements.test).
  it('says who serves the lifecycle changed on an admission, not on a screening', () => {
    const admission = { leadCluster: 'T2', commissioner: 'c', districtLiaison: 'd' } as never;
    expect(projectionChanges(base, { ...base, admission }).servedBy).toBe(true);
    expect(projectionChanges(base, { ...base, screening: { policyVersion: 2 } as never })).toMatchObject({
      enterprise: true,
      servedBy: false,
    });
  });

  it('names only the problems whose status or latest whistle changed, and new ones', () => {
    const after = {
      ...base,
      problems: [base.problems[0], problem('p2', 'resolved'), problem('p3')],
      whistles: [whistle('p1', 'open')],
    };
    expect(projectionChanges(base, after).problems).toEqual(['p1', 'p2', 'p3']);
    const answered = { ...after, whistles: [...after.whistles, whistle('p1', 'answered')] };
    expect(projectionChanges(after, answered).problems).toEqual(['p1']);
    // An equal problem in a new object is not a change.
    expect(
      projectionChanges(base, { ...base, problems: base.problems.map((p) => ({ ...p })) }).problems,
    ).toEqual([]);
  });

  it('names only the quarterly reports added', () => {
    // The diff reads a report's quarter only.
    const report = (quarter: string) => ({ quarter }) as QuarterlyReport;
    const one = { ...base, quarterlyReports: [report('2026Q1')] };
    const two = { ...one, quarterlyReports: [...one.quarterlyReports, report('2026Q2')] };
    expect(projectionChanges(one, two).quarterlyReports).toEqual(['2026Q2']);
  });

  it('renames the lifecycle on a corrected name, and rewrites the enterprise with it', () => {
    const after = { ...base, nomination: { ...base.nomination, name: '新名称有限公司' } };
    expect(projectionChanges(base, after)).toMatchObject({
      enterprise: true,
      lifecycle: true,
      membership: false,
    });
  });

  it('opens and closes the membership with the admission and the closing', () => {
    const admitted = {
      ...base,
      admission: {
        leadCluster: 'T2',
        commissioner: 'c',
        districtLiaison: 'd',
        admittedAt: '2026-04-01T00:00:00.000Z',
        baselineRevenue: 1,
      },
    };
    expect(projectionChanges(base, admitted)).toMatchObject({
      enterprise: true,
      lifecycle: false,
      membership: true,
    });
    const closed = {
      ...admitted,
      closing: { stage: 'graduated' as const, outcome: 'x', reason: 'doubled', by: 'c', at: 'x' },
    };
    expect(projectionChanges(admitted, closed)).toMatchObject({
      enterprise: true,
      lifecycle: true,
      membership: true,
    });
  });
});
