import type { CompletionCost } from './cost';
import type { Phase } from './phases';
import type { ProfileRow } from './profile';
import type { FloorVariant } from './floor';
import type { UpdatePayloads } from './histories';
import type { TemporalCalls } from './temporal-calls';

/**
 * The figures of one run, as bench/results/latest.json holds them. A run of some phases only
 * (`--only`) lacks the others' figures: their targets are "not measured".
 */
export interface BenchResults {
  run: Record<string, unknown> & {
    quick: boolean;
    profile: string;
    date: string;
    commit: string;
    /** The phases this run measured (absent in runs before `--only`: all of them). */
    phases?: Phase[];
  };
  taskRoundTrip?: Record<string, number> & {
    p50: number;
    p99: number;
    bareUpdateP50: number;
    bareUpdateP99: number;
  };
  throughput?: Record<string, number | Record<string, number>> & {
    tasksPerSec: number;
    bareUpdatesPerSec: number;
    concurrency: number;
    p99: number;
    bareP99: number;
    /** Client retries after a server timeout: a 503 (Update or dependency timed out) or no answer in 8 s. */
    timeoutRetries: number;
    retriedBecause: Record<string, number>;
  };
  inbox?: {
    p50Ms: number;
    p99Ms: number;
    /** `GET /api/me` of the same officer, taken in turns with the inbox: the floor of an authenticated read. */
    meP50Ms: number;
    meP99Ms: number;
    rows: number;
    samples: number;
    inboxTotal: number;
    seedSeconds: number;
    plans: { sql: string; plan: string }[];
  };
  fanout?: Record<string, number | string> & { members: number; seconds: number };
  /** As many bare Updates as the fan-out has members, from as many clients as the throughput phase. */
  floorBurst?: { updates: number; concurrency: number; seconds: number };
  /** What one completion of the throughput phase cost: CPU per process, history events. */
  cost?: CompletionCost;
  /** What one bare Update cost in the floor's concurrent part (bench/floor.ts); absent in older runs. */
  floorCpuMsPerUpdate?: { temporal: number; benchProcess: number };
  /** The gRPC calls the server answered per bare Update of the floor's concurrent part; absent in older runs. */
  floorCallsPerUpdate?: TemporalCalls;
  /** Issue 21.4: the floor with one more command of each kind (bench/floor.ts); absent in older runs. */
  floorVariants?: FloorVariant[];
  /** The round-trip phase's completeTask Updates as UpdateAccepted stores them; absent in older runs. */
  completionPayload?: UpdatePayloads;
  /** The run target (d) compares with (bench/results/baseline.json), or null when there is none. */
  baseline: Baseline | null;
  rss: { workerRssMb: (number | null)[]; apiRssMb: (number | null)[] };
  /** Where the time went in each phase, from the processes' /metrics. */
  profile: Partial<
    Record<'roundTrip' | 'throughput' | 'fanout', { cpu: Record<string, number>; series: ProfileRow[] }>
  >;
  targets: Record<string, Judged>;
}

/** A run kept as the yardstick of "half the cost": bench/results/baseline.json. */
export interface Baseline {
  date: string;
  /** The bench's commit (`git describe`) and the last commit of the product's code it ran. */
  commit: string;
  productCommit: string;
  quick: boolean;
  cost: CompletionCost;
}

/** One target of issue 21: the product's side, the floor's side measured in the same run, their ratio. */
export interface Judged {
  target: string;
  product: string;
  floor: string;
  ratio: number | null;
  limit: string;
  met: boolean;
  /** Why a ratio within its limit is still not met (a size below the target's), or why there is none. */
  note?: string;
  /** False when the target's phase did not run in this run (`--only`). */
  measured?: boolean;
}

/** The sizes issue 21 names for targets (e) and (f). */
export const FANOUT_MEMBERS = 5000;
export const INBOX_ROWS = 100_000;

