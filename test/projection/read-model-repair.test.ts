import { randomUUID } from 'node:crypto';
import { loadConfig } from '@hardtech/config';
import {
  appendAuditEvent,
  auditChainKeyOf,
  InboxMovedOn,
  readModelDiff,
  ReadModelRepairRepository,
} from '@hardtech/persistence';
import type { LifecycleView } from '@hardtech/temporal/lifecycle.contract';
import { Cast, createCast } from '../support/cast';
import { closeDb, db, inTransaction, openDataSource, Sql } from '../support/db';
import { eventually, expectOk, JUDGMENTS, nominationFor, openTask } from '../support/lifecycle';
import { closeTemporal, lifecycles } from '../support/temporal';

// The read model under faults (docs/design.md): a workflow task that projected and was then lost
// leaves the inbox ahead of the workflow. Here the database is put in exactly that state — the
// task shown done, the tasks its completion opened, the transition number moved on — and the
// worker's read-model repair must make the inbox equal to the workflow again, re-sending the
// completion when the workflow takes it and reopening the task (its author told) when it does not.
// A district and cluster of its own.
const DISTRICT = '500236';
const CLUSTER = 'T3';

// In a full run the repair also works through the sweep's suspects of every other test file.
const HEAL_MS = 60_000;
jest.setTimeout(240_000);

let cast: Cast;

beforeAll(async () => {
  cast = await createCast(DISTRICT, CLUSTER);
  await expectOk(cast.districtOfficer.api.post('/api/nominations', nominationFor(cast)), 201);
});

afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

async function state(): Promise<LifecycleView> {
  return (await lifecycles()).state(cast.creditCode);
}

/** An open task no workflow opened, in the lifecycle of task `beside`: what a lost transition projected. */
async function insertOrphan(beside: string, on: Sql = db()): Promise<string> {
  const orphan = randomUUID();
  await on.query(
    `INSERT INTO tasks (id, workflow_id, credit_code, lifecycle_no, type, stage, state_key, candidate_groups,
       status, enterprise_name, district, cluster, policy_version, created_at, due_at, department)
     SELECT $2, workflow_id, credit_code, lifecycle_no, 'ENTERPRISE_CONFIRM', stage, 'orphan', candidate_groups,
       'open', enterprise_name, district, cluster, policy_version, now(), due_at, department
     FROM tasks WHERE id = $1`,
    [beside, orphan],
  );
  return orphan;
}

/**
 * What a lost workflow task leaves: the task done in the inbox, an orphan opened, the transition
 * counted. In one transaction, as the projection wrote them: the worker's sweep compares this
 * enterprise too (a person moved it a moment ago), and in a full run it once compared it half
 * written, repairing it in two goes that the first audit event did not show as one.
 */
async function loseCompletion(
  taskId: string,
  by: string,
  outcome: string,
  data: object,
  key: string,
  of: Cast = cast,
) {
  return inTransaction(async (sql) => {
    await sql.query(
      `UPDATE tasks SET status = 'done', outcome = $2, data = $3, completed_by = $4, completed_at = now(),
         idempotency_key = $5 WHERE id = $1`,
      [taskId, outcome, JSON.stringify(data), by, key],
    );
    const orphan = await insertOrphan(taskId, sql);
    await sql.query(
      `UPDATE enterprises SET projection_seq = projection_seq + 1, stage = 'feedback' WHERE credit_code = $1`,
      [of.creditCode],
    );
    // The API notes an Update that failed without the workflow's answer; the repair takes it.
    await sql.query(
      `INSERT INTO read_model_suspects (credit_code, reason) VALUES ($1, 'update_failed') ON CONFLICT DO NOTHING`,
      [of.creditCode],
    );
    return orphan;
  });
}

