import { randomUUID } from 'node:crypto';
import type { Stage } from '@hardtech/domain';
import { loadConfig } from '@hardtech/config';
import { auditChainKeyOf } from '@hardtech/persistence';
import { writeProjection } from '@hardtech/persistence/projection/writers';
import type { LifecycleContext } from '@hardtech/temporal/lifecycle-context';
import type { ProjectionDelta, TaskView } from '@hardtech/temporal/lifecycle.contract';
import { freshCreditCode } from '../support/cast';
import { closeDb, db } from '../support/db';
import { quarterlyReport } from '../support/lifecycle';
import { lifecycleDeltas, nominatedContext } from '../support/projection';

// The projection's writers against the real read model: each transition writes the rows it changed
// and no others (PostgreSQL counts them per transaction in pg_stat_xact_user_tables), a retry
// writes nothing, and the enterprise row only moves forward. A district and cluster of its own.
const DISTRICT = '500117';
const CLUSTER = 'P2'; // no other test file uses it: the access matrix counts cluster F3's enterprises exactly
const TABLES = [
  'enterprises',
  'lifecycles',
  'tasks',
  'problems',
  'quarterly_reports',
  'membership_periods',
  'stage_history',
  'attachments',
];

type Writes = Record<string, { ins: number; upd: number }>;

/**
 * Applies a delta in one transaction, as ProjectionRepository does, and answers the rows it wrote:
 * the backend's counters after the writers less those before (they may still hold earlier
 * transactions of the connection that are not yet flushed).
 */