const ratioOf = (a: number, b: number) =>
  b > 0 && Number.isFinite(a) ? Math.round((a / b) * 100) / 100 : null;
const within = (ratio: number | null, limit: number, atMost: boolean) =>
  ratio !== null && (atMost ? ratio <= limit : ratio >= limit);

/** A target whose phase did not run: no figure, no verdict taken from another run. */
function notMeasured(target: string, limit: string, phase: Phase): Judged {
  return {
    target,
    product: 'not measured',
    floor: 'not measured',
    ratio: null,
    limit,
    met: false,
    measured: false,
    note: `not measured: phase ${phase} did not run`,
  };
}

/** Issue 21's six targets, judged on a run's figures: each a ratio to a floor of the same run. */
export function judge(r: Omit<BenchResults, 'targets'>): BenchResults['targets'] {
  const t = r.taskRoundTrip;
  const tp = r.throughput;
  const sizeNote = (ok: boolean, what: string) => (ok ? {} : { note: `${what} is below the target's size` });
  const clients = tp?.concurrency ?? r.floorBurst?.concurrency ?? 32;
  const targets = {
    throughput: `(a) completions/s ≥ 0.5 × bare-Update rate (${clients} clients)`,
    taskP99: '(b) one-client completion p99 ≤ 1.5 × bare Update p99',
    loadP99: `(c) completion p99 under ${clients} clients ≤ 3 × bare Update p99 under the same load, no retry after a server timeout`,
    cpu: '(d) total CPU per completion (all processes) ≤ 0.5 × the baseline',
    fanout: `(e) fan-out of ${FANOUT_MEMBERS} members ≤ 3 × the time of as many bare Updates from ${clients} clients`,
    inbox: `(f) inbox p99 at ≥ ${INBOX_ROWS} task rows ≤ 2 × \`GET /api/me\` p99`,
  };

  const rate = tp ? ratioOf(tp.tasksPerSec, tp.bareUpdatesPerSec) : null;
  const underLoad = tp ? ratioOf(tp.p99, tp.bareP99) : null;
  const oneClient = t ? ratioOf(t.p99, t.bareUpdateP99) : null;
  const baseCpu = r.baseline?.cost.cpuMs.total;
  const cpu = r.cost && baseCpu ? ratioOf(r.cost.cpuMs.total, baseCpu) : null;
  const fanout = r.fanout && r.floorBurst ? ratioOf(r.fanout.seconds, r.floorBurst.seconds) : null;
  const fanoutSized =
    !!r.fanout &&
    !!r.floorBurst &&
    r.fanout.members >= FANOUT_MEMBERS &&
    r.floorBurst.updates >= r.fanout.members;
  const inbox = r.inbox ? ratioOf(r.inbox.p99Ms, r.inbox.meP99Ms) : null;
  return {
    throughput: tp
      ? {
          target: targets.throughput,
          product: `${tp.tasksPerSec} completions/s`,
          floor: `${tp.bareUpdatesPerSec} Updates/s`,
          ratio: rate,
          limit: '≥ 0.5',
          met: within(rate, 0.5, false),
        }
      : notMeasured(targets.throughput, '≥ 0.5', 'throughput'),
    taskP99: t
      ? {
          target: targets.taskP99,
          product: `${t.p99} ms`,
          floor: `${t.bareUpdateP99} ms`,
          ratio: oneClient,
          limit: '≤ 1.5',
          met: within(oneClient, 1.5, true),
        }
      : notMeasured(targets.taskP99, '≤ 1.5', 'round-trip'),
    loadP99: tp
      ? {
          target: targets.loadP99,
          product: `${tp.p99} ms, ${tp.timeoutRetries} retries after a timeout`,
          floor: `${tp.bareP99} ms`,
          ratio: underLoad,
          limit: '≤ 3, 0 retries',
          met: within(underLoad, 3, true) && tp.timeoutRetries === 0,
          ...(tp.timeoutRetries
            ? { note: `${tp.timeoutRetries} client retries after a server timeout` }
            : {}),
        }
      : notMeasured(targets.loadP99, '≤ 3, 0 retries', 'throughput'),
    cpu: r.cost
      ? {
          target: targets.cpu,
          product: `${r.cost.cpuMs.total} ms`,
          floor: r.baseline
            ? `${baseCpu} ms (baseline ${r.baseline.date.slice(0, 10)}, ${r.baseline.productCommit})`
            : 'no baseline',
          ratio: cpu,
          limit: '≤ 0.5',
          met: within(cpu, 0.5, true),
          ...(r.baseline ? {} : { note: 'no bench/results/baseline.json to compare with' }),
        }
      : notMeasured(targets.cpu, '≤ 0.5', 'throughput'),
    fanout:
      r.fanout && r.floorBurst
        ? {
            target: targets.fanout,
            product: `${r.fanout.members} members in ${r.fanout.seconds} s`,
            floor: `${r.floorBurst.updates} Updates in ${r.floorBurst.seconds} s`,
            ratio: fanout,
            limit: '≤ 3',
            met: within(fanout, 3, true) && fanoutSized,
            ...sizeNote(fanoutSized, `${r.fanout.members} members`),
          }
        : notMeasured(targets.fanout, '≤ 3', 'fanout'),
    inbox: r.inbox
      ? {
          target: targets.inbox,
          product: `${r.inbox.p99Ms} ms at ${r.inbox.rows} rows`,
          floor: `${r.inbox.meP99Ms} ms`,
          ratio: inbox,
          limit: '≤ 2',
          met: within(inbox, 2, true) && r.inbox.rows >= INBOX_ROWS,
          ...sizeNote(r.inbox.rows >= INBOX_ROWS, `${r.inbox.rows} task rows`),
        }
      : notMeasured(targets.inbox, '≤ 2', 'inbox'),
  };
}

