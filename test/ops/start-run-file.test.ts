import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alive, deadPid, killLongRunning, longRunning, runningStart } from './recorded-processes';

// `npm start` and the processes a killed one leaves (scripts/lib/run-file.mjs, data/npm-start.json):
// killed outright, its Temporal server, worker and API ran on; the next start reused that server,
// its own API failed on the taken port while the old API answered the health check, and two
// workers polled. Now the next start stops what the file names (when it still runs that command),
// and a start while another runs on the same data/ is refused.
const RUN_FILE_LIB = join(__dirname, '../../scripts/lib/run-file.mjs');
const dir = mkdtempSync(join(tmpdir(), 'npm-start-run-'));
const runFile = join(dir, 'npm-start.json');

/** reclaimRun in a node process (scripts are ES modules): its answer or its error. */
function reclaim(): { left?: { name: string; pid: number }[]; error?: string } {
  const script = `import(${JSON.stringify(RUN_FILE_LIB)})
    .then((m) => m.reclaimRun(${JSON.stringify(dir)}, { graceMs: 2000 }))
    .then((left) => process.stdout.write(JSON.stringify({ left })),
          (e) => process.stdout.write(JSON.stringify({ error: e.message })))`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script]).toString());
}

afterAll(() => {
  killLongRunning();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start after one that was killed', () => {
  it('stops the processes a killed start left running, newest first, and forgets them', async () => {
    const worker = await longRunning();
    const api = await longRunning();
    const exited = (c: ChildProcess) => new Promise((r) => c.once('exit', (code, signal) => r(signal)));
    const stopped = [exited(worker.child), exited(api.child)];
    writeFileSync(
      runFile,
      JSON.stringify({
        pid: await deadPid(),
        command: 'node scripts/start.mjs',
        startedAt: '2026-12-07T01:53:00.000Z',
        children: [
          { name: 'worker', pid: worker.pid, command: worker.command },
          { name: 'api', pid: api.pid, command: api.command },
        ],
      }),
    );
    expect(reclaim()).toEqual({
      left: [
        { name: 'worker', pid: worker.pid },
        { name: 'api', pid: api.pid },
      ],
    });
    expect(await Promise.all(stopped)).toEqual(['SIGTERM', 'SIGTERM']);
    expect(existsSync(runFile)).toBe(false);
  });

  it('stops the embedded PostgreSQL of data/pg it left, which only its postmaster.pid names', async () => {
    const pgDir = join(dir, 'pg');
    mkdirSync(pgDir, { recursive: true });
    const postgres = await longRunning(`-D ${pgDir}`);
    const stopped = new Promise((r) => postgres.child.once('exit', (_, signal) => r(signal)));
    writeFileSync(join(pgDir, 'postmaster.pid'), `${postgres.pid}\n${pgDir}\n1765000000\n54329\n`);
    writeFileSync(
      runFile,
      JSON.stringify({ pid: await deadPid(), command: 'node scripts/start.mjs', children: [] }),
    );
    expect(reclaim()).toEqual({ left: [{ name: 'postgres', pid: postgres.pid }] });
    expect(await stopped).toBe('SIGINT'); // PostgreSQL's fast shutdown
    rmSync(pgDir, { recursive: true });
  });

  it('leaves alone a process that took a recorded pid since', async () => {
    const other = await longRunning();
    writeFileSync(
      runFile,
      JSON.stringify({
        pid: await deadPid(),
        command: 'node scripts/start.mjs',
        children: [{ name: 'temporal', pid: other.pid, command: '/opt/temporal server start-dev' }],
      }),
    );
    expect(reclaim()).toEqual({ left: [] });
    expect(alive(other.child)).toBe(true);
  });

  it('refuses a second start while the first still runs, saying how to stop it', async () => {
    const { first, worker } = await runningStart(runFile, 'worker');
    expect(reclaim().error).toBe(
      `npm start already runs on ${dir} (pid ${first.pid}, since 2026-12-07T01:53:00.000Z). ` +
        `Stop it first: Ctrl-C in its terminal, or kill -INT ${first.pid}.`,
    );
    expect(alive(worker.child)).toBe(true);
    expect(existsSync(runFile)).toBe(true);
  });
});

describe('two npm starts in the same instant', () => {
  it('refuses the one that finds the run file written after it looked: it never overwrites it', async () => {
    // claimRun looked for a run file and then wrote its own: a second start between those two
    // steps passed as well, overwrote the first one's record and started a Temporal server,
    // workers and APIs beside it. Here the other start writes its record right after this one
    // looked (fs.existsSync answers "none" and only then does the other start record itself).
    const raceDir = mkdtempSync(join(tmpdir(), 'npm-start-race-'));
    const other = await longRunning();
    const record = JSON.stringify({
      pid: other.pid,
      command: other.command,
      startedAt: '2026-12-07T07:30:00.000Z',
    });
    const script = `import fs from 'node:fs';
      import { syncBuiltinESMExports } from 'node:module';
      const runFile = ${JSON.stringify(join(raceDir, 'npm-start.json'))};
      const exists = fs.existsSync;
      fs.existsSync = (path) => {
        const answer = exists(path);
        if (path === runFile) fs.writeFileSync(runFile, ${JSON.stringify(record)});
        return answer;
      };
      syncBuiltinESMExports();
      const m = await import(${JSON.stringify(RUN_FILE_LIB)});
      await m.claimRun(${JSON.stringify(raceDir)}, m.START);
      process.stdout.write('claimed');`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const code = await new Promise((r) => child.once('exit', r));
    const left = readFileSync(join(raceDir, 'npm-start.json'), 'utf8');
    rmSync(raceDir, { recursive: true, force: true });
    expect({ code, out }).toEqual({
      code: 1,
      out: expect.stringContaining(`npm start already runs on ${raceDir} (pid ${other.pid}`),
    });
    expect(left).toBe(record);
    expect(alive(other.child)).toBe(true);
  });
});
