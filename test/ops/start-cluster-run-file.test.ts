import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './processes';
import {
  alive,
  commandLineOf,
  deadPid,
  killLongRunning,
  longRunning,
  runningStart,
} from './recorded-processes';

// `npm run start:cluster` and what a killed one leaves (data/cluster/start-cluster.json, the same
// run file handling as npm start's, scripts/lib/run-file.mjs): killed outright, its Temporal
// server, UI server, workers, APIs and nginx ran on, and the next start met their ports. Now the
// next start stops what the file names and a second start while one runs is refused. The start
// script itself runs here on a folder of the test's (CLUSTER_DATA_DIR), and stops at its port
// check, before anything is provisioned.
const ROOT = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'start-cluster-run-'));
const runFile = join(dir, 'start-cluster.json');
const spawned: ChildProcess[] = [];
let taken: Server;
let port: number;

/** `npm run start:cluster` on the test's folder, nginx's port held by the test: its exit and output. */
function startCluster(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/start-cluster.mjs')], {
    cwd: ROOT,
    env: { ...process.env, CLUSTER_DATA_DIR: dir, PORT: String(port), NO_COLOR: '1' },
  });
  spawned.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((r) => child.on('exit', (code) => r({ code, stdout, stderr })));
}

const exitSignal = (c: ChildProcess) => new Promise((r) => c.once('exit', (_, signal) => r(signal)));

beforeAll(async () => {
  port = await freePort();
  taken = createServer();
  await new Promise<void>((r) => taken.listen(port, '127.0.0.1', r));
});
afterAll(async () => {
  killLongRunning();
  for (const child of spawned) if (alive(child)) child.kill('SIGKILL');
  await new Promise((r) => taken.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run start:cluster after one that was killed', () => {
  it('refuses a second start while the first still runs, saying how to stop it', async () => {
    const { first, worker } = await runningStart(runFile, 'worker-1');
    const second = await startCluster();
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(
      `✗ npm run start:cluster already runs on ${dir} (pid ${first.pid}, since 2026-12-07T01:53:00.000Z). ` +
        `Stop it first: Ctrl-C in its terminal, or kill -INT ${first.pid}.\n`,
    );
    expect(alive(worker.child)).toBe(true);
    expect(JSON.parse(readFileSync(runFile, 'utf8')).pid).toBe(first.pid);
    first.child.kill('SIGKILL');
    worker.child.kill('SIGKILL');
  });

  it('stops what a killed start left running, newest first, says so, and forgets it', async () => {
    const worker = await longRunning();
    const api = await longRunning();
    const stopped = [exitSignal(worker.child), exitSignal(api.child)];
    writeFileSync(
      runFile,
      JSON.stringify({
        pid: await deadPid(),
        command: 'node scripts/start-cluster.mjs',
        startedAt: '2026-12-07T01:53:00.000Z',
        children: [
          { name: 'worker-1', pid: worker.pid, command: worker.command },
          { name: 'api-1', pid: api.pid, command: api.command },
        ],
      }),
    );
    const next = await startCluster();
    expect(next.stdout).toContain(
      `! stopped what an npm run start:cluster that was killed left running: worker-1 (pid ${worker.pid}), api-1 (pid ${api.pid})`,
    );
    expect(await Promise.all(stopped)).toEqual(['SIGTERM', 'SIGTERM']);
    // It went on to its own start, which the port the test holds stops before anything runs.
    expect(next.stderr).toContain(`✗ port ${port} is in use by another program`);
    expect(next.code).toBe(1);
    expect(existsSync(runFile)).toBe(false);
  });
});

const nginx = spawnSync('nginx', ['-v']).status === 0;
(nginx ? describe : describe.skip)('an nginx a killed start:cluster left', () => {
  it('is stopped, though it renamed itself "nginx: master process …" after it was recorded', async () => {
    const prefix = join(dir, 'nginx');
    mkdirSync(join(prefix, 'logs'), { recursive: true });
    const conf = join(prefix, 'nginx.conf');
    writeFileSync(
      conf,
      `pid ${prefix}/nginx.pid;\nerror_log ${prefix}/logs/error.log;\nevents {}\n` +
        `http { access_log off; server { listen 127.0.0.1:${await freePort()}; } }\n`,
    );
    const child = spawn('nginx', ['-p', prefix, '-c', conf, '-g', 'daemon off;']);
    spawned.push(child);
    await new Promise((r) => child.once('spawn', r));
    const recorded = commandLineOf(child.pid!); // as recordRun reads it right after the spawn
    for (const until = Date.now() + 10_000; !commandLineOf(child.pid!).startsWith('nginx: master process ');)
      if (Date.now() > until) throw new Error('nginx did not rename itself');
      else await new Promise((r) => setTimeout(r, 50));
    const stopped = exitSignal(child);
    writeFileSync(
      runFile,
      JSON.stringify({
        pid: await deadPid(),
        command: 'node scripts/start-cluster.mjs',
        children: [{ name: 'nginx', pid: child.pid, command: recorded }],
      }),
    );
    const script = `import(${JSON.stringify(join(ROOT, 'scripts/lib/run-file.mjs'))})
      .then((m) => m.reclaimRun(${JSON.stringify(dir)}, { graceMs: 5000, kind: m.START_CLUSTER }))
      .then((left) => process.stdout.write(JSON.stringify(left)))`;
    const left = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script]).toString());
    expect(left).toEqual([{ name: 'nginx', pid: child.pid }]);
    expect(await stopped).toBe(null); // nginx exits 0 on SIGTERM (its fast shutdown)
    expect(alive(child)).toBe(false);
  });
});
