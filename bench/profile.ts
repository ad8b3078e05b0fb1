/** Histogram sums and counts of every process's /metrics at one moment, summed over processes. */
export type Snapshot = Map<string, number>;

/**
 * Series that say where a completion's time goes: our activities, the SDK's workflow tasks, HTTP
 * routes (histograms), and the workflow cache's hits and misses (a miss replays the whole history).
 */
const WANTED =
  /^((hardtech_activity_duration_seconds|temporal_\w*(workflow_task|local_activity|activity)\w*(latency|time)\w*|http_request_duration_seconds)_(sum|count)|temporal_sticky_cache_(hit|miss)\w*)(\{| )/;

function urls(): string[] {
  const ports: { workers: number[]; apis: number[] } = JSON.parse(
    process.env.BENCH_METRICS_PORTS ?? '{"workers":[],"apis":[]}',
  );
  return [...ports.workers, ...ports.apis].map((p) => `http://127.0.0.1:${p}/metrics`);
}

export async function snapshot(): Promise<Snapshot> {
  const totals: Snapshot = new Map();
  for (const url of urls()) {
    const text = await fetch(url, { signal: AbortSignal.timeout(5000) })
      .then((r) => r.text())
      .catch(() => '');
    for (const line of text.split('\n')) {
      if (!WANTED.test(line)) continue;
      const cut = line.lastIndexOf(' ');
      // Labels that differ per process or per request are dropped, so processes add up.
      const series = line
        .slice(0, cut)
        .replace(/,?(service_name|namespace|task_queue|worker_type|status|outcome|method)="[^"]*"/g, '')
        .replace('{,', '{');
      totals.set(series, (totals.get(series) ?? 0) + Number(line.slice(cut + 1)));
    }
  }
  return totals;
}

/** The SDK's histograms are in milliseconds, ours (prom-client) in seconds. */
const msPerUnit = (series: string) => (series.startsWith('temporal_') ? 1 : 1000);

export interface ProfileRow {
  series: string;
  count: number;
  meanMs: number;
  totalSeconds: number;
}

/** What happened between two snapshots: per series, how often and how long on average. */
export function profileBetween(before: Snapshot, after: Snapshot): ProfileRow[] {
  const rows: ProfileRow[] = [];
  for (const [key, valueAfter] of after) {
    if (/^temporal_sticky_cache/.test(key)) {
      const count = valueAfter - (before.get(key) ?? 0);
      rows.push({ series: key, count, meanMs: NaN, totalSeconds: 0 });
      continue;
    }
    if (!/_sum(\{|$)/.test(key)) continue;
    const countKey = key.replace(/_sum(\{|$)/, '_count$1');
    const count = (after.get(countKey) ?? 0) - (before.get(countKey) ?? 0);
    const ms = (valueAfter - (before.get(key) ?? 0)) * msPerUnit(key);
    if (count <= 0) continue;
    rows.push({
      series: key.replace(/_sum(\{|$)/, '$1'),
      count,
      meanMs: Math.round((ms / count) * 10) / 10,
      totalSeconds: Math.round(ms / 100) / 10,
    });
  }
  return rows.sort((a, b) => b.totalSeconds - a.totalSeconds);
}
