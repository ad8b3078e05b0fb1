import { CompletionCost } from './cost';
import { BenchResults, costSection, judge, markdown, timeoutRetries } from './report';

const cost = (total: number): CompletionCost => ({
  cpuMs: { workers: total / 2, apis: total / 4, temporal: total / 4, postgres: 0, total },
  events: 12,
  eventsByType: { workflowTaskScheduled: 4, timerStarted: 3 },
  eventsByWorkflow: { enterpriseLifecycle: 12 },
  completions: 1000,
});

/** A run of every phase: each phase's figures are there. */
type WholeRun = Omit<BenchResults, 'targets'> &
  Required<Pick<BenchResults, 'taskRoundTrip' | 'throughput' | 'inbox' | 'fanout' | 'floorBurst' | 'cost'>>;

/** A run that meets every target of issue 21; each test breaks one figure. */
function run(): WholeRun {
  return {
    run: {
      date: '2026-12-06T01:00:00.000Z',
      quick: false,
      profile: 'dev',
      commit: 'abc1234',
      productCommit: 'def5678',
    },
    taskRoundTrip: { p50: 15, p90: 20, p99: 30, max: 40, count: 320, bareUpdateP50: 12, bareUpdateP99: 24 },
    throughput: {
      tasksPerSec: 90,
      bareUpdatesPerSec: 170,
      concurrency: 32,
      p99: 700,
      bareP99: 280,
      timeoutRetries: 0,
      retriedBecause: {},
    },
    inbox: {
      p50Ms: 5,
      p99Ms: 9,
      meP50Ms: 3,
      meP99Ms: 5,
      rows: 110_540,
      samples: 1000,
      inboxTotal: 19,
      seedSeconds: 20,
      plans: [],
    },
    fanout: { members: 5000, seconds: 80, triggerAnsweredSeconds: 79, membersMadeBy: 'the API' },
    floorBurst: { updates: 5000, concurrency: 32, seconds: 30 },
    cost: cost(40),
    baseline: {
      date: '2026-12-06T00:50:00.000Z',
      commit: 'abc1234',
      productCommit: '0d82f1c',
      quick: false,
      cost: cost(90),
    },
    rss: { workerRssMb: [900], apiRssMb: [200] },
    profile: {
      roundTrip: { cpu: { wallSeconds: 1 }, series: [] },
      throughput: { cpu: { wallSeconds: 1 }, series: [] },
      fanout: { cpu: { wallSeconds: 1 }, series: [] },
    },
  };
}

describe('judge: issue 21 targets', () => {
  it('judges six targets, each with both sides and their ratio', () => {
    const t = judge(run());
    expect(Object.keys(t)).toEqual(['throughput', 'taskP99', 'loadP99', 'cpu', 'fanout', 'inbox']);
    expect(Object.values(t).every((g) => g.met)).toBe(true);
    expect(t.throughput.ratio).toBe(0.53);
    expect(t.taskP99.ratio).toBe(1.25);
    expect(t.loadP99.ratio).toBe(2.5);
    expect(t.cpu.ratio).toBe(0.44);
    expect(t.fanout.ratio).toBe(2.67);
    expect(t.inbox.ratio).toBe(1.8);
    expect(t.fanout.floor).toBe('5000 Updates in 30 s');
  });

  it('(a) fails below half the bare-Update rate', () => {
    const r = run();
    r.throughput.tasksPerSec = 37.5;
    r.throughput.bareUpdatesPerSec = 166.8;
    expect(judge(r).throughput).toMatchObject({ ratio: 0.22, met: false });
  });

  it('(b) fails above 1.5 × the bare p99', () => {
    const r = run();
    r.taskRoundTrip.p99 = 67.7;
    r.taskRoundTrip.bareUpdateP99 = 24.7;
    expect(judge(r).taskP99).toMatchObject({ ratio: 2.74, met: false });
  });

  it('(c) fails above 3 × the bare p99 under load, and on any retry after a server timeout', () => {
    const slow = run();
    slow.throughput.p99 = 900;
    expect(judge(slow).loadP99).toMatchObject({ ratio: 3.21, met: false });
    const retried = run();
    retried.throughput.timeoutRetries = 1;
    expect(judge(retried).loadP99).toMatchObject({ ratio: 2.5, met: false });
    expect(judge(retried).loadP99.note).toMatch(/1 client retries/);
  });

  it('(d) fails above half the baseline, and without a baseline', () => {
    const costly = run();
    costly.cost = cost(46);
    expect(judge(costly).cpu).toMatchObject({ ratio: 0.51, met: false });
    const none = run();
    none.baseline = null;
    expect(judge(none).cpu).toMatchObject({ ratio: null, met: false, floor: 'no baseline' });
  });

  it('(e) fails above 3 × the bare burst, and below 5,000 members even within the ratio', () => {
    const slow = run();
    slow.fanout.seconds = 91;
    expect(judge(slow).fanout).toMatchObject({ ratio: 3.03, met: false });
    const small = run();
    small.fanout.members = 1000;
    small.floorBurst.updates = 1000;
    expect(judge(small).fanout.met).toBe(false);
    expect(judge(small).fanout.note).toMatch(/1000 members is below/);
  });

  it('(f) fails above 2 × the p99 of GET /api/me, and under 100,000 rows', () => {
    const slow = run();
    slow.inbox.p99Ms = 11;
    expect(judge(slow).inbox).toMatchObject({ ratio: 2.2, met: false });
    const small = run();
    small.inbox.rows = 99_999;
    expect(judge(small).inbox.met).toBe(false);
  });
});

