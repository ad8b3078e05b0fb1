import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deadPid, killLongRunning, longRunning } from './recorded-processes';

// Go tools are built on first use into .tools/bin, which two `npm test`/`npm start` at once (or
// several engineers) share: one builds, the others wait for it and use its build
// (scripts/lib/build-lock.mjs, used by goTool, the Temporal CLI and Hydra). A fake `go` on PATH
// stands in for the build: it records each build and, when told, waits for the test's go-ahead.
const ROOT = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'build-lock-'));
const binDir = join(dir, 'bin');
const builds = join(dir, 'builds');
const goAhead = join(dir, 'go-ahead');
const lockFile = join(binDir, '.hello-v1.0.0.lock');
const target = join(binDir, 'hello-v1.0.0');
const spawned: ChildProcess[] = [];

/** `go version` answers; `go install -v <pkg>@<v>` records its pid, waits for goAhead, writes $GOBIN/<last segment>. */
function fakeGo() {
  const fakeDir = join(dir, 'fake-go');
  mkdirSync(fakeDir, { recursive: true });
  const go = join(fakeDir, 'go');
  writeFileSync(
    go,
    `#!/bin/sh
[ "$1" = version ] && { echo 'go version go1.0 fake'; exit 0; }
echo $$ >> '${builds}'
while [ ! -e '${goAhead}' ]; do sleep 0.1; done
pkg="\${3%@*}"
printf '#!/bin/sh\\necho hello\\n' > "$GOBIN/\${pkg##*/}"
chmod +x "$GOBIN/\${pkg##*/}"
`,
  );
  chmodSync(go, 0o755);
  return fakeDir;
}
const fakeGoDir = fakeGo();

interface Run {
  child: ChildProcess;
  out: () => string;
  done: Promise<number | null>;
}

/** A node process running `body` (an ES module snippet) with the fake go first on PATH. */
function node(body: string): Run {
  const child = spawn(process.execPath, ['--input-type=module', '-e', body], {
    env: { ...process.env, PATH: `${fakeGoDir}:${process.env.PATH}`, NO_COLOR: '1' },
  });
  spawned.push(child);
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const done = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, out: () => out, done };
}

/** goTool for the module `example.com/hello` v1.0.0 into binDir, as a start would call it. */
const goTool = () =>
  node(`import(${JSON.stringify(join(ROOT, 'scripts/lib/go-tools.mjs'))}).then((m) =>
    m.goTool({ name: 'hello', pkg: 'example.com/hello', version: 'v1.0.0', what: 'hello', expected: 'a second',
      binDir: ${JSON.stringify(binDir)}, logDir: ${JSON.stringify(join(dir, 'logs'))} }))
    .then((bin) => console.log('BIN ' + bin), (e) => (console.log('ERROR ' + e.message), process.exit(3)));`);

async function until(probe: () => boolean, ms = 30_000) {
  for (const deadline = Date.now() + ms; !probe(); await new Promise((r) => setTimeout(r, 50)))
    if (Date.now() > deadline) throw new Error('condition not met in time');
}

const buildCount = () => (existsSync(builds) ? readFileSync(builds, 'utf8').trim().split('\n').length : 0);

beforeEach(() => {
  for (const f of [builds, goAhead, binDir]) rmSync(f, { recursive: true, force: true });
});
afterAll(() => {
  killLongRunning();
  for (const child of spawned) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('one build of a Go tool at a time', () => {
  it('a second start waits for the first one’s build, says whose, and uses it', async () => {
    const first = goTool();
    await until(() => buildCount() === 1);
    const holder = JSON.parse(readFileSync(lockFile, 'utf8'));
    expect(holder.pid).toBe(first.child.pid);

    const second = goTool();
    await until(() => second.out().includes('Waiting for'));
    expect(second.out()).toContain(
      `▸ Waiting for hello v1.0.0: pid ${first.child.pid} (${holder.command}) builds it since ` +
        `${holder.startedAt}, log ${join(dir, 'logs', 'go-build-hello.log')}; this one then uses its build`,
    );
    writeFileSync(goAhead, '');
    expect(await first.done).toBe(0);
    expect(await second.done).toBe(0);
    expect(first.out()).toContain(`BIN ${target}`);
    expect(second.out().trim().split('\n').at(-1)).toBe(`BIN ${target}`);
    expect(second.out()).not.toContain('Building');
    expect(buildCount()).toBe(1);
    expect(existsSync(lockFile)).toBe(false);
  });

  it('takes over the lock of a build that was killed, once among several waiting', async () => {
    mkdirSync(binDir, { recursive: true });
    const pid = await deadPid();
    writeFileSync(
      lockFile,
      JSON.stringify({
        pid,
        command: 'node scripts/start.mjs',
        token: 'killed',
        startedAt: '2026-12-07T01:53:00Z',
      }),
    );
    writeFileSync(goAhead, '');
    const starts = [goTool(), goTool(), goTool()];
    expect(await Promise.all(starts.map((s) => s.done))).toEqual([0, 0, 0]);
    for (const s of starts) expect(s.out().trim().split('\n').at(-1)).toBe(`BIN ${target}`);
    expect(buildCount()).toBe(1);
    expect(starts.map((s) => s.out()).join('')).toContain(
      `! pid ${pid} stopped while building hello v1.0.0; taking its lock over (${lockFile})`,
    );
    expect(existsSync(lockFile)).toBe(false);
    expect(existsSync(`${lockFile}.takeover`)).toBe(false);
  });

  it('builds at once when two start together, and the others use that build', async () => {
    writeFileSync(goAhead, '');
    const starts = [goTool(), goTool(), goTool()];
    expect(await Promise.all(starts.map((s) => s.done))).toEqual([0, 0, 0]);
    for (const s of starts) expect(s.out().trim().split('\n').at(-1)).toBe(`BIN ${target}`);
    expect(buildCount()).toBe(1);
  });

  it('gives up waiting after the bound, naming the holder and how to stop it', async () => {
    const { child: holder, command } = await longRunning('holds-the-lock');
    mkdirSync(binDir, { recursive: true });
    writeFileSync(
      join(binDir, '.tool.lock'),
      JSON.stringify({ pid: holder.pid, command, token: 't', startedAt: '2026-12-07T01:53:00Z' }),
    );
    const waiter = node(`import(${JSON.stringify(join(ROOT, 'scripts/lib/build-lock.mjs'))}).then((m) =>
      m.buildOnce({ dir: ${JSON.stringify(binDir)}, name: 'tool', what: 'the tool', waitMs: 1500, pollMs: 100,
        built: () => null, build: () => { throw new Error('built while another held the lock'); } }))
      .then(() => console.log('DONE'), (e) => (console.log('ERROR ' + e.message), process.exit(3)));`);
    expect(await waiter.done).toBe(3);
    expect(waiter.out()).toContain(
      `ERROR gave up after 1.5 s waiting for pid ${holder.pid} (${command}) to build the tool. ` +
        `If it is stuck, stop it (kill ${holder.pid}): its lock ${join(binDir, '.tool.lock')} is then taken over`,
    );
    expect(existsSync(join(binDir, '.tool.lock'))).toBe(true);
    holder.kill('SIGKILL');
  });
});
