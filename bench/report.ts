import type { ProfileRow } from './profile';

/** The figures of one run, as bench/results/latest.json holds them. */
export interface BenchResults {
  run: Record<string, unknown> & { quick: boolean; profile: string; date: string };
  taskRoundTrip: Record<string, number> & {
    p50: number;
    p99: number;
    bareUpdateP50: number;
    bareUpdateP99: number;
  };
  throughput: Record<string, number> & { tasksPerSec: number; bareUpdatesPerSec: number };
  inbox: {
    p50Ms: number;
    p99Ms: number;
    rows: number;
    samples: number;
    inboxTotal: number;
    seedSeconds: number;
    plans: { sql: string; plan: string }[];
  };
  fanout: Record<string, number | string> & { members: number; seconds: number };
  rss: { workerRssMb: (number | null)[]; apiRssMb: (number | null)[] };
  /** Where the time went in the throughput and fan-out phases, from the processes' /metrics. */
  profile: Record<
    'roundTrip' | 'throughput' | 'fanout',
    { cpu: Record<string, number>; series: ProfileRow[] }
  >;
  targets: Record<string, { target: string; value: string; met: boolean }>;
}

/** Issue 9's targets for this round, judged on a run's figures. */
export function judge(r: Omit<BenchResults, 'targets'>): BenchResults['targets'] {
  const ratio = r.taskRoundTrip.p99 / r.taskRoundTrip.bareUpdateP99;
  return {
    taskP99: {
      target: 'task p99 ≤ 2 × bare Update p99',
      value: `${r.taskRoundTrip.p99} ms vs ${r.taskRoundTrip.bareUpdateP99} ms (${ratio.toFixed(2)}×)`,
      met: ratio <= 2,
    },
    throughput: {
      target: '≥ 50 task completions/s',
      value: `${r.throughput.tasksPerSec}/s`,
      met: r.throughput.tasksPerSec >= 50,
    },
    inbox: { target: 'inbox p99 < 20 ms', value: `${r.inbox.p99Ms} ms`, met: r.inbox.p99Ms < 20 },
    fanout: {
      target: 'fan-out of 1,000 < 20 s',
      value: `${r.fanout.members} members in ${r.fanout.seconds} s`,
      met: r.fanout.members >= 1000 && r.fanout.seconds < 20,
    },
  };
}

const row = (cells: unknown[]) => `| ${cells.join(' | ')} |`;

/** bench/results/latest.md: the figures against the targets, the charts, the inbox's query plans. */
export function markdown(r: BenchResults, charts: { file: string; title: string }[]): string {
  const t = r.taskRoundTrip;
  const tp = r.throughput;
  return [
    `# Benchmark ${r.run.date}${r.run.quick ? ' (quick)' : ''}`,
    '',
    `Profile **${r.run.profile}**; ${r.run.machine}; Node ${r.run.node}; commit ${r.run.commit}; ` +
      `${r.run.durationSeconds} s in all. Re-run: \`npm run bench\` (\`-- --quick\`, \`-- --cluster\`).`,
    '',
    '## Against the targets',
    '',
    row(['target', 'this run', 'met']),
    row(['---', '---', '---']),
    ...Object.values(r.targets).map((g) => row([g.target, g.value, g.met ? 'yes' : '**no**'])),
    '',
    '## Figures',
    '',
    row(['figure', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'n']),
    row(['---', '---', '---', '---', '---', '---']),
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
    row([
      'inbox (`GET /api/tasks`, district officer)',
      r.inbox.p50Ms,
      '',
      r.inbox.p99Ms,
      '',
      r.inbox.samples,
    ]),
    '',
    `- **Throughput**: ${tp.tasksPerSec} task completions/s, ${tp.lifecycles} lifecycles nominated and driven to ` +
      `graduation through the API by ${tp.concurrency} concurrent clients in ${tp.seconds} s ` +
      `(${tp.retries} retried requests); the same server answered ${tp.bareUpdatesPerSec} bare Updates/s to ` +
      `${tp.bareUpdateConcurrency} clients.`,
    `- **Fan-out**: ${r.fanout.members} members got their QUARTERLY_REPORT task ${r.fanout.seconds} s after ` +
      `\`POST /api/admin/quarterly-dispatch/trigger\` (the trigger answered after ${r.fanout.triggerAnsweredSeconds} s). ` +
      `${r.fanout.membersMadeBy}`,
    `- **Inbox**: ${r.inbox.rows} rows in \`tasks\` (seeded with SQL over every district); the officer's inbox ` +
      `holds ${r.inbox.inboxTotal} tasks.`,
    `- **Memory at the end**: worker RSS ${r.rss.workerRssMb.join(', ')} MB; API RSS ${r.rss.apiRssMb.join(', ')} MB.`,
    '',
    '## Profile: where the time went',
    '',
    "From the worker's and the API's `/metrics` (histogram sums and counts, before and after the phase, " +
      "all processes added up): our activities, the SDK's workflow-task and activity latencies, HTTP routes.",
    '',
    ...(['roundTrip', 'throughput', 'fanout'] as const).flatMap((phase) => [
      `### ${phase}`,
      '',
      `CPU seconds in ${r.profile[phase].cpu.wallSeconds} s: ` +
        Object.entries(r.profile[phase].cpu)
          .filter(([k]) => k.endsWith('CpuSeconds'))
          .map(([k, v]) => `${k.replace('CpuSeconds', '')} ${v}`)
          .join(', ') +
        `; the whole machine (2 cores, shared) was ${r.profile[phase].cpu.machineBusyPercent}% busy.`,
      '',
      row(['series', 'count', 'mean ms', 'total s']),
      row(['---', '---', '---', '---']),
      ...r.profile[phase].series
        .slice(0, 18)
        .map((p) => row([`\`${p.series}\``, p.count, isNaN(p.meanMs) ? '' : p.meanMs, p.totalSeconds])),
      '',
    ]),
    '## Latency distributions',
    '',
    ...charts.flatMap((c) => [`![${c.title}](${c.file})`, '']),
    '## Query plans of the inbox',
    '',
    ...r.inbox.plans.flatMap((p) => ['```sql', p.sql.trim(), '```', '', '```', p.plan, '```', '']),
  ].join('\n');
}
