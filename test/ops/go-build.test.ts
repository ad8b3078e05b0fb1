import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The first start builds Go tools (the Temporal CLI, server, UI): the console gets the expected time
// and one progress line, go's own output goes to data/logs/go-build-<tool>.log (issue 22, item 8).
// A tiny module served by a file:// module proxy stands in for the Temporal modules.
const ROOT = join(__dirname, '../..');
const MODULE = 'example.com/hello';
const GO = ['go', '/usr/local/go/bin/go'].find((g) => spawnSync(g, ['version']).status === 0);

/** A GOPROXY directory serving `MODULE` v1.0.0, whose main package prints "hello". */
function moduleProxy(dir: string, source: string) {
  const versions = join(dir, 'proxy', MODULE, '@v');
  const zipRoot = join(dir, 'zip', `${MODULE}@v1.0.0`);
  mkdirSync(versions, { recursive: true });
  mkdirSync(zipRoot, { recursive: true });
  const gomod = `module ${MODULE}\n\ngo 1.21\n`;
  writeFileSync(join(zipRoot, 'go.mod'), gomod);
  writeFileSync(join(zipRoot, 'main.go'), source);
  writeFileSync(join(versions, 'list'), 'v1.0.0\n');
  writeFileSync(
    join(versions, 'v1.0.0.info'),
    JSON.stringify({ Version: 'v1.0.0', Time: '2026-01-01T00:00:00Z' }),
  );
  writeFileSync(join(versions, 'v1.0.0.mod'), gomod);
  const zip = spawnSync('zip', ['-qr', join(versions, 'v1.0.0.zip'), `${MODULE}@v1.0.0`], {
    cwd: join(dir, 'zip'),
  });
  expect(zip.status).toBe(0);
  return `file://${join(dir, 'proxy')}`;
}

/** goTool in a node process of its own, its console output captured as a pipe would (no TTY). */
function goTool(dir: string, proxy: string) {
  const script = `import(${JSON.stringify(join(ROOT, 'scripts/lib/go-tools.mjs'))}).then((m) =>
    m.goTool({ name: 'hello', pkg: '${MODULE}', version: 'v1.0.0', what: 'hello', expected: 'a second',
      binDir: ${JSON.stringify(join(dir, 'bin'))}, logDir: ${JSON.stringify(join(dir, 'logs'))} }))
    .then((bin) => console.log('BIN ' + bin), (e) => (console.log('ERROR ' + e.message), process.exit(3)));`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, GOPROXY: proxy, GOSUMDB: 'off', GOMODCACHE: join(dir, 'modcache'), NO_COLOR: '1' },
  });
}

const describeWithGo = GO ? describe : describe.skip;
describeWithGo('first start: Go tools built quietly', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'go-build-'))));
  afterEach(() => {
    // Go makes its module cache read-only.
    spawnSync('chmod', ['-R', 'u+w', dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('says the expected time, keeps go output in the build log, and builds once', () => {
    const proxy = moduleProxy(dir, 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n');
    const first = goTool(dir, proxy);
    expect(first.status).toBe(0);
    const lines = first.stdout.trim().split('\n');
    const log = join(dir, 'logs', 'go-build-hello.log');
    expect(lines[0]).toBe(`▸ Building hello v1.0.0 (first time only; usually a second). Log: ${log}`);
    expect(lines.at(-2)).toMatch(/^✓ hello v1\.0\.0 built in \d+ s$/);
    const bin = join(dir, 'bin', 'hello-v1.0.0');
    expect(lines.at(-1)).toBe(`BIN ${bin}`);
    // Between them at most progress lines: go's own output is not on the console.
    for (const line of lines.slice(1, -2)) expect(line).toMatch(/^ {2}… hello v1\.0\.0: \d+ s$/);
    expect(first.stderr).toBe('');
    expect(readFileSync(log, 'utf8')).toMatch(new RegExp(`go: downloading ${MODULE} v1.0.0`));
    expect(spawnSync(bin, [], { encoding: 'utf8' }).stdout).toBe('hello\n');

    // Cached: a second call builds nothing and prints nothing but the path.
    const second = goTool(dir, proxy);
    expect(second.stdout.trim()).toBe(`BIN ${bin}`);
  });

  it('fails with the path of the log that holds the compiler errors', () => {
    const proxy = moduleProxy(dir, 'package main\n\nfunc main() { undefinedCall() }\n');
    const r = goTool(dir, proxy);
    const log = join(dir, 'logs', 'go-build-hello.log');
    expect(r.status).toBe(3);
    expect(r.stdout).toContain(`ERROR building hello v1.0.0 failed (1); see ${log}`);
    expect(r.stdout).not.toContain('undefinedCall');
    expect(readFileSync(log, 'utf8')).toContain('undefined: undefinedCall');
    expect(existsSync(join(dir, 'bin', 'hello-v1.0.0'))).toBe(false);
  });
});
