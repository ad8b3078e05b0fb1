import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { reportingQuarterAt } from '@hardtech/domain';
import { closeDb } from '../test/support/db';
import { closeTemporal } from '../test/support/temporal';
import { createLoadCasts } from '../test/support/load-casts';
import { cpuBetween, cpuSnapshot } from './cpu';
import { cdfChart, Series } from './chart';
import { measureFanout } from './fanout';
import { measureFloor, measureFloorBurst, measureFloorVariants } from './floor';
import { measureInbox } from './inbox';
import { seedInbox } from '../test/support/inbox-seed';
import { driveLifecycles } from './lifecycles';
import { profileBetween, snapshot } from './profile';
import { BenchResults, judge, markdown, timeoutRetries } from './report';
import { readBaseline, saveBaseline } from './baseline';
import { completionCost } from './cost';
import { eventsBetween, updatePayloads } from './histories';
import { stackRss } from './rss';
import { distribution } from './stats';

// A few enterprise users serve a thousand members without bloating their scopes.
const createCasts = (count: number, district?: string, cluster?: string) =>
  createLoadCasts(count, { district, cluster, enterprisesPerUser: 25 });

// Issues 9 and 21: the product's figures against the engine's own floor, on the stack scripts/bench.mjs
// started. `--quick` keeps every phase but makes it small (a few minutes in all); BENCH_MEMBERS sets
// the fan-out's size (issue 21's is 5,000: preparing them through the API is the slow part).
const QUICK = process.env.BENCH_QUICK === '1';
// The support code falls back to the test stack's ports: never drive someone else's stack.
const STACK = ['BENCH_PROFILE', 'API_URL', 'TEMPORAL_ADDRESS', 'DATABASE_URL'];
if (STACK.some((name) => !process.env[name])) {
  throw new Error(`run the benchmark with \`npm run bench\`: it starts its own stack (${STACK.join(', ')})`);
}
const SIZE = QUICK
  ? {
      sequential: 12,
      floorSamples: 200,
      concurrency: 16,
      lifecycles: 48,
      floorSeconds: 10,
      floorVariantSeconds: 4,
      members: Number(process.env.BENCH_MEMBERS || 100),
      inboxSamples: 200,
    }
  : {
      sequential: 40,
      floorSamples: 1000,
      concurrency: 32,
      lifecycles: 240,
      floorSeconds: 30,
      floorVariantSeconds: 8,
      members: Number(process.env.BENCH_MEMBERS || 5000),
      inboxSamples: 1000,
    };
/** Enough enterprises for ≥ 100,000 task rows (test/support/inbox-seed.ts: 6.6 rows each on average). */
const SEEDED_ENTERPRISES = 15_500;
const RESULTS = join(__dirname, 'results');
const BASELINE = join(RESULTS, 'baseline.json');
const log = (line: string) => process.stdout.write(`bench: ${line}\n`);

jest.setTimeout(60 * 60_000);

afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

/** The processes' metrics and CPU time at the start of a phase; phaseProfile() takes the difference. */
async function phaseStart() {
  return { metrics: await snapshot(), cpu: await cpuSnapshot() };
}

async function phaseProfile(start: Awaited<ReturnType<typeof phaseStart>>) {
  const series = profileBetween(start.metrics, await snapshot());
  return { cpu: cpuBetween(start.cpu, await cpuSnapshot()), series };
}

