import {
  ActivePolicy,
  Actor,
  DEFAULT_POLICY,
  DIAGNOSIS_DIMENSIONS,
  sampleNomination,
  shanghaiDate,
  shanghaiTime,
} from '@hardtech/domain';
import type { ProjectionDelta } from '@hardtech/temporal/lifecycle.contract';
import { annualUpdateDeadlines } from './annual-review';
import { Lifecycle } from './lifecycle';

// The yearly cycle on plain functions (test/lifecycle/annual-review.test.ts runs it on Temporal).
const coordinator: Actor = { username: 'coordinator', role: 'city_coordinator', scope: {} };
const enterprise: Actor = {
  username: 'ent',
  role: 'enterprise_user',
  scope: { creditCodes: ['91350100M000100Y43'] },
};
const actors: Record<string, Actor> = {
  SCREEN: coordinator,
  ADMIT: coordinator,
  GRADUATION_REVIEW: coordinator,
  DISTRICT_FEEDBACK: { username: 'd', role: 'district_officer', scope: { districts: ['500112'] } },
  ENTERPRISE_CONFIRM: enterprise,
  QUARTERLY_REPORT: enterprise,
  ANNUAL_UPDATE: enterprise,
  DIAGNOSE: { username: 'commissioner', role: 'commissioner', scope: {} },
};

function member(policy: Partial<ActivePolicy> = {}) {
  const deltas: ProjectionDelta[] = [];
  let clock = Date.parse('2026-12-24T02:00:00Z');
  let ids = 0;
  const sleeps: string[] = [];
  const active: ActivePolicy = { ...DEFAULT_POLICY, calendar: null, ...policy };
  const lifecycle = new Lifecycle(
    {
      nomination: sampleNomination(),
      nominatedBy: coordinator,
      nominatorGroups: ['city_coordinator'],
      lifecycleNo: 1,
    },
    {
      activePolicy: async () => active,
      project: async (d) => void deltas.push(d),
      reservePoolSeat: async (req) => ({ reserved: true, members: 1, capacity: req.capacity }),
      patched: () => true,
      notify: async () => undefined,
      sleepUntil: (_at, key) => new Promise((resolve) => sleeps.push(key) && void resolve),
      cancelSleep: () => undefined,
      stageChanged: () => undefined,
      now: () => new Date((clock += 1000)),
      newId: () => `id-${++ids}`,
    },
  );
  const open = (type: string) => lifecycle.view().openTasks.find((t) => t.type === type);
  const complete = async (type: string, outcome: string, data: Record<string, unknown> = {}) => {
    const req = { taskId: open(type)!.id, outcome, data, actor: actors[type] };
    lifecycle.validateCompletion(req);
    return lifecycle.complete(req);
  };
  const admit = async () => {
    await lifecycle.open();
    await complete('SCREEN', 'pass', {
      judgments: { C2: { affirmed: true, note: '硬科技' }, C6: { affirmed: true, note: '成效' } },
    });
    await complete('DISTRICT_FEEDBACK', 'support');
    await complete('ENTERPRISE_CONFIRM', 'confirm');
    await complete('ADMIT', 'admit', {
      leadCluster: 'T2',
      commissioner: 'commissioner',
      districtLiaison: 'd',
    });
    const portrait = Object.fromEntries(DIAGNOSIS_DIMENSIONS.map((d) => [d.value, { score: 4 }]));
    await complete('DIAGNOSE', 'submit', { portrait, problems: [] });
  };
  return { lifecycle, deltas, open, complete, admit, active, sleeps };
}

const figures = {
  revenuePrevYear: 150_000_000,
  rdExpensePrevYear: 9_000_000,
  classOneIpCount: 3,
  techCenter: { kind: 'enterprise_tech_center', level: 'municipal' },
  listed: false,
};

