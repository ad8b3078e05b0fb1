import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Baseline, BenchResults } from './report';

/**
 * bench/results/baseline.json: a run's cost kept as the yardstick of issue 21's "half the cost"
 * (target d). `npm run bench -- --save-baseline` writes it; every run compares with it.
 */
export function readBaseline(file: string): Baseline | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Baseline) : null;
}

export function saveBaseline(file: string, r: Omit<BenchResults, 'targets'>): void {
  if (!r.cost) throw new Error('--save-baseline needs the throughput phase: it measures the cost');
  const baseline: Baseline = {
    date: r.run.date,
    commit: r.run.commit,
    productCommit: String(r.run.productCommit),
    quick: r.run.quick,
    cost: r.cost,
  };
  writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
}