test('benchmark', async () => {
  const started = Date.now();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} at the start`;

  log(`task round trip: ${SIZE.sequential} lifecycles, one client`);
  const sequentialCasts = await createCasts(SIZE.sequential);
  const beforeSequential = await phaseStart();
  const sequentialFrom = Date.now();
  const sequential = await driveLifecycles(sequentialCasts, 1, 'graduated');
  const sequentialProfile = await phaseProfile(beforeSequential);
  const completionPayload = await updatePayloads(sequentialFrom, Date.now(), 'completeTask');

  log(
    `floor: bare Updates on a no-op workflow (${SIZE.floorSamples} one at a time, ${SIZE.concurrency} clients for ${SIZE.floorSeconds} s)`,
  );
  const floor = await measureFloor({
    samples: SIZE.floorSamples,
    concurrency: SIZE.concurrency,
    seconds: SIZE.floorSeconds,
  });
  log(`floor variants: what an upsert, a local activity, a ${completionPayload.meanBytes}-byte argument add`);
  const floorVariants = await measureFloorVariants({
    concurrency: SIZE.concurrency,
    seconds: SIZE.floorVariantSeconds,
    payloadBytes: completionPayload.meanBytes,
  });

  log(`throughput: ${SIZE.lifecycles} lifecycles to graduation, ${SIZE.concurrency} clients`);
  const throughputCasts = await createCasts(SIZE.lifecycles);
  const beforeLoad = await phaseStart();
  const loadFrom = Date.now();
  const loaded = await driveLifecycles(throughputCasts, SIZE.concurrency, 'graduated');
  const loadTo = Date.now();
  const loadProfile = await phaseProfile(beforeLoad);
  // Visibility lists a workflow a moment after it starts; the events counted are the phase's only.
  await new Promise((r) => setTimeout(r, 2000));
  const loadEvents = await eventsBetween(loadFrom, loadTo);
  const cost = completionCost(loadProfile.cpu, loadEvents, loaded.completions);
  log(`throughput: ${cost.cpuMs.total} CPU ms and ${cost.events} history events per completion`);

  log(`fan-out: ${SIZE.members} members to supporting through the API, ${SIZE.concurrency} clients`);
  const members = await createCasts(SIZE.members, '500113', 'T3');
  const made = await driveLifecycles(members, SIZE.concurrency, 'supporting');
  // The fan-out's floor on the same server, just before it: as many bare Updates from as many clients.
  log(`floor: ${SIZE.members} bare Updates from ${SIZE.concurrency} clients`);
  const burst = await measureFloorBurst({ updates: SIZE.members, concurrency: SIZE.concurrency });
  // The quarter the dispatch ticks by default: the one before today's.
  const beforeFanout = await phaseStart();
  const fanout = await measureFanout(
    members.map((c) => c.creditCode),
    reportingQuarterAt(new Date()),
  );
  const fanoutProfile = await phaseProfile(beforeFanout);

  log(`inbox: seeding ${SEEDED_ENTERPRISES} enterprises' tasks`);
  const seeded = await seedInbox(SEEDED_ENTERPRISES);
  const inbox = await measureInbox('500112', SIZE.inboxSamples);

  const t = distribution(sequential.completionMs);
  const bare = distribution(floor.sequentialMs);
  const load = distribution(loaded.completionMs);
  const bareLoad = distribution(floor.concurrentMs);
  const inboxMs = distribution(inbox.samplesMs);
  const meMs = distribution(inbox.meMs);
  const figures: Omit<BenchResults, 'targets'> = {
    run: {
      date: new Date().toISOString(),
      quick: QUICK,
      profile: process.env.BENCH_PROFILE ?? 'dev',
      machine,
      node: process.version,
      commit: execFileSync('git', ['describe', '--always', '--dirty'], { encoding: 'utf8' }).trim(),
      // The last commit that changed what runs in production (the bench's own code aside).
      productCommit: execFileSync(
        'git',
        ['log', '-1', '--format=%h', '--', 'apps', 'libs', 'workflows', 'activities', 'package-lock.json'],
        { encoding: 'utf8' },
      ).trim(),
      durationSeconds: Math.round((Date.now() - started) / 1000),
    },
    taskRoundTrip: {
      p50: t.p50,
      p90: t.p90,
      p99: t.p99,
      max: t.max,
      count: t.count,
      bareUpdateP50: bare.p50,
      bareUpdateP90: bare.p90,
      bareUpdateP99: bare.p99,
      bareUpdateMax: bare.max,
      bareUpdateCount: bare.count,
    },
    throughput: {
      tasksPerSec: Math.round((loaded.completions / loaded.seconds) * 10) / 10,
      lifecycles: loaded.lifecycles,
      concurrency: loaded.concurrency,
      seconds: Math.round(loaded.seconds * 10) / 10,
      completions: loaded.completions,
      retries: loaded.retries,
      retriedBecause: loaded.retriedBecause,
      timeoutRetries: timeoutRetries(loaded.retriedBecause),
      p50: load.p50,
      p90: load.p90,
      p99: load.p99,
      max: load.max,
      bareUpdatesPerSec: Math.round(floor.updatesPerSec * 10) / 10,
      bareUpdateConcurrency: floor.concurrency,
      bareUpdates: bareLoad.count,
      bareP50: bareLoad.p50,
      bareP90: bareLoad.p90,
      bareP99: bareLoad.p99,
      bareMax: bareLoad.max,
    },
    inbox: {
      p50Ms: inboxMs.p50,
      p99Ms: inboxMs.p99,
      meP50Ms: meMs.p50,
      meP99Ms: meMs.p99,
      samples: inboxMs.count,
      rows: seeded.tasks,
      inboxTotal: inbox.inboxTotal,
      seedSeconds: seeded.seconds,
      plans: inbox.plans,
    },
    fanout: {
      members: fanout.members,
      seconds: Math.round(fanout.seconds * 100) / 100,
      triggerAnsweredSeconds: Math.round(fanout.triggerAnsweredSeconds * 100) / 100,
      membersMadeBy:
        `The members were nominated and driven to supporting through the HTTP API (nomination, screening, ` +
        `feedback, admission, diagnosis), ${made.concurrency} at a time, in ${Math.round(made.seconds)} s ` +
        `(${Math.round((made.completions / made.seconds) * 10) / 10} completions/s).`,
    },
    floorBurst: { ...burst, seconds: Math.round(burst.seconds * 100) / 100 },
    cost,
    floorCpuMsPerUpdate: floor.cpuMsPerUpdate,
    floorVariants,
    completionPayload,
    baseline: readBaseline(BASELINE),
    rss: stackRss(),
    profile: { roundTrip: sequentialProfile, throughput: loadProfile, fanout: fanoutProfile },
  };
  const results: BenchResults = { ...figures, targets: judge(figures) };

  const charts: { file: string; title: string; series: Series[] }[] = [
    {
      file: 'round-trip.svg',
      title: 'Task completion vs bare Update, one client',
      series: [
        { name: 'POST /api/tasks/:id/complete', samplesMs: sequential.completionMs },
        { name: 'bare executeUpdate (no-op workflow)', samplesMs: floor.sequentialMs },
      ],
    },
    {
      file: 'under-load.svg',
      title: `Under load: ${loaded.concurrency} clients`,
      series: [
        { name: 'POST /api/tasks/:id/complete', samplesMs: loaded.completionMs },
        { name: 'bare executeUpdate (no-op workflow)', samplesMs: floor.concurrentMs },
      ],
    },
    {
      file: 'inbox.svg',
      title: `GET /api/tasks, district officer, ${seeded.tasks} task rows`,
      series: [
        { name: 'GET /api/tasks', samplesMs: inbox.samplesMs },
        { name: 'GET /api/me', samplesMs: inbox.meMs },
      ],
    },
  ];
  mkdirSync(RESULTS, { recursive: true });
  for (const c of charts) writeFileSync(join(RESULTS, c.file), cdfChart(c.title, c.series));
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(RESULTS, 'latest.md'), markdown(results, charts));
  if (process.env.BENCH_SAVE_BASELINE === '1') {
    saveBaseline(BASELINE, figures);
    log(`baseline saved: ${BASELINE}`);
  }
  for (const g of Object.values(results.targets))
    log(`${g.met ? 'met    ' : 'NOT MET'} ${g.target}: ${g.product} vs ${g.floor} (${g.ratio}×)`);
});
