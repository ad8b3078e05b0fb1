/**
 * The bench's phases, each with the targets of issue 21 it measures. `npm run bench -- --only
 * fanout` (or `--only round-trip,throughput`) runs some of them; the targets of the others are
 * "not measured" in that run's report, never taken from an older one.
 */
export const PHASES = ['round-trip', 'throughput', 'fanout', 'inbox'] as const;
export type Phase = (typeof PHASES)[number];

/** The phases `--only` names (BENCH_ONLY, comma-separated), in the bench's order; all without it. */
export function parsePhases(only: string | undefined): Phase[] {
  if (!only?.trim()) return [...PHASES];
  const named = only.split(',').map((p) => p.trim());
  const unknown = named.filter((p) => !(PHASES as readonly string[]).includes(p));
  if (unknown.length || !named.length) {
    throw new Error(`--only ${only}: unknown phase ${unknown.join(', ')} (phases: ${PHASES.join(', ')})`);
  }
  return PHASES.filter((p) => named.includes(p));
}

/**
 * Where a run's report goes: bench/results/latest.* for a run of every phase, only-<phases>.* for
 * the others, so a partial run never overwrites the last whole one.
 */
export function resultsStem(phases: readonly Phase[]): string {
  return phases.length === PHASES.length ? 'latest' : `only-${phases.join('+')}`;
}

/** The members of the fan-out: BENCH_MEMBERS (`--members N`) if set, else the run's default. */
export function memberCount(value: string | undefined, fallback: number): number {
  if (!value) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--members ${value}: a whole number ≥ 1`);
  return n;
}
