import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { lifecycleWorkflowId } from '@hardtech/temporal/lifecycle.contract';
import { STAGE } from '@hardtech/temporal/search-attributes';
import { Api } from '../support/api';
import { ADMIN, Cast } from '../support/cast';
import { createLoadCasts } from '../support/load-casts';
import { closeDb, db } from '../support/db';
import { closeTemporal, temporalClient } from '../support/temporal';
import { driveToGraduation, inParallel, stats, STEPS_PER_LIFECYCLE } from '../support/retrying-driver';

// Issue 8, "done when": the cluster profile (a real Temporal server on PostgreSQL, two workers, two
// API processes behind nginx) takes LIFECYCLES enterprises to graduation while one worker is
// killed with SIGKILL half-way; every lifecycle must end correct: graduated in the API, completed
// in Temporal, exactly the right tasks in PostgreSQL, histories that replay. Issue 22: nginx keeps
// answering while one API process is killed and another restarts.
const LIFECYCLES = Number(process.env.CLUSTER_LIFECYCLES ?? 50);
const CONCURRENCY = Number(process.env.CLUSTER_CONCURRENCY ?? 25);
const EXPECTED_TASKS = [
  'ADMIT',
  'DIAGNOSE',
  'DISTRICT_FEEDBACK',
  'ENTERPRISE_CONFIRM',
  'GRADUATION_REVIEW',
  'QUARTERLY_REPORT',
  'QUARTERLY_REVIEW',
  'SCREEN',
];
const BUNDLE = { workflowBundle: { codePath: join(__dirname, '../../dist/workflow-bundle.js') } };

interface ProcessState {
  workers: { name: string; pid: number; restarts: number; httpPort: number }[];
  apis: { name: string; pid: number; restarts: number; port: number }[];
}
type ApiProcess = ProcessState['apis'][number];