/** Retries that a server's timeout caused: 503 (the Update's or a dependency's), 504, or no answer in time. */
export function timeoutRetries(retriedBecause: Record<string, number>): number {
  return ['503', '504', 'TIMEOUT'].reduce((n, reason) => n + (retriedBecause[reason] ?? 0), 0);
}

const row = (cells: unknown[]) => `| ${cells.join(' | ')} |`;
const ROLES = ['workers', 'apis', 'temporal', 'postgres', 'total'];

/** The cost section: CPU ms and history events per completion, against the baseline's when there is one. */
export function costSection(
  r: Pick<
    BenchResults,
    'baseline' | 'floorCpuMsPerUpdate' | 'floorCallsPerUpdate' | 'floorVariants' | 'completionPayload'
  > & {
    cost: CompletionCost;
  },
): string[] {
  const b = r.baseline?.cost;
  const vs = (now: number | undefined, then: number | undefined) =>
    now === undefined || then === undefined ? '' : `${ratioOf(now, then) ?? ''}×`;
  const types = [...new Set([...Object.keys(r.cost.eventsByType), ...Object.keys(b?.eventsByType ?? {})])];
  const workflows = [
    ...new Set([...Object.keys(r.cost.eventsByWorkflow), ...Object.keys(b?.eventsByWorkflow ?? {})]),
  ];
  return [
    '## What a completion costs',
    '',
    `Throughput phase: ${r.cost.completions} completions. CPU is each process's user + system time ` +
      '(/proc) over the phase, divided by the completions; the nominations and the inbox reads that ' +
      'find the tasks are part of it. History events are those every workflow recorded in the phase ' +
      '(read back from Temporal), divided likewise.' +
      (r.baseline
        ? ` Baseline: ${r.baseline.date}, product commit ${r.baseline.productCommit}${r.baseline.quick ? ' (quick run)' : ''}.`
        : ''),
    '',
    row(['process', 'CPU ms per completion', 'baseline', 'ratio']),
    row(['---', '---', '---', '---']),
    ...ROLES.filter((k) => k in r.cost.cpuMs).map((k) =>
      row([k, r.cost.cpuMs[k], b?.cpuMs[k] ?? '', vs(r.cost.cpuMs[k], b?.cpuMs[k])]),
    ),
    '',
    ...(r.floorCpuMsPerUpdate
      ? [
          `The floor in the same run: a bare Update cost Temporal ${r.floorCpuMsPerUpdate.temporal} CPU ms ` +
            `(and the bench's no-op worker and clients ${r.floorCpuMsPerUpdate.benchProcess}); a completion cost ` +
            `Temporal ${ratioOf(r.cost.cpuMs.temporal, r.floorCpuMsPerUpdate.temporal) ?? '?'}× that. CPU per ` +
            "operation grows with the load on the machine; a ratio to the same run's floor is meant to depend on it less.",
          '',
        ]
      : []),
    ...floorVariantLines(r),
    ...callLines(r.cost, r.floorCallsPerUpdate),
    row(['history events per completion', 'this run', 'baseline', 'ratio']),
    row(['---', '---', '---', '---']),
    row(['**all**', r.cost.events, b?.events ?? '', vs(r.cost.events, b?.events)]),
    ...workflows.map((w) =>
      row([`workflow \`${w}\``, r.cost.eventsByWorkflow[w] ?? 0, b ? (b.eventsByWorkflow[w] ?? 0) : '', '']),
    ),
    ...types.map((e) =>
      row([`\`${e}\``, r.cost.eventsByType[e] ?? 0, b ? (b.eventsByType[e] ?? 0) : '', '']),
    ),
    '',
  ];
}