describe('a run of some phases (--only)', () => {
  /** A fan-out-only run: the other phases' figures are absent, not zero. */
  function fanoutOnly(): Omit<BenchResults, 'targets'> {
    const { taskRoundTrip: _t, throughput: _tp, inbox: _i, cost: _c, ...rest } = run();
    return { ...rest, run: { ...rest.run, phases: ['fanout'] }, profile: { fanout: rest.profile.fanout } };
  }

  it('judges the fan-out and calls every other target not measured, with no ratio and no verdict', () => {
    const t = judge(fanoutOnly());
    expect(t.fanout).toMatchObject({ ratio: 2.67, met: true });
    expect(t.fanout.measured).toBeUndefined();
    for (const key of ['throughput', 'taskP99', 'loadP99', 'cpu', 'inbox'] as const) {
      expect(t[key]).toMatchObject({ product: 'not measured', ratio: null, met: false, measured: false });
    }
    expect(t.taskP99.note).toBe('not measured: phase round-trip did not run');
    expect(t.cpu.note).toBe('not measured: phase throughput did not run');
  });

  it('does not judge the fan-out without it, even beside an old figure of the burst', () => {
    const r = fanoutOnly();
    delete r.fanout;
    expect(judge(r).fanout).toMatchObject({ ratio: null, measured: false });
  });

  it('says which phases ran, and leaves out the figures of the others', () => {
    const r = fanoutOnly();
    const md = markdown({ ...r, targets: judge(r) }, []);
    expect(md).toContain('Phases run: fanout.');
    expect(md).toMatch(/\(e\) fan-out .* \| 2\.67 \| ≤ 3 \| yes \|/);
    expect(md).toMatch(
      /\(a\) completions.* \| not measured \| not measured \| {2}\| ≥ 0\.5 \| — \(not measured/,
    );
    expect(md).not.toContain('What a completion costs');
    expect(md).not.toContain('**Throughput**');
    expect(md).toContain('### fanout');
    expect(md).not.toContain('### throughput');
  });
});

describe('timeoutRetries', () => {
  it('counts 503, 504 and client timeouts, not other reasons', () => {
    expect(timeoutRetries({ '503': 2, '504': 1, TIMEOUT: 3, ECONNRESET: 4, '500': 5, 'GET 503': 6 })).toBe(6);
    expect(timeoutRetries({})).toBe(0);
  });
});

describe('the report', () => {
  it('shows CPU and history events per completion against the baseline', () => {
    const lines = costSection(run());
    expect(lines).toContain('| total | 40 | 90 | 0.44× |');
    expect(lines).toContain('| `timerStarted` | 3 | 3 |  |');
  });

  it("reads the completion's Temporal CPU against a bare Update's of the same run", () => {
    const lines = costSection({ ...run(), floorCpuMsPerUpdate: { temporal: 2.5, benchProcess: 3 } });
    expect(lines.join('\n')).toMatch(/bare Update cost Temporal 2.5 CPU ms .* completion cost Temporal 4×/);
    expect(costSection(run()).join('\n')).not.toMatch(/bare Update cost/);
  });

  it('leaves the baseline columns empty without a baseline', () => {
    const r = run();
    r.baseline = null;
    expect(costSection(r)).toContain('| total | 40 |  |  |');
  });

  it('writes each target with product, floor, ratio and verdict', () => {
    const r = run();
    r.throughput.tasksPerSec = 37.5;
    const md = markdown({ ...r, targets: judge(r) }, []);
    expect(md).toContain('| 37.5 completions/s | 170 Updates/s | 0.22 | ≥ 0.5 | **no** |');
    expect(md).toContain('product code of def5678');
  });
});
