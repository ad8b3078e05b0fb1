import { getHeapStatistics } from 'node:v8';

/**
 * What one cached lifecycle holds in the worker, measured by `npm run bench -- --only fanout
 * --members 1000` (worker RSS at the end against the same run's start), with the lifecycle's modules
 * shared (workflow-bundle.ts): PER_LIFECYCLE_MB is that figure with a margin.
 */
export const PER_LIFECYCLE_MB = 0.6;
/** The worker's own modules, the SDK and a workflow task's working set: not for the cache. */
export const RESERVED_MB = 400;
/** The SDK refuses fewer than two; a cache that small is no cache. */
const MIN_CACHED = 10;

/**
 * How many workflows the worker keeps between their tasks when WORKER_MAX_CACHED_WORKFLOWS does not
 * say: as many lifecycles as the heap holds. The SDK's own default assumes 1.7 MB a workflow (2,310
 * for a 4 GiB heap), fewer than a 5,000-member pool: a quarterly dispatch then evicts a lifecycle for
 * every tick, and each evicted one is fetched and replayed in full on its next task (1,399 such
 * replays in the 5,000-member fan-out, README "Performance").
 */
export function cacheSizeFor(heapLimitMb: number): number {
  return Math.max(MIN_CACHED, Math.floor((heapLimitMb - RESERVED_MB) / PER_LIFECYCLE_MB));
}

/** The configured size, else the heap's (the workflow thread's heap limit is the process's). */
export function maxCachedWorkflows(configured: number): number {
  return configured > 0 ? configured : cacheSizeFor(getHeapStatistics().heap_size_limit / 2 ** 20);
}
