import { Actor, nominatorGroups } from '@hardtech/domain';
import { domainErrorFrom } from '@hardtech/temporal/failures';
import { completionUpdateId } from '@hardtech/temporal/update-ids';
import type { LifecycleView, TaskView } from '@hardtech/temporal/lifecycle.contract';
import { Cast, Member } from '../test/support/cast';
import { nominationFor, TO_SUPPORTING } from '../test/support/lifecycle';
import { inParallel } from '../test/support/retrying-driver';
import { lifecycles } from '../test/support/temporal';
import { readActivePolicy } from './active-policy';

/** How the fan-out's members were made, for the report. */
export interface MembersRun {
  members: number;
  concurrency: number;
  /** Nominations and completions sent as Updates. */
  updates: number;
  seconds: number;
  /** Updates sent again after a transient error (same Update id: never applied twice). */
  retries: number;
  /** The retries by the error that made them. */
  retriedBecause: Record<string, number>;
}

/** Tries per Update before the preparation fails: enough for a busy server's timeouts. */
const ATTEMPTS = 5;

/**
 * The fan-out's members, driven to `supporting` as the API drives them but without HTTP: the
 * nomination is `LifecycleClient.start` and each step `LifecycleClient.complete`, with the input the
 * API builds (the officer's actor as `GET /api/me` answers it, the nominator's groups, lifecycle 1).
 * Every transition is the workflow's own, projected by its own activities (read model, pool seat,
 * search attributes), so a member is what a driven member is. Skipped: the API's reads before an
 * Update (its inbox look-ups, scope and reference checks), which make the HTTP path ~3× slower
 * and which the fan-out never touches. The policy is read once, as the API reads it, and carried.
 */
export async function prepareMembers(
  casts: Cast[],
  concurrency: number,
  progress: (line: string) => void = () => {},
): Promise<MembersRun> {
  const client = await lifecycles();
  const actors = await actorsOf(casts);
  const policy = await readActivePolicy();
  let updates = 0;
  let retries = 0;
  const retriedBecause: Record<string, number> = {};
  const withRetries = async <T>(what: string, send: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await send();
        updates++;
        return answer;
      } catch (e) {
        // A refusal is the workflow's answer: sending it again cannot change it.
        if (domainErrorFrom(e) || attempt >= ATTEMPTS) throw new Error(`${what}: ${(e as Error).message}`);
        retries++;
        const reason = (e as Error).constructor.name;
        retriedBecause[reason] = (retriedBecause[reason] ?? 0) + 1;
        await new Promise((r) => setTimeout(r, 500 * attempt));
      }
    }
  };

  const started = Date.now();
  let done = 0;
  await inParallel(casts, concurrency, async (cast) => {
    const nominator = actors.get(cast.districtOfficer.username)!;
    const nomination = nominationFor(cast);
    // A retried start whose first attempt started the run answers null: wait for it to open.
    const opened: LifecycleView = await withRetries(
      `nomination of ${cast.creditCode}`,
      async () =>
        (await client.start({
          nomination,
          nominatedBy: nominator,
          nominatorGroups: nominatorGroups(nominator, nomination.district, nomination.creditCode),
          lifecycleNo: 1,
        })) ?? openedView(() => client.state(cast.creditCode)),
    );
    const open = new Map<string, TaskView>(opened.openTasks.map((t) => [t.type, t]));
    for (const step of TO_SUPPORTING) {
      const task = open.get(step.type);
      if (!task) throw new Error(`${cast.creditCode}: no open ${step.type} (open: ${[...open.keys()]})`);
      const actor = actors.get(step.by(cast).username)!;
      // With an Idempotency-Key, as the driver sends it, and the Update id the API derives from it.
      const body = { outcome: step.outcome, data: step.data(cast) };
      const idempotencyKey = `drive-${task.id}`;
      const answer = await withRetries(`${step.type} of ${cast.creditCode}`, () =>
        client.complete(
          cast.creditCode,
          { taskId: task.id, ...body, actor, idempotencyKey, policy },
          completionUpdateId(task.id, actor.username, idempotencyKey, body),
        ),
      );
      open.delete(step.type);
      for (const next of answer.nextTasks) open.set(next.type, next);
      if (step === TO_SUPPORTING[TO_SUPPORTING.length - 1] && answer.stage !== 'supporting') {
        throw new Error(`${cast.creditCode}: ${answer.stage} after ${step.type}, not supporting`);
      }
    }
    // A long preparation says how far it is, so a slow machine is seen before the run ends.
    if (++done % 500 === 0) progress(`${done} members in supporting after ${elapsed(started)} s`);
  });
  return {
    members: casts.length,
    concurrency,
    updates,
    seconds: (Date.now() - started) / 1000,
    retries,
    retriedBecause,
  };
}

/** The lifecycle's view once its first workflow task has opened it (its context is set then). */
async function openedView(state: () => Promise<LifecycleView>): Promise<LifecycleView> {
  for (let tries = 0; tries < 120; tries++) {
    const view = await state();
    if (view.context) return view;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('not opened within a minute');
}

function elapsed(since: number): number {
  return Math.round((Date.now() - since) / 1000);
}

/** Each cast member's actor as the API builds it from their token (`GET /api/me`). */
async function actorsOf(casts: Cast[]): Promise<Map<string, Actor>> {
  const members = new Map<string, Member>();
  for (const cast of casts) {
    for (const m of [cast.districtOfficer, cast.coordinator, cast.enterprise, cast.commissioner]) {
      members.set(m.username, m);
    }
  }
  const actors = new Map<string, Actor>();
  await inParallel([...members.values()], 10, async (m) => {
    const me = await m.api.get('/api/me');
    if (me.status !== 200) throw new Error(`GET /api/me of ${m.username}: ${me.status}`);
    const { mustChangePassword: _, ...actor } = me.body as Actor & { mustChangePassword?: boolean };
    actors.set(m.username, actor);
  });
  return actors;
}

/** The report's sentence on how the members were made. */
export function membersMadeBy(run: MembersRun): string {
  return (
    `The ${run.members} members were nominated and driven to supporting (screening, feedback, admission, ` +
    `diagnosis) by Temporal Updates through LifecycleClient, as the API sends them but without HTTP, ` +
    `${run.concurrency} at a time: ${run.updates} Updates in ${Math.round(run.seconds)} s ` +
    `(${Math.round((run.updates / run.seconds) * 10) / 10}/s, ${run.retries} sent again` +
    `${run.retries ? `: ${JSON.stringify(run.retriedBecause)}` : ''}).`
  );
}
