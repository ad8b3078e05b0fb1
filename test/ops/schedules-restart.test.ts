import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { ensureSchedules, grpcCodeOf, QUARTERLY_SCHEDULE_ID } from '@hardtech/temporal';
import { freePort } from './processes';

// The worker ensures the schedules at every start (libs/temporal/src/schedules.ts). On a restart
// they exist, so it updates them, and an update describes the schedule first: the server answers
// that by querying the schedule's own workflow, which runs on its internal per-namespace worker.
// Until that worker has the workflow again (a server just restarted, a busy one) the describe
// fails with DEADLINE_EXCEEDED, "Failed to describe schedule" in the worker's log, and the
// worker, which did not try again, stopped. A dev server of the test's own, on a file database
// like npm start's, plays it: started without that internal worker, then restarted with it.
jest.setTimeout(180_000);

const TASK_QUEUE = 'schedules-restart';
const DAY_MS = 86_400_000;
const cli = process.env.TEMPORAL_CLI;
const dir = mkdtempSync(join(tmpdir(), 'schedules-restart-'));
let server: ChildProcess | null = null;
let connection: Connection | null = null;

async function startServer(port: number, { schedulesRun }: { schedulesRun: boolean }): Promise<void> {
  if (!cli) throw new Error('TEMPORAL_CLI is not set (npm test sets it)');
  const args = ['server', 'start-dev', '--db-filename', join(dir, 'temporal.db'), '--ip', '127.0.0.1'];
  args.push('--port', String(port), '--headless', '--log-level', 'error');
  if (!schedulesRun) args.push('--dynamic-config-value', 'worker.perNamespaceWorkerCount=0');
  server = spawn(cli, args, { stdio: 'ignore' });
  const address = `127.0.0.1:${port}`;
  for (const until = Date.now() + 60_000; Date.now() < until;) {
    if (spawnSync(cli, ['operator', 'cluster', 'health', '--address', address]).status === 0) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no Temporal dev server on ${address}`);
}

async function stopServer(): Promise<void> {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

afterAll(async () => {
  await connection?.close();
  await stopServer();
  rmSync(dir, { recursive: true, force: true });
});

describe('the schedules at a worker start, on a Temporal server that was restarted', () => {
  let port: number;
  let client: Client;

  beforeAll(async () => {
    port = await freePort();
    await startServer(port, { schedulesRun: false });
    connection = await Connection.connect({ address: `127.0.0.1:${port}` });
    client = new Client({ connection });
  });

  it('are updated once the server can describe them, the failed attempts tried again', async () => {
    expect(await ensureSchedules(client, TASK_QUEUE)).toEqual({
      'quarterly-dispatch': 'created',
      'daily-digest': 'created',
      'annual-review': 'created',
    });

    // A worker starting now: the schedules exist, and the server cannot describe them.
    const retries: { scheduleId: string; code?: number }[] = [];
    let firstRetry!: () => void;
    const retried = new Promise<void>((r) => (firstRetry = r));
    const ensured = ensureSchedules(client, TASK_QUEUE, {
      attemptTimeoutMs: 3_000,
      onRetry: ({ scheduleId, error }) => {
        retries.push({ scheduleId, code: grpcCodeOf(error) });
        firstRetry();
      },
    });
    ensured.catch(() => firstRetry()); // without retries the first failure ends the wait too
    await retried;
    // …until the server has its internal worker again (a restart on the same database).
    await stopServer();
    await startServer(port, { schedulesRun: true });

    expect(await ensured).toEqual({
      'quarterly-dispatch': 'updated',
      'daily-digest': 'updated',
      'annual-review': 'updated',
    });
    // The describe that could not be answered, then maybe the server away. Past the attempt's
    // deadline the client reads DEADLINE_EXCEEDED (4), or CANCELLED (1) when the server's own copy
    // of that deadline ran out first (a loaded full run, 7 December): both are asked again.
    expect(retries[0].scheduleId).toBe(QUARTERLY_SCHEDULE_ID);
    expect([4, 1]).toContain(retries[0].code);
    expect(retries.every((r) => [4, 1, 14].includes(r.code!))).toBe(true);
  });

  it('are ensured by workers starting side by side, an operator’s pause kept', async () => {
    await client.schedule.getHandle(QUARTERLY_SCHEDULE_ID).pause('paused by the operator');
    const workers = await Promise.all(
      [1, 2, 3].map(() => ensureSchedules(client, `${TASK_QUEUE}-2`, { attemptTimeoutMs: 10_000 })),
    );
    for (const ensured of workers) expect(Object.values(ensured)).toEqual(['updated', 'updated', 'updated']);
    const quarterly = await client.schedule.getHandle(QUARTERLY_SCHEDULE_ID).describe();
    expect(quarterly.state).toMatchObject({ paused: true, note: 'paused by the operator' });
    expect(quarterly.action).toMatchObject({ taskQueue: `${TASK_QUEUE}-2` });
    expect(quarterly.policies).toMatchObject({ overlap: 'SKIP', catchupWindow: DAY_MS });
  });
});