async function project(delta: ProjectionDelta): Promise<Writes> {
  const client = await db().connect();
  const counters = async () => {
    const { rows } = await client.query(
      `SELECT relname, n_tup_ins::int AS ins, n_tup_upd::int AS upd FROM pg_stat_xact_user_tables
       WHERE relname = ANY($1)`,
      [TABLES],
    );
    const counts: Writes = Object.fromEntries(TABLES.map((t) => [t, { ins: 0, upd: 0 }]));
    for (const r of rows) counts[r.relname] = { ins: r.ins, upd: r.upd };
    return counts;
  };
  try {
    await client.query('BEGIN');
    const before = await counters();
    await writeProjection(client, delta, { auditChain: auditChainKeyOf(loadConfig()) });
    const after = await counters();
    await client.query('COMMIT');
    return Object.fromEntries(
      TABLES.map((t) => [t, { ins: after[t].ins - before[t].ins, upd: after[t].upd - before[t].upd }]),
    );
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}

/** Only the tables written, as `table: "ins/upd"`. */
const written = (w: Writes) =>
  Object.fromEntries(
    Object.entries(w)
      .filter(([, n]) => n.ins || n.upd)
      .map(([t, n]) => [t, `${n.ins}/${n.upd}`]),
  );

describe('projection writers', () => {
  const creditCode = freshCreditCode();
  const nominator = `district-officer-${creditCode}`;
  const at = (minute: number) => new Date(Date.UTC(2026, 3, 1, 2, minute)).toISOString();
  const task = (type: TaskView['type'], stage: Stage, quarter: string | null = null): TaskView => ({
    id: randomUUID(),
    type,
    stage,
    candidateGroups: ['city_coordinator'],
    assignee: null,
    createdAt: at(0),
    dueAt: at(59),
    policyVersion: 1,
    key: `lifecycle.${stage}`,
    quarter,
  });
  const problem = (title: string) => ({
    id: randomUUID(),
    title,
    category: 'policy_support' as const,
    measures: '银企对接',
    target: '授信',
    ownerDepartment: 'finance' as const,
    dueAt: '2026-12-31',
    status: 'open' as const,
    special: null,
  });

  // The statechart's own initial context, as the nomination's first transition projects it.
  const nominated = nominatedContext(creditCode, {
    name: `写入测试 ${creditCode}`,
    district: DISTRICT,
    cluster: CLUSTER,
    nominator,
  });
  /** The delta the workflow would send for a transition to `context`, as Lifecycle builds it. */
  const delta = lifecycleDeltas(creditCode, at);
  const screen = task('SCREEN', 'screening');
  const [p1, p2] = [problem('融资难'), problem('用地难')];
  const admitted: LifecycleContext = {
    ...nominated,
    admission: {
      leadCluster: CLUSTER,
      commissioner: 'commissioner',
      districtLiaison: nominator,
      admittedAt: at(3),
      baselineRevenue: 80_000_000,
    },
    diagnosis: { portrait: {}, by: 'commissioner', at: at(3) },
    problems: [p1, p2],
  };
  const reviewed: LifecycleContext = {
    ...admitted,
    problems: [admitted.problems[0], { ...p2, status: 'resolved' }],
    quarterlyReports: [
      { ...quarterlyReport('2026Q1'), submittedBy: 'ent', submittedAt: at(4), progress: null },
    ],
  };
  const graduated: LifecycleContext = {
    ...reviewed,
    closing: {
      stage: 'graduated',
      outcome: 'GRADUATION_REVIEW.graduate',
      reason: 'doubled',
      by: 'c',
      at: at(5),
    },
  };
  const done = (id: string) => ({
    id,
    status: 'done' as const,
    outcome: 'pass',
    data: {},
    completedBy: 'coordinator',
    completedAt: at(3),
    idempotencyKey: null,
    result: null,
  });

  afterAll(closeDb);

  it('writes the rows a transition changed, nothing on a retry, and moves the enterprise only forward', async () => {
    // A certificate the nominator uploaded before nominating: the first transition binds it.
    const evidence = randomUUID();
    await db().query(
      `INSERT INTO attachments (id, credit_code, subject, subject_id, purpose, file_name, content_type, size,
         sha256, storage_key, uploaded_by)
       VALUES ($1, $2, 'nomination', NULL, 'C3', 'c3.pdf', 'application/pdf', 1, $3, $4, $5)`,
      [evidence, creditCode, '0'.repeat(64), `test/${evidence}`, nominator],
    );

    const first = delta('screening', nominated, { opened: [screen] });
    expect(written(await project(first))).toEqual({
      enterprises: '1/0',
      lifecycles: '1/0',
      tasks: '1/0',
      stage_history: '1/0',
      attachments: '0/1',
    });
    expect(written(await project(first))).toEqual({}); // the activity retried: nothing new

    const claim = delta('screening', nominated, { assigned: [{ id: screen.id, assignee: 'coordinator' }] });
    expect(written(await project(claim))).toEqual({ enterprises: '0/1', tasks: '0/1' });

    const diagnose = task('QUARTERLY_REPORT', 'supporting', '2026Q1');
    const admission = delta('supporting', admitted, { closed: [done(screen.id)], opened: [diagnose] });
    expect(written(await project(admission))).toEqual({
      enterprises: '0/1',
      // Who serves it now: the lead cluster and commissioner admission named (served-by.ts).
      lifecycles: '0/1',
      tasks: '1/1',
      problems: '2/0',
      membership_periods: '1/0',
      stage_history: '1/0',
    });

    const review = delta('supporting', reviewed, { closed: [done(diagnose.id)] });
    expect(review.changes.problems).toEqual([p2.id]);
    expect(written(await project(review))).toEqual({
      enterprises: '0/1',
      tasks: '0/1',
      problems: '0/1',
      quarterly_reports: '1/0',
    });

    const graduation = delta('graduated', graduated);
    expect(written(await project(graduation))).toEqual({
      enterprises: '0/1',
      lifecycles: '0/1',
      membership_periods: '0/1',
      stage_history: '1/0',
    });
    // A late projection of an earlier transition leaves the newer enterprise row as it is.
    expect(written(await project({ ...review, changes: { ...review.changes, enterprise: true } }))).toEqual(
      {},
    );

    const row = async (sql: string) => (await db().query(sql, [creditCode])).rows;
    expect(
      await row(`SELECT stage, projection_seq, lead_cluster FROM enterprises WHERE credit_code = $1`),
    ).toEqual([{ stage: 'graduated', projection_seq: 5, lead_cluster: CLUSTER }]);
    expect(await row(`SELECT final_stage, reason FROM lifecycles WHERE credit_code = $1`)).toEqual([
      { final_stage: 'graduated', reason: 'doubled' },
    ]);
    expect(await row(`SELECT title, status FROM problems WHERE credit_code = $1 ORDER BY title`)).toEqual([
      { title: '用地难', status: 'resolved' },
      { title: '融资难', status: 'open' },
    ]);
    // The stages it entered and when (the workflow's time), for the dashboard's past years.
    expect(await row(`SELECT seq, stage, at FROM stage_history WHERE credit_code = $1 ORDER BY seq`)).toEqual(
      [
        { seq: 1, stage: 'screening', at: new Date(at(1)) },
        { seq: 3, stage: 'supporting', at: new Date(at(3)) },
        { seq: 5, stage: 'graduated', at: new Date(at(5)) },
      ],
    );
    expect(await row(`SELECT end_reason FROM membership_periods WHERE credit_code = $1`)).toEqual([
      { end_reason: 'doubled' },
    ]);
    expect(await row(`SELECT subject_id FROM attachments WHERE credit_code = $1`)).toEqual([
      { subject_id: '1' },
    ]);
    expect(
      (
        await row(
          `SELECT count(*)::int AS n FROM audit_events WHERE credit_code = $1 AND action = 'workflow.transition'`,
        )
      )[0].n,
    ).toBe(5);
  });

  it('writes only what the delta names, whatever else the context holds', async () => {
    // A context whose problem differs from its row, in a delta that does not name it: the writer
    // trusts the delta instead of diffing the context, so the row stays.
    const changedBehind: LifecycleContext = { ...graduated, problems: [{ ...p1, status: 'escalated' }, p2] };
    const d = delta('graduated', changedBehind);
    expect(written(await project({ ...d, changes: { ...d.changes, problems: [] } }))).toEqual({
      enterprises: '0/1',
    });
    expect((await db().query(`SELECT status FROM problems WHERE id = $1`, [p1.id])).rows).toEqual([
      { status: 'open' },
    ]);
  });

  it('writes each opened and closed task row once, its yearly-cycle facts and principal with it', async () => {
    // Before issue 21 a provisional task took an insert and an update, a proxy's completion two updates.
    const open = task('SCREEN', 'screening');
    expect(written(await project(delta('screening', nominated, { opened: [open] })))).toMatchObject({
      tasks: '1/0',
    });
    const annual = {
      ...task('ANNUAL_UPDATE', 'supporting'),
      provisional: true,
      details: { annualUpdate: { year: 2026, prefill: {} } },
    } as unknown as TaskView;
    const other = task('QUARTERLY_REPORT', 'supporting', '2026Q2');
    const byProxy = { ...done(open.id), onBehalfOf: 'principal-officer' };
    const d = delta('supporting', nominated, { opened: [annual, other], closed: [byProxy] });
    // screening → supporting: the stage history gains its row too.
    expect(written(await project(d))).toEqual({ enterprises: '0/1', tasks: '2/1', stage_history: '1/0' });
    const rows = (
      await db().query(`SELECT id, provisional, details, on_behalf_of FROM tasks WHERE id = ANY($1)`, [
        [annual.id, other.id, open.id],
      ])
    ).rows;
    expect(rows.find((r) => r.id === annual.id)).toMatchObject({
      provisional: true,
      details: { annualUpdate: { year: 2026, prefill: {} } },
    });
    expect(rows.find((r) => r.id === other.id)).toMatchObject({ provisional: false, details: null });
    expect(rows.find((r) => r.id === open.id)).toMatchObject({ on_behalf_of: 'principal-officer' });
  });

  it('keeps a transition projected again under its number with the stage it really had', async () => {
    // A lost workflow task projected an exit under its number; the repair projects what was done.
    const exit = delta('exited', graduated);
    const stages = async () =>
      (
        await db().query(
          `SELECT seq, stage FROM stage_history WHERE credit_code = $1 AND seq >= $2 ORDER BY seq`,
          [creditCode, exit.seq],
        )
      ).rows;
    expect(written(await project(exit))).toMatchObject({ stage_history: '1/0' });
    expect(await stages()).toEqual([{ seq: exit.seq, stage: 'exited' }]);
    // Projected again with the stage the transition before left: no change of stage any more.
    const {
      rows: [before],
    } = await db().query(
      `SELECT stage FROM stage_history WHERE credit_code = $1 AND seq < $2 ORDER BY seq DESC LIMIT 1`,
      [creditCode, exit.seq],
    );
    expect(before.stage).not.toBe('exited');
    expect(written(await project({ ...exit, stage: before.stage }))).not.toHaveProperty('stage_history');
    expect(await stages()).toEqual([]); // no longer a change of stage: the row is gone
  });
});
