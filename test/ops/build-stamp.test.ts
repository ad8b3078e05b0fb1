import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `npm start` and the test scripts rebuild dist/ only when a source is newer than the build's stamp
// (scripts/lib/build-stamp.mjs). A source saved while the compiler ran may be missing from the
// output, so the stamp carries the build's start: such a source must make the next check rebuild.
const ROOT = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'build-stamp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs an ES module snippet with the stamp helpers imported; answers its stdout. */
function withStamp(body: string): string {
  const helpers = join(ROOT, 'scripts/lib/build-stamp.mjs');
  const r = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `import { isFresh, writeStamp } from '${helpers}';\n${body}`],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

function source(path: string, mtimeMs: number) {
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'src', path), 'export {};');
  const at = new Date(mtimeMs);
  utimesSync(join(dir, 'src', path), at, at);
  utimesSync(join(dir, 'src'), new Date(mtimeMs - 60_000), new Date(mtimeMs - 60_000));
}

const stamp = join(dir, '.build-stamp');
const build = (startedMs: number) => withStamp(`writeStamp(${JSON.stringify(stamp)}, ${startedMs});`);
const fresh = () =>
  withStamp(`console.log(isFresh(${JSON.stringify(stamp)}, ['src'], ${JSON.stringify(dir)}));`);

describe('the build stamp', () => {
  const started = Date.now() - 10 * 60_000;

  it('counts a build as current for sources saved before it started', () => {
    source('a.ts', started - 5_000);
    build(started);
    expect(fresh()).toBe('true');
  });

  it('counts it stale for a source saved while it ran (after its start, before its end)', () => {
    source('b.ts', started + 2_000);
    build(started);
    expect(fresh()).toBe('false');
  });

  it('counts it stale without a stamp', () => {
    rmSync(stamp, { force: true });
    expect(fresh()).toBe('false');
  });
});
