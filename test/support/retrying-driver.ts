import { Api, Reply } from './api';
import { Cast } from './cast';
import { nominationFor, openTask, quarterlyReport, TO_SUPPORTING } from './lifecycle';
import { lifecycles } from './temporal';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * What the driver saw, for the reports: steps done, retried requests (by the status or error that
 * made them retry), requests in flight now, slowest step, the time of the last step done, and each
 * completion request's time (with its retries) as the client sees it, for the benchmark.
 */
export const stats = {
  completionMs: [] as number[],
  steps: 0,
  retries: 0,
  retriedBecause: {} as Record<string, number>,
  inFlight: 0,
  slowestStepMs: 0,
  lastStepAt: 0,
  /** Requests a client that never retries gave up on (an error or no answer in time). */
  abandoned: 0,
  /** Completions answered 200, by task: each must be in its workflow. */
  completed: [] as { creditCode: string; taskId: string }[],
};

/**
 * How clients behave: `retry` false is a browser closed on the first error or timeout — the
 * request is abandoned and the lifecycle is driven no further (test/faults' never-retry phases).
 */
export const clients = { retry: true };

/** A request a never-retrying client abandoned: its lifecycle stops there. */
export class Abandoned extends Error {}

/** How long a client keeps retrying: longer than any restart the fault tests inject. */
const GIVE_UP_MS = 180_000;
/**
 * How long a client waits for one answer before it gives up on it and sends the request again
 * (the first may still complete on the server: the Idempotency-Key makes the retry its echo).
 */
const ANSWER_TIMEOUT_MS = 8_000;

function answerWithin(request: Promise<Reply>): Promise<Reply> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('client timeout', { cause: { code: 'TIMEOUT' } })),
      ANSWER_TIMEOUT_MS,
    );
  });
  return Promise.race([request, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Sends a request the way a careful client does: a network error, a 5xx or no answer in time is
 * retried with backoff (with the same Idempotency-Key for completions, so a retry can never
 * complete a task twice).
 */
async function send(
  what: string,
  request: () => Promise<Reply>,
  accept: (r: Reply) => boolean,
): Promise<Reply> {
  const deadline = Date.now() + GIVE_UP_MS;
  for (let attempt = 1; ; attempt++) {
    let failure: string;
    let reason: string;
    stats.inFlight++;
    try {
      const r = await answerWithin(request());
      if (accept(r)) return r;
      failure = `${r.status} ${JSON.stringify(r.body)}`;
      reason = String(r.status);
      if (r.status < 500) throw new Error(`${what}: ${failure}`);
    } catch (e) {
      if ((e as Error).message.startsWith(what)) throw e;
      failure = (e as Error).message;
      reason = ((e as Error).cause as { code?: string })?.code ?? failure;
    } finally {
      stats.inFlight--;
    }
    if (!clients.retry) {
      stats.abandoned++;
      throw new Abandoned(`${what}: abandoned: ${failure}`);
    }
    if (Date.now() > deadline) throw new Error(`${what}: gave up after ${attempt} attempts: ${failure}`);
    stats.retries++;
    stats.retriedBecause[reason] = (stats.retriedBecause[reason] ?? 0) + 1;
    await sleep(Math.min(500 * attempt, 3000));
  }
}

async function waitForTask(api: Api, creditCode: string, type: string): Promise<any> {
  const deadline = Date.now() + (clients.retry ? GIVE_UP_MS : 60_000);
  for (;;) {
    // A failed read is retried like any request (counted by its reason, as send does).
    const task = await openTask(api, creditCode, type).catch((e: Error) => {
      const reason =
        /^inbox: (\d+)/.exec(e.message)?.[1] ?? (e.cause as { code?: string })?.code ?? e.message;
      stats.retriedBecause[`GET ${reason}`] = (stats.retriedBecause[`GET ${reason}`] ?? 0) + 1;
      return undefined;
    });
    if (task) return task;
    if (Date.now() > deadline) {
      if (!clients.retry) throw new Abandoned(`no open ${type} task for ${creditCode}: abandoned`);
      throw new Error(`no open ${type} task for ${creditCode} after ${GIVE_UP_MS / 1000} s`);
    }
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
        { 'idempotency-key': `drive-${task.id}` },
      ),
    (r) => r.status === 200,
  );
  stats.completionMs.push(Number(process.hrtime.bigint() - sent) / 1e6);
  stats.completed.push({ creditCode: cast.creditCode, taskId: task.id });
  stats.steps++;
  stats.lastStepAt = Date.now();
  stats.slowestStepMs = Math.max(stats.slowestStepMs, Date.now() - started);
}

async function nominate(cast: Cast): Promise<void> {
  let attempts = 0;
  await send(
    `nomination of ${cast.creditCode}`,
    () => (attempts++, cast.districtOfficer.api.post('/api/nominations', nominationFor(cast))),
    // A retried nomination that the first attempt already started answers 409: it is there.
    (r) => r.status === 201 || (attempts > 1 && r.status === 409),
  );
}

/** Signals the quarter tick as the quarterly dispatch does (a repeated tick is ignored). */
async function tickQuarter(cast: Cast, quarter: string): Promise<void> {
  const client = await lifecycles();
  await send(
    `quarter tick of ${cast.creditCode}`,
    () =>
      client
        .tickQuarter(cast.creditCode, { quarter, dispatchId: `drive-${quarter}` })
        .then(() => ({ status: 200, body: null })),
    () => true,
  );
}

/** Nomination → graduated, the same path as test/support/drive.ts, one entry a step. */
const STEPS: ((cast: Cast, quarter: string) => Promise<void>)[] = [
  (cast) => nominate(cast),
  ...TO_SUPPORTING.map(
    (step) => (cast: Cast) => complete(step.by(cast).api, cast, step.type, step.outcome, step.data(cast)),
  ),
  async (cast, quarter) => {
    await tickQuarter(cast, quarter);
    await complete(cast.enterprise.api, cast, 'QUARTERLY_REPORT', 'submit', quarterlyReport(quarter));
  },
  (cast) =>
    complete(cast.industry.api, cast, 'QUARTERLY_REVIEW', 'recommend_graduation', { comment: '倍增' }),
  (cast) => complete(cast.coordinator.api, cast, 'GRADUATION_REVIEW', 'graduate', { reason: 'doubled' }),
];

/** Steps of a lifecycle from nomination to graduation. */
export const STEPS_PER_LIFECYCLE = STEPS.length;

/**
 * Drives steps `from` (0: the nomination) up to, not including, `to` of the path to graduation,
 * tolerant of the worker, Temporal or PostgreSQL going away meanwhile.
 */
export async function driveSteps(
  cast: Cast,
  from: number,
  to: number,
  quarter = '2026Q3',
  onStep: () => void = () => {},
): Promise<void> {
  for (let i = from; i < to; i++) {
    await STEPS[i](cast, quarter);
    onStep();
  }
}

/** The steps up to and including the diagnosis: the enterprise is then in `supporting`. */
const SUPPORTING_AT = 1 + TO_SUPPORTING.length;

/** Nomination → supporting (members for the quarterly dispatch). */
export function driveToSupporting(cast: Cast, onStep: () => void = () => {}): Promise<void> {
  return driveSteps(cast, 0, SUPPORTING_AT, undefined, onStep);
}

/** Nomination → graduated. */
export function driveToGraduation(
  cast: Cast,
  quarter = '2026Q3',
  onStep: () => void = () => {},
): Promise<void> {
  return driveSteps(cast, 0, STEPS_PER_LIFECYCLE, quarter, onStep);
}

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