/**
 * What a completion asks of Temporal beside a bare Update: the gRPC calls the server answered by
 * method (every client: the worker, the API, the server's own workers), the worker's own calls and
 * task counters, and the length of the lifecycles' histories.
 */
export function callLines(cost: CompletionCost, floor: TemporalCalls | undefined): string[] {
  const c = cost.calls;
  if (!c || !Object.keys(c.server).length) return [];
  const h = cost.histories;
  /** A part of the calls beside the floor's: the keys of both, the product's most frequent first. */
  const table = (title: string, part: 'server' | 'storage' | 'serverTasks') => {
    const mine = c[part] ?? {};
    const theirs = floor?.[part] ?? {};
    const keys = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])];
    if (!keys.length) return [];
    return [
      row([title, 'per completion', 'per bare Update']),
      row(['---', '---', '---']),
      ...keys.map((k) => row([`\`${k}\``, mine[k] ?? 0, floor ? (theirs[k] ?? 0) : ''])),
      '',
    ];
  };
  const worker = [...Object.keys(c.worker), ...Object.keys(c.workerTasks)];
  return [
    `gRPC calls to Temporal, as its frontend counted them (every client together), per completion and ` +
      `per bare Update of the floor: ${c.serverTotal} against ${floor?.serverTotal ?? '?'}; then what the ` +
      "server did for them (its persistence operations and background tasks, from the server's metrics)." +
      (h?.runs
        ? ` The phase's ${h.runs} lifecycles' histories ended ${h.meanEvents} events long on average ` +
          `(at most ${h.maxEvents}, ${h.meanBytes} bytes): what a sticky-cache miss or a query replays.`
        : ''),
    '',
    ...table('gRPC method', 'server'),
    ...table('persistence operation', 'storage'),
    ...table('history task', 'serverTasks'),
    ...(worker.length
      ? [
          row(["the worker's own (its SDK's counters)", 'per completion']),
          row(['---', '---']),
          ...worker.map((k) => row([`\`${k}\``, c.worker[k] ?? c.workerTasks[k]])),
          '',
        ]
      : []),
  ];
}

