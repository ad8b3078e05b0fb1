import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/** Whether the build behind `stamp` is at least as new as every one of `sources` (paths under root). */
export const isFresh = (stamp, sources, root) =>
  existsSync(stamp) && statSync(stamp).mtimeMs >= Math.max(...sources.map((s) => newest(join(root, s))));

/**
 * Records a build that started at `startedMs`. The stamp carries the start, not the end: a source
 * saved while the compiler ran may not be in the output, and must make the next check rebuild.
 */
export function writeStamp(stamp, startedMs) {
  writeFileSync(stamp, new Date(startedMs).toISOString());
  const at = new Date(startedMs);
  utimesSync(stamp, at, at);
}
