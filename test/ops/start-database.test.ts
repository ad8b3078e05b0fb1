import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

// `npm start` and a database that outlived data/ (scripts/lib/postgres.mjs, dropOrphanedReadModel):
// a demo database holding lifecycles of a Temporal server that is gone is rebuilt; any other stops
// the start with what to do and keeps its rows.
const POSTGRES_LIB = join(__dirname, '../../scripts/lib/postgres.mjs');
const SCRATCH = `hardtech_orphan_probe_${process.pid}`;

/** The owner's URL of the test stack's server, on another database. */
function urlOf(database: string): string {
  const url = new URL(process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

/** dropOrphanedReadModel in a node process (scripts are ES modules): its answer or its error. */
function dropOrphaned(demo: boolean): { dropped?: number; error?: string } {
  const script = `import(${JSON.stringify(POSTGRES_LIB)})
    .then((m) => m.dropOrphanedReadModel(${JSON.stringify(urlOf(SCRATCH))}, { demo: ${demo} }))
    .then((dropped) => process.stdout.write(JSON.stringify({ dropped })),
          (e) => process.stdout.write(JSON.stringify({ error: e.message })))`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script]).toString());
}

async function onServer<T>(database: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: urlOf(database) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const lifecyclesIn = () =>
  onServer(SCRATCH, async (c) => {
    const { rows } = await c.query(`SELECT to_regclass('public.lifecycles') IS NOT NULL AS present`);
    return rows[0].present ? Number((await c.query('SELECT count(*) AS n FROM lifecycles')).rows[0].n) : null;
  });

describe('npm start: a database whose workflows are gone', () => {
  beforeEach(async () => {
    await onServer('postgres', async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${SCRATCH}`);
    });
  });
  afterAll(() => onServer('postgres', (c) => c.query(`DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`)));

  it('leaves a database without lifecycles alone', async () => {
    await onServer(SCRATCH, (c) => c.query('CREATE TABLE lifecycles (id int); CREATE TABLE kept (id int)'));
    expect(dropOrphaned(true)).toEqual({ dropped: 0 });
    expect(await lifecyclesIn()).toBe(0);
  });

  it('rebuilds a demo database that holds lifecycles', async () => {
    await onServer(SCRATCH, (c) =>
      c.query('CREATE TABLE lifecycles (id int); INSERT INTO lifecycles VALUES (1), (2)'),
    );
    expect(dropOrphaned(true)).toEqual({ dropped: 2 });
    expect(await lifecyclesIn()).toBeNull(); // an empty database: the migration builds it again
  });

  it('refuses to start on any other, naming the database, and drops nothing', async () => {
    await onServer(SCRATCH, (c) =>
      c.query('CREATE TABLE lifecycles (id int); INSERT INTO lifecycles VALUES (1)'),
    );
    const answer = dropOrphaned(false);
    expect(answer.error).toContain(`database ${SCRATCH} holds 1 lifecycles but data/temporal.db is new`);
    expect(await lifecyclesIn()).toBe(1);
  });
});

// The rebuilt database's audit chain starts again at 1: the checkpoints of the dropped one signed
// another chain, and kept, the writer reported the new one broken (head_mismatch) on every start.
describe('the audit checkpoints of a rebuilt database', () => {
  const AUDIT_LIB = join(__dirname, '../../scripts/lib/audit-key.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'retire-checkpoints-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const retire = (): string | null => {
    const script = `import(${JSON.stringify(AUDIT_LIB)}).then((m) => process.stdout.write(JSON.stringify(
      m.retireCheckpoints(${JSON.stringify(dir)}, {}))))`;
    return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script]).toString());
  };

  it('are set aside, whole, where the new chain will not read them', () => {
    mkdirSync(join(dir, 'audit-checkpoints'));
    writeFileSync(join(dir, 'audit-checkpoints', 'audit-checkpoints.jsonl'), '{"seq":85}\n');
    const aside = retire();
    expect(aside).toMatch(/audit-checkpoints\.dropped-/);
    expect(existsSync(join(dir, 'audit-checkpoints'))).toBe(false);
    expect(readFileSync(join(aside!, 'audit-checkpoints.jsonl'), 'utf8')).toBe('{"seq":85}\n');
  });

  it('answer null when there are none', () => {
    expect(retire()).toBeNull();
  });
});