/** Issue 21.4: what each kind of command adds to a bare Update, on the same server in the same run. */
function floorVariantLines(r: Pick<BenchResults, 'floorVariants' | 'completionPayload'>): string[] {
  if (!r.floorVariants?.length) return [];
  const bare = r.floorVariants.find((v) => v.variant === 'bare')?.cpuMsPerUpdate.temporal;
  const p = r.completionPayload;
  return [
    'What one more command of each kind costs Temporal: the no-op workflow again, each variant for a few ' +
      'seconds from the same clients.' +
      (p
        ? ` A completion's Update argument, as UpdateAccepted stores it: ${p.meanBytes} bytes on average ` +
          `(${p.updates} Updates of the round-trip phase), of which the policy ${p.meanPolicyBytes}.`
        : ''),
    '',
    row([
      'floor variant',
      'Updates/s',
      'Temporal CPU ms per Update',
      'over the bare Update',
      'bench process CPU ms',
    ]),
    row(['---', '---', '---', '---', '---']),
    ...r.floorVariants.map((v) =>
      row([
        v.what,
        v.updatesPerSec,
        v.cpuMsPerUpdate.temporal,
        bare === undefined ? '' : Math.round((v.cpuMsPerUpdate.temporal - bare) * 100) / 100,
        v.cpuMsPerUpdate.benchProcess,
      ]),
    ),
    '',
  ];
}