describe('annual review in the lifecycle', () => {
  it('opens one ANNUAL_UPDATE per year, prefilled, and sends an outgrown member to GRADUATION_REVIEW', async () => {
    const m = member();
    await m.admit();
    expect(await m.lifecycle.openAnnualReview({ year: 2026, policy: m.active })).toEqual({
      opened: true,
      taskId: m.open('ANNUAL_UPDATE')!.id,
    });
    const again = await m.lifecycle.openAnnualReview({ year: 2026, policy: m.active });
    expect(again).toEqual({ opened: false, taskId: m.open('ANNUAL_UPDATE')!.id });
    const task = m.open('ANNUAL_UPDATE')!;
    expect(task.candidateGroups).toEqual(['enterprise_user:enterprise:91350100M000100Y43']);
    expect(task.details?.annualUpdate).toEqual({
      year: 2026,
      prefill: {
        revenuePrevYear: 80_000_000,
        rdExpensePrevYear: 6_000_000,
        classOneIpCount: 3,
        techCenter: { kind: 'enterprise_tech_center', level: 'municipal' },
        listed: false,
      },
    });
    // Opened after 2026-04-30: due by the SLA (P30D) from now, to the end of the 30th day, a
    // Saturday (2027-01-23): the period ends with Monday.
    expect(shanghaiDate(task.createdAt)).toBe('2026-12-24');
    expect(shanghaiTime(task.dueAt, 'second')).toBe('2027-01-25 23:59:59');

    const r = await m.complete('ANNUAL_UPDATE', 'submit', figures);
    expect(r.stage).toBe('graduation_review');
    const review = r.nextTasks.find((t) => t.type === 'GRADUATION_REVIEW')!;
    expect(review.details?.evaluation?.proposal).toBe('graduate');
    expect(review.details?.evaluation?.findings.map((f) => f.code)).toEqual(['revenue_above_cap']);
    expect(m.lifecycle.view().context!.annualReviews![0]).toMatchObject({ year: 2026, status: 'submitted' });
    // The year done, the review of the year is not opened again.
    expect((await m.lifecycle.openAnnualReview({ year: 2026, policy: m.active })).opened).toBe(false);
  });

  it('keeps a member that still qualifies in supporting, and refuses non-members', async () => {
    const m = member();
    await m.lifecycle.open();
    expect(await m.lifecycle.openAnnualReview({ year: 2026, policy: m.active })).toEqual({
      opened: false,
      taskId: null,
    });
    await m.complete('SCREEN', 'pass', {
      judgments: { C2: { affirmed: true, note: '硬科技' }, C6: { affirmed: true, note: '成效' } },
    });
    const k = member();
    await k.admit();
    await k.lifecycle.openAnnualReview({ year: 2026, policy: k.active });
    const r = await k.complete('ANNUAL_UPDATE', 'submit', { ...figures, revenuePrevYear: 90_000_000 });
    expect(r).toEqual({ stage: 'supporting', nextTasks: [] });
  });

  it('marks a working-day deadline into an uncovered year provisional and recomputes it once entered', async () => {
    const sla = {
      ...DEFAULT_POLICY.sla,
      ANNUAL_UPDATE: { due: { workingDays: 10 }, remindBefore: 'P1D', escalateAfter: 'P1D' },
    };
    const m = member({ sla, calendar: { holidays: [], workdays: [], coveredThrough: 2026 } });
    await m.admit();
    await m.lifecycle.openAnnualReview({ year: 2026, policy: m.active }); // on 2026-12-24
    const task = m.open('ANNUAL_UPDATE')!;
    expect(task.provisional).toBe(true);
    expect(task.dueAt).toBe('2027-01-07T10:00:00.000Z'); // 元旦 counted as a working day
    const result = await m.lifecycle.recomputeDeadlines({
      calendar: { holidays: ['2027-01-01'], workdays: [], coveredThrough: 2027 },
      slaByVersion: { [task.policyVersion]: sla },
    });
    expect(result).toEqual({ recomputed: 1, stillProvisional: 0 });
    expect(m.open('ANNUAL_UPDATE')).toMatchObject({ dueAt: '2027-01-08T10:00:00.000Z', provisional: false });
    expect(m.deltas[m.deltas.length - 1].rescheduled).toEqual([
      expect.objectContaining({ id: task.id, dueAt: '2027-01-08T10:00:00.000Z', provisional: false }),
    ]);
    // Nothing provisional is left: a second entry changes nothing.
    expect(
      await m.lifecycle.recomputeDeadlines({ calendar: { holidays: [], workdays: [] }, slaByVersion: {} }),
    ).toEqual({
      recomputed: 0,
      stillProvisional: 0,
    });
  });
});

describe('the ANNUAL_UPDATE due on dueOn', () => {
  // 2026: 1–5 May off (劳动节), Saturday 9 May worked (调休).
  const calendar = {
    holidays: ['2026-05-01', '2026-05-04', '2026-05-05'],
    workdays: ['2026-05-09'],
    coveredThrough: 2026,
  };
  const policy = (dueOn: string): ActivePolicy => ({
    ...DEFAULT_POLICY,
    annualReview: { opensOn: '03-01', dueOn },
    calendar,
  });
  const opened = new Date('2026-03-01T01:10:00Z');
  const times = (d: { remindAt: Date; dueAt: Date; escalateAt: Date }) =>
    [d.remindAt, d.dueAt, d.escalateAt].map((x) => shanghaiTime(x, 'second'));

  it('ends with the day like the other calendar-day dues, reminded (P7D) and escalated (P3D) at 09:00', () => {
    // Thursday 30 April; P7D before its 24:00 is Friday 24 April; P3D after it is Monday 4 May, a
    // holiday like the 5th, so Wednesday 6 May.
    expect(times(annualUpdateDeadlines(2026, policy('04-30'), opened, 'day-end-rolled'))).toEqual([
      '2026-04-24 09:00:00',
      '2026-04-30 23:59:59',
      '2026-05-06 09:00:00',
    ]);
  });

  it('rolls a dueOn on a holiday to the end of the first working day after it', () => {
    expect(times(annualUpdateDeadlines(2026, policy('05-02'), opened, 'day-end-rolled'))[1]).toBe(
      '2026-05-06 23:59:59',
    );
    // A make-up Saturday (调休) is a working day: no roll.
    expect(times(annualUpdateDeadlines(2026, policy('05-09'), opened, 'day-end-rolled'))[1]).toBe(
      '2026-05-09 23:59:59',
    );
  });

  it('keeps 18:00 and offsets to the minute in runs recorded before the roll', () => {
    for (const rule of ['day-end', 'exact'] as const) {
      expect(times(annualUpdateDeadlines(2026, policy('04-30'), opened, rule))).toEqual([
        '2026-04-23 18:00:00',
        '2026-04-30 18:00:00',
        '2026-05-03 18:00:00',
      ]);
    }
  });

  it('is never provisional on dueOn, which a recomputation from the SLA would lose', () => {
    const next = annualUpdateDeadlines(2027, policy('04-30'), opened, 'day-end-rolled');
    expect(shanghaiTime(next.dueAt, 'second')).toBe('2027-04-30 23:59:59');
    expect(next.provisional).toBe(false);
  });

  it('gives the SLA from now to a review opened after the day', () => {
    const late = new Date('2026-05-01T02:00:00Z'); // 1 May 10:00, after 30 April's end
    const d = annualUpdateDeadlines(2026, policy('04-30'), late, 'day-end-rolled');
    // P30D: Sunday 31 May, so Monday 1 June.
    expect(shanghaiTime(d.dueAt, 'second')).toBe('2026-06-01 23:59:59');
  });
});
