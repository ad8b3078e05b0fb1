import type { Stage } from '@hardtech/domain';
import { loadConfig } from '@hardtech/config';
import { auditChainKeyOf, ReadModelRepairRepository } from '@hardtech/persistence';
import { writeProjection } from '@hardtech/persistence/projection/writers';
import { freshCreditCode } from '../support/cast';
import { closeDb, db, openDataSource } from '../support/db';
import { lifecycleDeltas, nominatedContext } from '../support/projection';

// Issue 21 (e): the read-model repair's sweep suspects only the enterprises a person moved. A
// quarter tick or a timer cannot be lost with its workflow task (its cause is in the history before
// the task, which runs again and projects the same transition); sweeping them asked the workflow of
// every member a dispatch had just ticked. A district and cluster of their own.
const DISTRICT = '500118';
const CLUSTER = 'P3';

let ds: Awaited<ReturnType<typeof openDataSource>>;
let repairs: ReadModelRepairRepository;

beforeAll(async () => {
  ds = await openDataSource();
  repairs = new ReadModelRepairRepository(ds, loadConfig());
});

afterAll(async () => {
  await ds.destroy();
  await closeDb();
});

/** A lifecycle's projection, transition by transition, as Lifecycle sends it. */
function lifecycle() {
  const creditCode = freshCreditCode();
  const context = nominatedContext(creditCode, {
    name: `扫描测试 ${creditCode}`,
    district: DISTRICT,
    cluster: CLUSTER,
    nominator: 'nominator',
  });
  const delta = lifecycleDeltas(creditCode, () => new Date().toISOString());
  return {
    creditCode,
    async project(stage: Stage, actor: string | null, over: { seq?: number } = {}) {
      const client = await db().connect();
      try {
        await client.query('BEGIN');
        await writeProjection(client, delta(stage, context, { actor, ...over }), {
          auditChain: auditChainKeyOf(loadConfig()),
        });
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    },
  };
}

async function actedAt(creditCode: string): Promise<Date | null> {
  const { rows } = await db().query(`SELECT acted_at FROM enterprises WHERE credit_code = $1`, [creditCode]);
  return rows[0].acted_at;
}

describe('the read-model sweep', () => {
  it('suspects the enterprises a person moved since the last sweep, not those the system moved', async () => {
    const [byPerson, ticked, defaulted] = [lifecycle(), lifecycle(), lifecycle()];
    // Each starts with its nomination (a person's), swept before the test's own window opens.
    for (const l of [byPerson, ticked, defaulted]) await l.project('screening', 'nominator');
    const nominatedAt = await actedAt(ticked.creditCode);
    const defaultedNominatedAt = await actedAt(defaulted.creditCode);
    expect(nominatedAt).not.toBeNull();
    const [{ since }] = await ds.query(`SELECT now() AS since`);

    await byPerson.project('feedback', 'coordinator');
    await ticked.project('feedback', null); // a quarter tick, a deadline timer
    await defaulted.project('feedback', 'system'); // a silent district's default, completed by the system
    // A person's transition followed by a tick: still the person's to check.
    await byPerson.project('admission', null);

    expect(await actedAt(ticked.creditCode)).toEqual(nominatedAt);
    expect(await actedAt(defaulted.creditCode)).toEqual(defaultedNominatedAt);
    expect((await actedAt(byPerson.creditCode))!.getTime()).toBeGreaterThan(nominatedAt!.getTime());

    // Noted now (grace 0); the running worker's repair takes suspects only after 3 s.
    await repairs.suspectProjectedSince(new Date(since), 0, 'sweep');
    const { rows } = await db().query(
      `SELECT credit_code FROM read_model_suspects WHERE credit_code = ANY($1) AND reason = 'sweep'`,
      [[byPerson.creditCode, ticked.creditCode, defaulted.creditCode]],
    );
    expect(rows.map((r) => r.credit_code)).toEqual([byPerson.creditCode]);
  });

  it('suspects a person whose transition took the number of a lost tick (two faults in a row)', async () => {
    const l = lifecycle();
    await l.project('screening', 'nominator'); // transition 1
    const nominatedAt = await actedAt(l.creditCode);
    const [{ since }] = await ds.query(`SELECT now() AS since`);
    // Transition 2 projected by a quarter tick whose workflow task was then lost; the person's
    // Update took number 2 in the history that stayed. Its projection finds the row already at 2.
    await l.project('feedback', null);
    await l.project('admission', 'coordinator', { seq: 2 });

    expect((await actedAt(l.creditCode))!.getTime()).toBeGreaterThan(nominatedAt!.getTime());
    const { rows: row } = await db().query(
      `SELECT stage, projection_seq FROM enterprises WHERE credit_code = $1`,
      [l.creditCode],
    );
    expect(row[0]).toEqual({ stage: 'admission', projection_seq: 2 });
    await repairs.suspectProjectedSince(new Date(since), 0, 'sweep');
    const { rows } = await db().query(
      `SELECT credit_code FROM read_model_suspects WHERE credit_code = $1 AND reason = 'sweep'`,
      [l.creditCode],
    );
    expect(rows).toHaveLength(1);
  });
});