/** Waits until the supervisor has replaced API process `i` (new pid) and the new one is ready. */
async function replaced(i: number, old: ApiProcess): Promise<ApiProcess> {
  for (let n = 0; n < 120; n++) {
    const now = processes().apis[i];
    if (now.pid !== old.pid) {
      const ready = await fetch(`http://127.0.0.1:${now.port}/api/health/ready`).catch(() => null);
      if (ready?.ok) return now;
    }
    await sleep(500);
  }
  throw new Error(`${old.name} was not started again`);
}
const processes = (): ProcessState => JSON.parse(readFileSync(process.env.CLUSTER_STATE_FILE!, 'utf8'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

jest.setTimeout(20 * 60_000);

describe(`cluster profile: ${LIFECYCLES} lifecycles across two workers, one killed mid-way`, () => {
  const casts: Cast[] = [];
  const figures: Record<string, unknown> = {};
  let killed: { pid: number; atStep: number; atMs: number } | undefined;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') }); // the replayer's own chatter
    const started = Date.now();
    casts.push(...(await createLoadCasts(LIFECYCLES)));
    figures.setupSeconds = (Date.now() - started) / 1000;
  });

  afterAll(async () => {
    console.log(`cluster run: ${JSON.stringify({ ...figures, ...stats, killed }, null, 2)}`);
    await closeTemporal();
    await closeDb();
  });

  it('drives every lifecycle to graduation while worker-1 is killed with SIGKILL and comes back', async () => {
    const before = processes();
    expect(before.workers).toHaveLength(2);
    expect(before.apis).toHaveLength(2);
    const victim = before.workers[0];
    const total = LIFECYCLES * STEPS_PER_LIFECYCLE;
    let done = 0;
    const onStep = () => {
      done++;
      if (!killed && done >= total / 2) {
        process.kill(victim.pid, 'SIGKILL');
        killed = { pid: victim.pid, atStep: done, atMs: Date.now() };
      }
    };
    const started = Date.now();
    await inParallel(casts, CONCURRENCY, (cast) => driveToGraduation(cast, '2026Q3', onStep));
    figures.driveSeconds = (Date.now() - started) / 1000;
    figures.lifecyclesPerMinute = Math.round((LIFECYCLES / (Date.now() - started)) * 60_000);

    expect(killed).toBeDefined();
    expect(done).toBe(total);
    // The supervisor started worker-1 again; it is a new process and polls again.
    let after = processes();
    for (let i = 0; i < 60 && after.workers[0].pid === victim.pid; i++) {
      await sleep(500);
      after = processes();
    }
    expect(after.workers[0].pid).not.toBe(victim.pid);
    expect(after.workers[0].restarts).toBe(victim.restarts + 1);
    const ready = await fetch(`http://127.0.0.1:${after.workers[0].httpPort}/health/ready`);
    expect(ready.status).toBe(200);
  });

  it('shows every lifecycle graduated in the API', async () => {
    const stages = await Promise.all(
      casts.map(async (c) => (await c.coordinator.api.get(`/api/enterprises/${c.creditCode}`)).body.stage),
    );
    expect(stages).toEqual(casts.map(() => 'graduated'));
  });

  it('has exactly the right tasks in PostgreSQL: none lost, none duplicated, all done', async () => {
    const codes = casts.map((c) => c.creditCode);
    const { rows } = await db().query(
      `SELECT credit_code, array_agg(type ORDER BY type) AS types, count(DISTINCT id)::int AS ids,
              bool_and(status = 'done') AS all_done, count(*) FILTER (WHERE completed_by IS NULL)::int AS unsigned
         FROM tasks WHERE credit_code = ANY($1) GROUP BY credit_code`,
      [codes],
    );
    const byCode = new Map(rows.map((r) => [r.credit_code, r]));
    expect(byCode.size).toBe(LIFECYCLES);
    for (const code of codes) {
      expect({ code, ...byCode.get(code) }).toEqual({
        code,
        credit_code: code,
        types: EXPECTED_TASKS,
        ids: EXPECTED_TASKS.length,
        all_done: true,
        unsigned: 0,
      });
    }
    const { rows: enterprises } = await db().query(
      `SELECT count(*)::int AS n FROM enterprises WHERE credit_code = ANY($1) AND stage = 'graduated'`,
      [codes],
    );
    expect(enterprises[0].n).toBe(LIFECYCLES);
  });

  it('has consistent histories: completed, graduated, no failed workflow task, replayable, both workers used', async () => {
    const client = await temporalClient();
    const identities = new Map<string, number>();
    let timedOut = 0;
    const histories = [];
    for (const cast of casts) {
      const handle = client.workflow.getHandle(lifecycleWorkflowId(cast.creditCode));
      const description = await handle.describe();
      expect({
        id: handle.workflowId,
        status: description.status.name,
        stage: description.typedSearchAttributes.get(STAGE),
      }).toEqual({ id: handle.workflowId, status: 'COMPLETED', stage: 'graduated' });
      const history = await handle.fetchHistory();
      for (const e of history.events ?? []) {
        const identity = e.workflowTaskCompletedEventAttributes?.identity;
        if (identity) identities.set(identity, (identities.get(identity) ?? 0) + 1);
        if (e.workflowTaskTimedOutEventAttributes) timedOut++;
        expect(e.workflowTaskFailedEventAttributes ?? null).toBeNull();
      }
      histories.push({ workflowId: handle.workflowId, history });
    }
    figures.workflowTasksByWorker = Object.fromEntries(identities);
    figures.workflowTaskTimeouts = timedOut;
    // Before the kill both original workers did work; after it, the restarted one joins.
    const pids = [...identities.keys()].map((id) => Number(id.split('@')[0]));
    expect(pids).toEqual(expect.arrayContaining([killed!.pid, processes().workers[1].pid]));
    // One of them, exported as operators do, can join test/histories as a production-like record.
    const out = join(process.env.CLUSTER_DATA_DIR!, 'histories');
    mkdirSync(out, { recursive: true });
    const exported = execFileSync(process.env.TEMPORAL_CLI!, [
      'workflow',
      'show',
      '--workflow-id',
      histories[0].workflowId,
      '--output',
      'json',
      '--address',
      process.env.TEMPORAL_ADDRESS!,
      '--namespace',
      process.env.TEMPORAL_NAMESPACE!,
    ]);
    writeFileSync(join(out, 'graduation-cluster.json'), exported);
    expect(JSON.parse(exported.toString()).events.length).toBe(histories[0].history.events!.length);
    for await (const result of Worker.runReplayHistories(BUNDLE, histories)) {
      expect({ workflowId: result.workflowId, error: result.error ?? null }).toEqual({
        workflowId: result.workflowId,
        error: null,
      });
    }
  });

  it('answers every request through nginx while api-1 is killed and api-2 restarts', async () => {
    const api = casts[0].coordinator.api;
    let phase = 'before';
    const seen: Record<string, Record<string, number>> = {};
    const count = (what: string) => {
      seen[phase] ??= {};
      seen[phase][what] = (seen[phase][what] ?? 0) + 1;
    };
    let running = true;
    // A read and a write (refused as invalid by whichever API process gets it: 400, never 5xx).
    const client = async () => {
      while (running) {
        count(`GET ${(await api.get('/api/me')).status}`);
        count(`POST ${(await api.post('/api/nominations', {})).status}`);
      }
    };
    const clients = Array.from({ length: 6 }, client);
    await sleep(1000);
    const [first, second] = processes().apis;
    phase = 'api-1 killed';
    process.kill(first.pid, 'SIGKILL');
    await replaced(0, first);
    await sleep(1000);
    phase = 'api-2 restarting';
    process.kill(second.pid, 'SIGTERM');
    await replaced(1, second);
    await sleep(1000);
    running = false;
    await Promise.all(clients);
    figures.requestsThroughNginx = seen;

    const statuses = (p: string) => Object.keys(seen[p]).sort();
    expect(statuses('api-2 restarting')).toEqual(['GET 200', 'POST 400']);
    // A POST already sent to the process at the instant of SIGKILL cannot be passed on (it may
    // have been executed): those few answer 502; reads are passed on to the other process.
    expect(statuses('api-1 killed').filter((s) => s !== 'POST 502')).toEqual(['GET 200', 'POST 400']);
    expect(seen['api-1 killed']['POST 502'] ?? 0).toBeLessThanOrEqual(clients.length);
    expect(seen['api-1 killed']['GET 200']).toBeGreaterThan(20);
    expect(seen['api-2 restarting']['GET 200']).toBeGreaterThan(20);
  });

  it('serves the Temporal UI through nginx only to an administrator, and the server metrics', async () => {
    const through = `${process.env.API_URL}/temporal/`;
    expect((await fetch(through)).status).toBe(401);
    const admin = await Api.login(ADMIN.username, ADMIN.password);
    const session = await fetch(`${process.env.API_URL}/api/ops/temporal-ui/session`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const cookie = session.headers.get('set-cookie')!.split(';')[0];
    const page = await fetch(through, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
  });

  it('serves the Temporal UI and the server metrics of the profile', async () => {
    const ui = await fetch(process.env.TEMPORAL_UI_URL!);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('<html');
    const metrics = await (await fetch(process.env.TEMPORAL_SERVER_METRICS_URL!)).text();
    expect(metrics).toMatch(/^persistence_requests\{/m);
  });
});
