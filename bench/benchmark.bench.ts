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
import { membersMadeBy, prepareMembers } from './members';
import { memberCount, parsePhases, Phase, resultsStem } from './phases';
import { inboxFigures, roundTripFigures, throughputFigures } from './figures';
import { profileBetween, snapshot } from './profile';
import { BenchResults, judge, markdown } from './report';
import { readBaseline, saveBaseline } from './baseline';
import { completionCost } from './cost';
import { eventsBetween, historyLengths, updatePayloads } from './histories';
import { callsBetween, callSnapshot } from './temporal-calls';
import { stackRss } from './rss';

// A few enterprise users serve a thousand members without bloating their scopes.
const createCasts = (count: number, district?: string, cluster?: string) =>
  createLoadCasts(count, { district, cluster, enterprisesPerUser: 25 });

// Issues 9 and 21: the product's figures against the engine's own floor, on the stack scripts/bench.mjs
// started. `--quick` keeps every phase but makes it small (a few minutes in all); `--only` runs some
// phases (bench/phases.ts); BENCH_MEMBERS (`--members`) sets the fan-out's size (issue 21's is 5,000,
// prepared by Updates: bench/members.ts).
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
      members: memberCount(process.env.BENCH_MEMBERS, 100),
      memberConcurrency: 32,
      inboxSamples: 200,
    }
  : {
      sequential: 40,
      floorSamples: 1000,
      concurrency: 32,
      lifecycles: 240,
      floorSeconds: 30,
      floorVariantSeconds: 8,
      members: memberCount(process.env.BENCH_MEMBERS, 5000),
      memberConcurrency: 64,
      inboxSamples: 1000,
    };
/** Enough enterprises for ≥ 100,000 task rows (test/support/inbox-seed.ts: 6.6 rows each on average). */
const SEEDED_ENTERPRISES = 15_500;
const PHASES_RUN = parsePhases(process.env.BENCH_ONLY);
const STEM = resultsStem(PHASES_RUN);
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

/** Runs `measure` when its phase was asked for (`--only`), else leaves its figures out. */
const when = <T>(phase: Phase, measure: () => Promise<T>): Promise<T | undefined> =>
  PHASES_RUN.includes(phase) ? measure() : Promise.resolve(undefined);