/** bench/results/latest.md: the figures against the targets, the cost, the charts, the inbox's query plans. */
export function markdown(r: BenchResults, charts: { file: string; title: string }[]): string {
  const { taskRoundTrip: t, throughput: tp, inbox, fanout, floorBurst } = r;
  const retried = Object.entries(tp?.retriedBecause ?? {})
    .map(([why, n]) => `${n} × ${why}`)
    .join(', ');
  const phases = r.run.phases;
  const profiled = (['roundTrip', 'throughput', 'fanout'] as const).filter((phase) => r.profile[phase]);
  return [
    `# Benchmark ${r.run.date}${r.run.quick ? ' (quick)' : ''}`,
    '',
    `Profile **${r.run.profile}**; ${r.run.machine}; Node ${r.run.node}; commit ${r.run.commit}` +
      `${r.run.productCommit ? ` (product code of ${r.run.productCommit})` : ''}; ` +
      `${r.run.durationSeconds} s in all. Re-run: \`npm run bench\` (\`-- --quick\`, \`-- --cluster\`, ` +
      '`-- --only fanout --members 5000`).',
    '',
    ...(phases
      ? [
          `Phases run: ${phases.join(', ')}` +
            `${r.run.note ? `. ${r.run.note}` : ''}` +
            '. The targets of phases not run are not measured in this run.',
          '',
        ]
      : []),
    '## Against the targets (issue 21)',
    '',
    'Each target is a ratio of the product to a floor measured in the same run.',
    '',
    row(['target', 'product', 'floor', 'ratio', 'limit', 'met']),
    row(['---', '---', '---', '---', '---', '---']),
    ...Object.values(r.targets).map((g) =>
      row([
        g.target,
        g.product,
        g.floor,
        g.ratio ?? '',
        g.limit,
        `${g.measured === false ? '—' : g.met ? 'yes' : '**no**'}${g.note ? ` (${g.note})` : ''}`,
      ]),
    ),
    '',
    ...(r.cost ? costSection({ ...r, cost: r.cost }) : []),
    '## Figures',
    '',
    ...(t || tp || inbox
      ? [
          row(['figure', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'n']),
          row(['---', '---', '---', '---', '---', '---']),
          ...(t
            ? [
                row([
                  'task completion, one client (`POST /api/tasks/:id/complete`)',
                  t.p50,
                  t.p90,
                  t.p99,
                  t.max,
                  t.count,
                ]),
                row([
                  'bare Update on a no-op workflow, one client',
                  t.bareUpdateP50,
                  t.bareUpdateP90,
                  t.bareUpdateP99,
                  t.bareUpdateMax,
                  t.bareUpdateCount,
                ]),
              ]
            : []),
          ...(tp
            ? [
                row([
                  `task completion under load (${tp.concurrency} clients)`,
                  tp.p50,
                  tp.p90,
                  tp.p99,
                  tp.max,
                  tp.completions,
                ]),
                row([
                  `bare Update under load (${tp.bareUpdateConcurrency} clients)`,
                  tp.bareP50,
                  tp.bareP90,
                  tp.bareP99,
                  tp.bareMax,
                  tp.bareUpdates,
                ]),
              ]
            : []),
          ...(inbox
            ? [
                row([
                  'inbox (`GET /api/tasks`, district officer)',
                  inbox.p50Ms,
                  '',
                  inbox.p99Ms,
                  '',
                  inbox.samples,
                ]),
                row([
                  '`GET /api/me`, the same officer, in turns with the inbox',
                  inbox.meP50Ms,
                  '',
                  inbox.meP99Ms,
                  '',
                  inbox.samples,
                ]),
              ]
            : []),
          '',
        ]
      : []),
    ...(tp
      ? [
          `- **Throughput**: ${tp.tasksPerSec} task completions/s, ${tp.lifecycles} lifecycles nominated and driven to ` +
            `graduation through the API by ${tp.concurrency} concurrent clients in ${tp.seconds} s ` +
            `(${tp.retries} retried requests${retried ? `: ${retried}` : ''}); the same server answered ` +
            `${tp.bareUpdatesPerSec} bare Updates/s to ${tp.bareUpdateConcurrency} clients.`,
        ]
      : []),
    ...(fanout && floorBurst
      ? [
          `- **Fan-out**: ${fanout.members} members got their QUARTERLY_REPORT task ${fanout.seconds} s after ` +
            `\`POST /api/admin/quarterly-dispatch/trigger\` (the trigger answered after ${fanout.triggerAnsweredSeconds} s); ` +
            `${floorBurst.updates} bare Updates from ${floorBurst.concurrency} clients took ${floorBurst.seconds} s. ` +
            `${fanout.membersMadeBy}`,
        ]
      : []),
    ...(inbox
      ? [
          `- **Inbox**: ${inbox.rows} rows in \`tasks\` (seeded with SQL over every district in ${inbox.seedSeconds} s); ` +
            `the officer's inbox holds ${inbox.inboxTotal} tasks.`,
        ]
      : []),
    `- **Memory at the end**: worker RSS ${r.rss.workerRssMb.join(', ')} MB; API RSS ${r.rss.apiRssMb.join(', ')} MB.`,
    '',
    '## Profile: where the time went',
    '',
    "From the worker's and the API's `/metrics` (histogram sums and counts, before and after the phase, " +
      "all processes added up): our activities, the SDK's workflow-task and activity latencies, HTTP routes.",
    '',
    ...profiled.flatMap((phase) => {
      const p = r.profile[phase]!;
      return [
        `### ${phase}`,
        '',
        `CPU seconds in ${p.cpu.wallSeconds} s: ` +
          Object.entries(p.cpu)
            .filter(([k]) => k.endsWith('CpuSeconds'))
            .map(([k, v]) => `${k.replace('CpuSeconds', '')} ${v}`)
            .join(', ') +
          `; the whole machine (2 cores, shared) was ${p.cpu.machineBusyPercent}% busy.`,
        '',
        row(['series', 'count', 'mean ms', 'total s']),
        row(['---', '---', '---', '---']),
        ...p.series
          .slice(0, 18)
          .map((x) => row([`\`${x.series}\``, x.count, isNaN(x.meanMs) ? '' : x.meanMs, x.totalSeconds])),
        '',
      ];
    }),
    ...(charts.length
      ? ['## Latency distributions', '', ...charts.flatMap((c) => [`![${c.title}](${c.file})`, ''])]
      : []),
    ...(inbox?.plans.length
      ? [
          '## Query plans of the inbox',
          '',
          ...inbox.plans.flatMap((p) => ['```sql', p.sql.trim(), '```', '', '```', p.plan, '```', '']),
        ]
      : []),
  ].join('\n');
}
