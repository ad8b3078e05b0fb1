import { Api, Reply } from '../support/api';
import { Cast } from '../support/cast';
import { JUDGMENTS, nominationFor, openTask, PORTRAIT, problem, quarterlyReport } from '../support/lifecycle';
import { temporalClient } from '../support/temporal';
import { quarterTickSignal } from '@hardtech/temporal/lifecycle.contract';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * What the driver saw, for the report: steps done, retried requests, slowest step, and the time of
 * each completion request (with its retries) as the client sees it, for the benchmark.
 */
export const stats = { steps: 0, retries: 0, slowestStepMs: 0, completionMs: [] as number[] };

/**
 * Sends a request the way a careful client does: a network error or a 5xx is retried (with the
 * same Idempotency-Key for completions, so a retry can never complete a task twice).
 */
async function send(
  what: string,
  request: () => Promise<Reply>,
  accept: (r: Reply) => boolean,
): Promise<Reply> {
  for (let attempt = 1; ; attempt++) {
    let failure: string;
    try {
      const r = await request();
      if (accept(r)) return r;
      failure = `${r.status} ${JSON.stringify(r.body)}`;
      if (r.status < 500) throw new Error(`${what}: ${failure}`);
    } catch (e) {
      if ((e as Error).message.startsWith(what)) throw e;
      failure = (e as Error).message;
    }
    if (attempt >= 8) throw new Error(`${what}: gave up after ${attempt} attempts: ${failure}`);
    stats.retries++;
    await sleep(500 * attempt);
  }
}

async function waitForTask(api: Api, creditCode: string, type: string): Promise<any> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const task = await openTask(api, creditCode, type).catch(() => undefined);
    if (task) return task;
    if (Date.now() > deadline) throw new Error(`no open ${type} task for ${creditCode} after 120 s`);
    await sleep(250);
  }
}

async function complete(
  api: Api,
  cast: Cast,
  type: string,
  outcome: string,
  data: object = {},
): Promise<void> {
  const started = Date.now();
  const task = await waitForTask(api, cast.creditCode, type);
  const sent = process.hrtime.bigint();
  await send(
    `${type} of ${cast.creditCode}`,
    () =>
      api.post(
        `/api/tasks/${task.id}/complete`,
        { outcome, data },
        { 'idempotency-key': `cluster-${task.id}` },
      ),
    (r) => r.status === 200,
  );
  stats.completionMs.push(Number(process.hrtime.bigint() - sent) / 1e6);
  stats.steps++;
  stats.slowestStepMs = Math.max(stats.slowestStepMs, Date.now() - started);
}

/** Nomination → supporting, the same path as test/support/drive.ts, tolerant of a worker dying. */
export async function driveToSupporting(cast: Cast, onStep: () => void = () => {}): Promise<void> {
  let attempts = 0;
  await send(
    `nomination of ${cast.creditCode}`,
    () => (attempts++, cast.districtOfficer.api.post('/api/nominations', nominationFor(cast))),
    // A retried nomination that the first attempt already started answers 409: it is there.
    (r) => r.status === 201 || (attempts > 1 && r.status === 409),
  );
  onStep();
  await complete(cast.coordinator.api, cast, 'SCREEN', 'pass', { judgments: JUDGMENTS });
  onStep();
  await complete(cast.districtOfficer.api, cast, 'DISTRICT_FEEDBACK', 'support', { opinion: '同意' });
  onStep();
  await complete(cast.enterprise.api, cast, 'ENTERPRISE_CONFIRM', 'confirm');
  onStep();
  await complete(cast.coordinator.api, cast, 'ADMIT', 'admit', {
    leadCluster: cast.cluster,
    commissioner: cast.commissioner.username,
    districtLiaison: cast.districtOfficer.username,
  });
  onStep();
  await complete(cast.commissioner.api, cast, 'DIAGNOSE', 'submit', {
    portrait: PORTRAIT,
    problems: [problem()],
  });
  onStep();
}

/** Nomination → graduated, through one quarter. */
export async function driveToGraduation(
  cast: Cast,
  quarter = '2026Q3',
  onStep: () => void = () => {},
): Promise<void> {
  await driveToSupporting(cast, onStep);
  const handle = (await temporalClient()).workflow.getHandle(`enterprise/${cast.creditCode}`);
  await send(
    `quarter tick of ${cast.creditCode}`,
    () =>
      handle
        .signal(quarterTickSignal, { quarter, dispatchId: `cluster-${quarter}` })
        .then(() => ({ status: 200, body: null })),
    () => true,
  );
  await complete(cast.enterprise.api, cast, 'QUARTERLY_REPORT', 'submit', quarterlyReport(quarter));
  onStep();
  await complete(cast.industry.api, cast, 'QUARTERLY_REVIEW', 'recommend_graduation', { comment: '倍增' });
  onStep();
  await complete(cast.coordinator.api, cast, 'GRADUATION_REVIEW', 'graduate', { reason: 'doubled' });
  onStep();
}

/** Steps driveToGraduation reports through onStep. */
export const STEPS_PER_LIFECYCLE = 9;

/** Runs `work` over `items`, at most `limit` at a time. */
export async function inParallel<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    // After one failure the other lanes finish their item and stop, so the test reports at once.
    while (next < items.length && !failed) {
      try {
        await work(items[next++]);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  });
  await Promise.all(lanes);
}
