import { lifecycleWorkflowId } from '@hardtech/temporal/lifecycle.contract';
import { Reply } from './api';
import { Cast, freshCreditCode } from './cast';
import { db } from './db';
import { expectOk, nominationFor } from './lifecycle';
import { lifecycles, temporalClient } from './temporal';

/** An Update the workflow accepted (its validator passed), and how its handler ended. */
export interface AcceptedUpdate {
  name: string;
  req: any;
  /** The domain code of a handler's refusal; null when it succeeded; undefined while running. */
  refused: string | null | undefined;
}

const text = (p: { data?: Uint8Array | null }) => Buffer.from(p.data ?? []).toString();

/** The Updates the workflow accepted, in order, with their requests and outcomes (from its history). */
export async function acceptedUpdates(creditCode: string): Promise<AcceptedUpdate[]> {
  const handle = (await temporalClient()).workflow.getHandle(lifecycleWorkflowId(creditCode));
  const events = (await handle.fetchHistory()).events!;
  const byId = new Map<string, AcceptedUpdate>();
  for (const e of events) {
    const accepted = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
    if (accepted) {
      const payload = accepted.input?.args?.payloads?.[0];
      byId.set(accepted.meta!.updateId!, {
        name: accepted.input!.name!,
        req: payload ? JSON.parse(text(payload)) : null,
        refused: undefined,
      });
    }
    const completed = e.workflowExecutionUpdateCompletedEventAttributes;
    const update = completed && byId.get(completed.meta!.updateId!);
    if (update) {
      const failure = completed!.outcome?.failure;
      const detail = failure?.applicationFailureInfo?.details?.payloads?.[0];
      update.refused = failure ? (detail ? JSON.parse(text(detail)).code : failure.message!) : null;
    }
  }
  return [...byId.values()];
}

/** The accepted Updates of a round: those naming one of the raced tasks. */
export async function acceptedOn(creditCode: string, taskIds: string[], names: string[]) {
  return (await acceptedUpdates(creditCode)).filter(
    (u) => names.includes(u.name) && taskIds.includes(u.req?.taskId),
  );
}

/**
 * Nothing lost or twice: the open tasks in the database, in a city coordinator's inbox (who sees
 * every task of the enterprise) and in the workflow's state are the same, and no step is open twice.
 */
export async function expectOneTruth(
  creditCode: string,
  coordinator: { get: (p: string) => Promise<Reply> },
) {
  const rows = await db().query(
    `SELECT id, type, assignee FROM tasks WHERE credit_code = $1 AND status = 'open' ORDER BY id`,
    [creditCode],
  );
  const inbox = await expectOk(coordinator.get(`/api/tasks?creditCode=${creditCode}&view=all&pageSize=100`));
  const state = await (await lifecycles()).state(creditCode);
  const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
  const dbTasks = rows.rows.map((r: any) => ({ id: r.id, type: r.type, assignee: r.assignee ?? null }));
  const wfTasks = state.openTasks.map((t) => ({ id: t.id, type: t.type, assignee: t.assignee ?? null }));
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  expect(dbTasks.sort(byId)).toEqual(wfTasks.sort(byId));
  expect(ids(inbox.items)).toEqual(ids(dbTasks));
  const keys = state.openTasks.map((t) => t.key);
  expect(new Set(keys).size).toBe(keys.length);
  return { state, open: dbTasks };
}

/** A closed task's status and outcome in the read model. */
export async function statusOf(taskId: string): Promise<{ status: string; outcome: string | null }> {
  const r = await db().query(`SELECT status, outcome FROM tasks WHERE id = $1`, [taskId]);
  return r.rows[0];
}

/** Another enterprise nominated in the cast's district: the same officers, a fresh lifecycle. */
export async function nominateAnother(c: Cast): Promise<Cast> {
  const next = { ...c, creditCode: freshCreditCode() };
  await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(next)), 201);
  return next;
}

/** One 200/201 and one 409: the winner's index and the loser's code. */
export function oneWins(a: Reply, b: Reply): { winner: 0 | 1; loser: string } {
  const ok = (r: Reply) => r.status === 200 || r.status === 201;
  const statuses = [a, b].map((r) => [r.status, r.body?.code ?? 'ok']);
  expect(statuses.filter(([s]) => ok({ status: s as number, body: null }))).toHaveLength(1);
  const loser = ok(a) ? b : a;
  expect(loser.status).toBe(409);
  expect(typeof loser.body.message).toBe('string');
  return { winner: ok(a) ? 0 : 1, loser: loser.body.code };
}
