/**
 * What a phase asks of Temporal (issue 21, "Half the cost"): the gRPC calls every client made to the
 * server, by method, as the server's frontend counted them (its `/metrics`: `temporal server
 * start-dev --metrics-port`, or the cluster's metrics listener), and the worker's own calls and task
 * counters as its SDK counted them. The parsing and the arithmetic are pure, for
 * bench/temporal-calls.spec.ts.
 */

/**
 * Counters at one moment: `server <method>`, `storage <operation>`, `tasks <task type>`,
 * `worker <method>` and `worker <counter>`.
 */
export type CallSnapshot = Map<string, number>;

/** What a phase asked, per unit (a completion, a bare Update), by method or counter; zeros left out. */
export interface TemporalCalls {
  /** Calls the server's frontend answered, every client together (worker, API, the bench, the server's own workers). */
  server: Record<string, number>;
  /**
   * What the server did for them: its persistence operations (the history and matching services'
   * `persistence_requests`; `visibility <operation>` the visibility store's writes and reads).
   */
  storage: Record<string, number>;
  /** The history service's background tasks processed (`task_requests`: transfer, timer, visibility tasks). */
  serverTasks: Record<string, number>;
  /** The worker's own calls (its SDK's `temporal_request` and `temporal_long_request`). */
  worker: Record<string, number>;
  /** The worker's task counters: sticky cache hits and misses, polls with and without a task, local activities. */
  workerTasks: Record<string, number>;
  /** The server's calls of every method added up. */
  serverTotal: number;
  units: number;
}

/** The SDK's counters worth reading beside the calls (Core's names, without the `temporal_` prefix). */
const WORKER_COUNTERS = new Set([
  'sticky_cache_hit',
  'sticky_cache_miss',
  'sticky_cache_total_forced_eviction',
  'workflow_task_queue_poll_succeed',
  'workflow_task_queue_poll_empty',
  'workflow_task_execution_latency_count',
  'workflow_task_replay_latency_count',
  'activity_task_received',
  'activity_poll_no_task',
  'local_activity_total',
  'local_activity_execution_latency_count',
]);

const SAMPLE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? ([^ ]+)(?: \d+)?$/;

function labelOf(labels: string, name: string): string | undefined {
  return new RegExp(`(?:^|,)${name}="([^"]*)"`).exec(labels)?.[1];
}

/**
 * The calls and counters in one `/metrics` text. `server`: the Temporal server's (`service_requests`
 * of the frontend, by `operation`, the `temporal-system` namespace's left out); `worker`: the worker's (the SDK's series, prefixed `temporal_`).
 * Counters' `_total` suffix, when the exporter adds one, is dropped.
 */
export function parseCalls(text: string, source: 'server' | 'worker', into: CallSnapshot = new Map()) {
  const add = (key: string, value: number) => into.set(key, (into.get(key) ?? 0) + value);
  for (const line of text.split('\n')) {
    const m = SAMPLE.exec(line.trim());
    if (!m) continue;
    const name = m[1].replace(/_total$/, '');
    const labels = m[2] ?? '';
    const value = Number(m[3]);
    if (!Number.isFinite(value)) continue;
    if (source === 'server') {
      // The server's own system namespaces' work is not ours (they count little in a phase anyway).
      if (/^(temporal[-_]system|system)$/.test(labelOf(labels, 'namespace') ?? '')) continue;
      const op = labelOf(labels, 'operation');
      const service = labelOf(labels, 'service_name');
      if (!op) continue;
      if (name === 'service_requests' && service === 'frontend') add(`server ${op}`, value);
      else if (name === 'persistence_requests' && (service === 'history' || service === 'matching'))
        add(`storage ${op}`, value);
      else if (name === 'visibility_persistence_requests') add(`storage visibility ${op}`, value);
      else if (name === 'task_requests') add(`tasks ${op}`, value);
      continue;
    }
    if (name === 'temporal_request' || name === 'temporal_long_request') {
      const op = labelOf(labels, 'operation');
      if (op) add(`worker ${pascal(op)}`, value);
    } else if (name.startsWith('temporal_') && WORKER_COUNTERS.has(name.slice('temporal_'.length))) {
      add(`worker ${name.slice('temporal_'.length)}`, value);
    }
  }
  return into;
}

/** Core names its operations as the proto's methods (`PollWorkflowTaskQueue`) or snake_case: one spelling. */
function pascal(op: string): string {
  return op.includes('_') ? op.replace(/(^|_)([a-z])/g, (_, _u, c: string) => c.toUpperCase()) : op;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The difference between two snapshots, per unit, each part sorted most frequent first. */
export function callsBetween(before: CallSnapshot, after: CallSnapshot, units: number): TemporalCalls {
  const out: TemporalCalls = {
    server: {},
    storage: {},
    serverTasks: {},
    worker: {},
    workerTasks: {},
    serverTotal: 0,
    units,
  };
  if (!(units > 0)) return out;
  const rows: [keyof Omit<TemporalCalls, 'serverTotal' | 'units'>, string, number][] = [];
  let serverTotal = 0;
  for (const [key, value] of after) {
    const delta = value - (before.get(key) ?? 0);
    if (!(delta > 0)) continue;
    const [source, name] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
    if (source === 'server') serverTotal += delta;
    const part =
      source === 'worker'
        ? /^[A-Z]/.test(name)
          ? 'worker'
          : 'workerTasks'
        : ({ server: 'server', storage: 'storage', tasks: 'serverTasks' } as const)[source]!;
    rows.push([part, name, delta / units]);
  }
  rows.sort((a, b) => b[2] - a[2] || a[1].localeCompare(b[1]));
  for (const [part, name, perUnit] of rows) out[part][name] = round2(perUnit);
  out.serverTotal = round2(serverTotal / units);
  return out;
}

/** The URLs the bench reads: the Temporal server's (BENCH_TEMPORAL_METRICS_URL) and the workers'. */
function sources(): { url: string; source: 'server' | 'worker' }[] {
  const ports: { workers: number[] } = JSON.parse(process.env.BENCH_METRICS_PORTS ?? '{"workers":[]}');
  const server = process.env.BENCH_TEMPORAL_METRICS_URL;
  return [
    ...(server ? [{ url: server, source: 'server' as const }] : []),
    ...ports.workers.map((p) => ({ url: `http://127.0.0.1:${p}/metrics`, source: 'worker' as const })),
  ];
}

/** The counters now; a source that does not answer adds nothing (its part of the result stays empty). */
export async function callSnapshot(): Promise<CallSnapshot> {
  const snapshot: CallSnapshot = new Map();
  for (const { url, source } of sources()) {
    const text = await fetch(url, { signal: AbortSignal.timeout(5000) })
      .then((r) => r.text())
      .catch(() => '');
    parseCalls(text, source, snapshot);
  }
  return snapshot;
}