test('benchmark', async () => {
  const started = Date.now();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} at the start`;
  log(`phases: ${PHASES_RUN.join(', ')}`);

  const roundTrip = await when('round-trip', async () => {
    log(`task round trip: ${SIZE.sequential} lifecycles, one client`);
    const casts = await createCasts(SIZE.sequential);
    const before = await phaseStart();
    const from = Date.now();
    const run = await driveLifecycles(casts, 1, 'graduated');
    const profile = await phaseProfile(before);
    return { run, profile, payload: await updatePayloads(from, Date.now(), 'completeTask') };
  });
  // What each kind of command costs the server, beside a bare Update: with the round trip, whose
  // completions give the argument's size.
  const floorVariants =
    roundTrip &&
    (log(
      `floor variants: what an upsert, a local activity, a ${roundTrip.payload.meanBytes}-byte argument add`,
    ),
    await measureFloorVariants({
      concurrency: SIZE.concurrency,
      seconds: SIZE.floorVariantSeconds,
      payloadBytes: roundTrip.payload.meanBytes,
    }));

  const floor =
    roundTrip || PHASES_RUN.includes('throughput')
      ? await (log(
          `floor: bare Updates on a no-op workflow (${SIZE.floorSamples} one at a time, ${SIZE.concurrency} clients for ${SIZE.floorSeconds} s)`,
        ),
        measureFloor({
          samples: SIZE.floorSamples,
          concurrency: SIZE.concurrency,
          seconds: SIZE.floorSeconds,
        }))
      : undefined;

  const throughput = await when('throughput', async () => {
    log(`throughput: ${SIZE.lifecycles} lifecycles to graduation, ${SIZE.concurrency} clients`);
    const casts = await createCasts(SIZE.lifecycles);
    const callsBefore = await callSnapshot();
    const before = await phaseStart();
    const from = Date.now();
    const run = await driveLifecycles(casts, SIZE.concurrency, 'graduated');
    const to = Date.now();
    const profile = await phaseProfile(before);
    // Before the bench's own reads of the histories below.
    const calls = callsBetween(callsBefore, await callSnapshot(), run.completions);
    // Visibility lists a workflow a moment after it starts; the events counted are the phase's only.
    await new Promise((r) => setTimeout(r, 2000));
    const cost = completionCost(profile.cpu, await eventsBetween(from, to), run.completions);
    log(`throughput: ${cost.cpuMs.total} CPU ms and ${cost.events} history events per completion`);
    log(`throughput: ${calls.serverTotal} gRPC calls to Temporal per completion`);
    return {
      run,
      profile,
      cost: { ...cost, calls, histories: await historyLengths(from, 'enterpriseLifecycle') },
    };
  });

  const fanout = await when('fanout', async () => {
    log(`fan-out: ${SIZE.members} members to supporting by Updates, ${SIZE.memberConcurrency} at a time`);
    const members = await createCasts(SIZE.members, '500113', 'T3');
    const made = await prepareMembers(members, SIZE.memberConcurrency, (line) => log(`fan-out: ${line}`));
    log(
      `fan-out: members ready in ${Math.round(made.seconds)} s (${made.updates} Updates, ${made.retries} again)`,
    );
    // The fan-out's floor on the same server, just before it: as many bare Updates from as many clients.
    log(`floor: ${SIZE.members} bare Updates from ${SIZE.concurrency} clients`);
    const burst = await measureFloorBurst({ updates: SIZE.members, concurrency: SIZE.concurrency });
    log(`floor: ${burst.updates} bare Updates in ${burst.seconds.toFixed(1)} s`);
    // The quarter the dispatch ticks by default: the one before today's.
    const before = await phaseStart();
    const run = await measureFanout(
      members.map((c) => c.creditCode),
      reportingQuarterAt(new Date()),
    );
    log(`fan-out: ${run.members} QUARTERLY_REPORT tasks in ${run.seconds.toFixed(1)} s`);
    return { run, made, burst, profile: await phaseProfile(before) };
  });

  const inbox = await when('inbox', async () => {
    log(`inbox: seeding ${SEEDED_ENTERPRISES} enterprises' tasks`);
    const seeded = await seedInbox(SEEDED_ENTERPRISES);
    return { seeded, run: await measureInbox('500112', SIZE.inboxSamples) };
  });

  const figures: Omit<BenchResults, 'targets'> = {
    run: {
      date: new Date().toISOString(),
      quick: QUICK,
      profile: process.env.BENCH_PROFILE ?? 'dev',
      phases: PHASES_RUN,
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
    ...(roundTrip && floor ? { taskRoundTrip: roundTripFigures(roundTrip.run, floor) } : {}),
    ...(throughput && floor
      ? {
          throughput: throughputFigures(throughput.run, floor),
          cost: throughput.cost,
          floorCpuMsPerUpdate: floor.cpuMsPerUpdate,
          floorCallsPerUpdate: floor.callsPerUpdate,
        }
      : {}),
    ...(roundTrip && floorVariants ? { floorVariants, completionPayload: roundTrip.payload } : {}),
    ...(inbox ? { inbox: inboxFigures(inbox.run, inbox.seeded) } : {}),
    ...(fanout
      ? {
          fanout: {
            members: fanout.run.members,
            seconds: Math.round(fanout.run.seconds * 100) / 100,
            triggerAnsweredSeconds: Math.round(fanout.run.triggerAnsweredSeconds * 100) / 100,
            membersMadeBy: membersMadeBy(fanout.made),
          },
          floorBurst: { ...fanout.burst, seconds: Math.round(fanout.burst.seconds * 100) / 100 },
        }
      : {}),
    baseline: readBaseline(BASELINE),
    rss: stackRss(),
    profile: {
      ...(roundTrip ? { roundTrip: roundTrip.profile } : {}),
      ...(throughput ? { throughput: throughput.profile } : {}),
      ...(fanout ? { fanout: fanout.profile } : {}),
    },
  };
  const results: BenchResults = { ...figures, targets: judge(figures) };

  const charts: { file: string; title: string; series: Series[] }[] = [
    ...(roundTrip && floor
      ? [
          {
            file: 'round-trip.svg',
            title: 'Task completion vs bare Update, one client',
            series: [
              { name: 'POST /api/tasks/:id/complete', samplesMs: roundTrip.run.completionMs },
              { name: 'bare executeUpdate (no-op workflow)', samplesMs: floor.sequentialMs },
            ],
          },
        ]
      : []),
    ...(throughput && floor
      ? [
          {
            file: 'under-load.svg',
            title: `Under load: ${throughput.run.concurrency} clients`,
            series: [
              { name: 'POST /api/tasks/:id/complete', samplesMs: throughput.run.completionMs },
              { name: 'bare executeUpdate (no-op workflow)', samplesMs: floor.concurrentMs },
            ],
          },
        ]
      : []),
    ...(inbox
      ? [
          {
            file: 'inbox.svg',
            title: `GET /api/tasks, district officer, ${inbox.seeded.tasks} task rows`,
            series: [
              { name: 'GET /api/tasks', samplesMs: inbox.run.samplesMs },
              { name: 'GET /api/me', samplesMs: inbox.run.meMs },
            ],
          },
        ]
      : []),
  ].map((c) => ({ ...c, file: STEM === 'latest' ? c.file : `${STEM}-${c.file}` }));
  mkdirSync(RESULTS, { recursive: true });
  for (const c of charts) writeFileSync(join(RESULTS, c.file), cdfChart(c.title, c.series));
  writeFileSync(join(RESULTS, `${STEM}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(RESULTS, `${STEM}.md`), markdown(results, charts));
  log(`results: bench/results/${STEM}.md`);
  if (process.env.BENCH_SAVE_BASELINE === '1') {
    saveBaseline(BASELINE, figures);
    log(`baseline saved: ${BASELINE}`);
  }
  for (const g of Object.values(results.targets))
    log(
      `${g.measured === false ? 'not run' : g.met ? 'met    ' : 'NOT MET'} ${g.target}: ${g.product} vs ${g.floor} (${g.ratio}×)`,
    );
});