async function inboxAgrees(view: LifecycleView): Promise<boolean> {
  const { rows: open } = await db().query(
    `SELECT id FROM tasks WHERE credit_code = $1 AND lifecycle_no = $2 AND status = 'open' ORDER BY id`,
    [cast.creditCode, view.lifecycleNo],
  );
  const { rows: enterprise } = await db().query(
    `SELECT stage, projection_seq FROM enterprises WHERE credit_code = $1`,
    [cast.creditCode],
  );
  return (
    JSON.stringify(open.map((r) => r.id)) === JSON.stringify(view.openTasks.map((t) => t.id).sort()) &&
    enterprise[0].stage === view.stage &&
    enterprise[0].projection_seq === view.transitions
  );
}

async function auditEvents(action: string, of: Cast = cast) {
  const { rows } = await db().query(
    `SELECT data FROM audit_events WHERE action = $1 AND credit_code = $2 ORDER BY seq`,
    [action, of.creditCode],
  );
  return rows.map((r) => r.data);
}

describe('read-model repair', () => {
  it('re-sends a completion the workflow never received, under the Update id of its key', async () => {
    const screen = await eventually(() => openTask(cast.coordinator.api, cast.creditCode, 'SCREEN'));
    const before = await state();
    expect(before.openTasks.map((t) => t.id)).toContain(screen.id);

    const orphan = await loseCompletion(
      screen.id,
      cast.coordinator.username,
      'pass',
      { judgments: JUDGMENTS },
      'lost-key-1',
    );
    expect(await inboxAgrees(before)).toBe(false);

    // The workflow applies the completion the inbox recorded: SCREEN is no longer open there.
    const after = await eventually(async () => {
      const view = await state();
      return !view.openTasks.some((t) => t.id === screen.id) && view.transitions > before.transitions && view;
    }, HEAL_MS);
    expect(after.stage).toBe('feedback');
    // …and the inbox is the workflow's again: the orphan voided, the real next tasks open.
    const healed = await eventually(
      async () => (await inboxAgrees(await state())) && (await state()),
      HEAL_MS,
    );
    const { rows: voided } = await db().query(`SELECT status, result FROM tasks WHERE id = $1`, [orphan]);
    expect(voided[0].status).toBe('cancelled');
    expect(voided[0].result.repair).toBeTruthy();
    expect(healed.openTasks.length).toBeGreaterThan(0);
    const [repaired] = await eventually(async () => {
      const events = await auditEvents('readmodel.repaired');
      return events.length > 0 && events;
    }, HEAL_MS);
    expect(repaired.resent).toEqual([screen.id]);
    expect(repaired.voided).toEqual([orphan]);

    // The coordinator's client, retrying with its key, gets the completion the repair applied.
    const retry = await cast.coordinator.api.post(
      `/api/tasks/${screen.id}/complete`,
      { outcome: 'pass', data: { judgments: JUDGMENTS } },
      { 'idempotency-key': 'lost-key-1' },
    );
    expect(retry.status).toBe(200);
    expect(retry.body.stage).toBe('feedback');
  });

  it('reopens a completion the workflow refuses, and tells its author', async () => {
    const feedback = await eventually(() =>
      openTask(cast.districtOfficer.api, cast.creditCode, 'DISTRICT_FEEDBACK'),
    );
    const before = await state();
    const repairsBefore = (await auditEvents('readmodel.repaired')).length;
    // An outcome the workflow refuses (the API would have answered 400 had it been sent to it),
    // logged as the lost workflow task's projection would have logged it.
    const workflowId = `enterprise/${cast.creditCode}`;
    const lostKey = `transition:${workflowId}:${before.lifecycleNo}:${before.transitions + 1}`;
    const client = await db().connect();
    try {
      await client.query('BEGIN');
      await appendAuditEvent(client, auditChainKeyOf(loadConfig()), {
        actor: cast.districtOfficer.username,
        action: 'workflow.transition',
        creditCode: cast.creditCode,
        data: {
          kind: 'projection',
          workflowId,
          lifecycleNo: before.lifecycleNo,
          seq: before.transitions + 1,
          closed: [{ id: feedback.id, status: 'done', outcome: 'no-such-outcome', data: {} }],
          opened: [],
          assigned: [],
        },
        dedupKey: lostKey,
      });
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    await loseCompletion(feedback.id, cast.districtOfficer.username, 'no-such-outcome', {}, 'lost-key-2');

    await eventually(async () => (await auditEvents('readmodel.repaired')).length > repairsBefore, HEAL_MS);
    const view = await state();
    expect(view.transitions).toBe(before.transitions);
    expect(await inboxAgrees(view)).toBe(true);
    const { rows: task } = await db().query(`SELECT status, completed_by, outcome FROM tasks WHERE id = $1`, [
      feedback.id,
    ]);
    expect(task[0]).toEqual({ status: 'open', completed_by: null, outcome: null });
    const repaired = (await auditEvents('readmodel.repaired')).at(-1);
    expect(repaired.resent).toEqual([]);
    expect(repaired.refused.map((r: { taskId: string }) => r.taskId)).toEqual([feedback.id]);
    expect(repaired.reopened).toEqual([{ id: feedback.id, completedBy: cast.districtOfficer.username }]);
    expect(repaired.voidedTransitions).toEqual([{ seq: before.transitions + 1, dedupKey: lostKey }]);

    // The district officer reads why in the notifications, and can complete it again. A whole page:
    // other tests' tasks in the same district announce themselves to this officer meanwhile.
    const feed = await expectOk(cast.districtOfficer.api.get('/api/notifications?pageSize=100'));
    const notice = feed.items.find((n: { kind: string; taskId: string }) => n.kind === 'reopened');
    expect(notice?.taskId).toBe(feedback.id);
    expect(JSON.stringify(notice)).toContain('办理未生效');
    await expectOk(
      cast.districtOfficer.api.post(`/api/tasks/${feedback.id}/complete`, {
        outcome: 'support',
        data: { opinion: '同意' },
      }),
    );
    // The transition the workflow did make under that number is logged beside the voided one.
    const { rows: logged } = await db().query(
      `SELECT dedup_key, data->'closed'->0->>'outcome' AS outcome FROM audit_events
       WHERE dedup_key = ANY($1) ORDER BY seq`,
      [[lostKey, `${lostKey}:2`]],
    );
    expect(logged).toEqual([
      { dedup_key: lostKey, outcome: 'no-such-outcome' },
      { dedup_key: `${lostKey}:2`, outcome: 'support' },
    ]);
  });

  it('leaves a consistent enterprise as it is', async () => {
    const repairs = (await auditEvents('readmodel.repaired')).length;
    const view = await state();
    expect(await inboxAgrees(view)).toBe(true);
    await db().query(
      `INSERT INTO read_model_suspects (credit_code, reason) VALUES ($1, 'update_failed') ON CONFLICT DO NOTHING`,
      [cast.creditCode],
    );
    await eventually(async () => {
      const { rows } = await db().query(`SELECT 1 FROM read_model_suspects WHERE credit_code = $1`, [
        cast.creditCode,
      ]);
      return rows.length === 0;
    }, HEAL_MS);
    expect((await auditEvents('readmodel.repaired')).length).toBe(repairs);
    expect(await inboxAgrees(await state())).toBe(true);
  });

  // A repair that compared while the workflow's task was to be run again (a worker killed in the
  // middle of a quarter tick) voids what the task had projected; the workflow then opens it after
  // all, under the same id. The inbox must show it again, not keep the void.
  it('opens again a task it voided when the workflow has it open', async () => {
    const view = await state();
    const task = view.openTasks[0];
    expect(task).toBeDefined();
    await db().query(
      `UPDATE tasks SET status = 'cancelled', completed_at = now(),
         result = '{"repair": "opened by a transition the workflow does not have"}'::jsonb
       WHERE id = $1`,
      [task.id],
    );
    expect(await inboxAgrees(view)).toBe(false);
    await db().query(
      `INSERT INTO read_model_suspects (credit_code, reason) VALUES ($1, 'update_failed') ON CONFLICT DO NOTHING`,
      [cast.creditCode],
    );
    await eventually(async () => inboxAgrees(await state()), HEAL_MS);
    const { rows } = await db().query(`SELECT status, result, completed_at FROM tasks WHERE id = $1`, [
      task.id,
    ]);
    expect(rows[0]).toEqual({ status: 'open', result: null, completed_at: null });
  });

  it('gives way when a transition was projected after its comparison', async () => {
    // Out of the worker's way: no person moved this enterprise lately, nothing suspects it.
    await db().query(`UPDATE enterprises SET acted_at = now() - interval '1 day' WHERE credit_code = $1`, [
      cast.creditCode,
    ]);
    await db().query(`DELETE FROM read_model_suspects WHERE credit_code = $1`, [cast.creditCode]);
    const view = await state();
    const [open] = view.openTasks;
    const orphan = await insertOrphan(open.id);
    const ds = await openDataSource();
    try {
      const repairs = new ReadModelRepairRepository(ds, loadConfig());
      const diff = readModelDiff(view, (await repairs.snapshot(cast.creditCode))!);
      expect(diff.orphans).toEqual([orphan]);
      // What a transition's projection does between the comparison and the repair.
      await db().query(`UPDATE enterprises SET projection_seq = projection_seq + 1 WHERE credit_code = $1`, [
        cast.creditCode,
      ]);
      await expect(repairs.repair(view, diff, { resent: [], refused: [] })).rejects.toBeInstanceOf(
        InboxMovedOn,
      );
      const { rows: task } = await db().query(`SELECT status FROM tasks WHERE id = $1`, [orphan]);
      expect(task[0].status).toBe('open');
      const { rows: enterprise } = await db().query(
        `SELECT projection_seq FROM enterprises WHERE credit_code = $1`,
        [cast.creditCode],
      );
      expect(enterprise[0].projection_seq).toBe(view.transitions + 1);
    } finally {
      await ds.destroy();
      await db().query(`DELETE FROM tasks WHERE id = $1`, [orphan]);
      await db().query(`UPDATE enterprises SET projection_seq = $2 WHERE credit_code = $1`, [
        cast.creditCode,
        view.transitions,
      ]);
    }
  });

  // 撤回 keeps the withdrawn completion's outcome on the task it reopens (tasks.withdrawn), which
  // only the workflow's history holds besides: the workflow keeps the data, as the task's draft. A
  // repair that reopens or inserts such a task rebuilds both, so its form starts from them again.
  it('reopens a withdrawn task with the outcome and data it was withdrawn from', async () => {
    const c = await createCast(DISTRICT, CLUSTER);
    await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
    const screen = await eventually(() => openTask(c.coordinator.api, c.creditCode, 'SCREEN'));
    const data = { judgments: JUDGMENTS };
    await expectOk(c.coordinator.api.post(`/api/tasks/${screen.id}/complete`, { outcome: 'pass', data }));
    await expectOk(c.coordinator.api.post(`/api/tasks/${screen.id}/withdraw`, {}));
    const page = () => expectOk(c.coordinator.api.get(`/api/tasks/${screen.id}`));
    const reopened = { status: 'open', outcome: null, data, withdrawn: { outcome: 'pass' } };
    expect(await page()).toMatchObject(reopened);

    // Done again in the inbox by a completion the workflow refuses: the repair reopens it.
    await loseCompletion(screen.id, c.coordinator.username, 'no-such-outcome', {}, 'lost-key-w', c);
    await eventually(async () => (await auditEvents('readmodel.repaired', c)).length === 1, HEAL_MS);
    expect((await auditEvents('readmodel.repaired', c))[0].reopened).toEqual([
      { id: screen.id, completedBy: c.coordinator.username },
    ]);
    expect(await page()).toMatchObject(reopened);

    // Voided in the inbox while the workflow holds it open: the repair inserts it again.
    await db().query(
      `UPDATE tasks SET status = 'cancelled', completed_at = now(),
         result = '{"repair": "opened by a transition the workflow does not have"}'::jsonb
       WHERE id = $1`,
      [screen.id],
    );
    await db().query(
      `INSERT INTO read_model_suspects (credit_code, reason) VALUES ($1, 'update_failed') ON CONFLICT DO NOTHING`,
      [c.creditCode],
    );
    await eventually(async () => (await auditEvents('readmodel.repaired', c)).length === 2, HEAL_MS);
    expect(await page()).toMatchObject(reopened);
  });
});
