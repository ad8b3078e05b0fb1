import { Actor, groupsOf } from '@hardtech/domain';
import { API_URL } from '../support/api';
import { createUser } from '../support/cast';
import { closeDb, db, deleteSeededEnterprises } from '../support/db';
import { seedInbox } from '../support/inbox-seed';
import { countStatements, FIRST_PAGE, listStatements, Statement } from '../support/list-statements';
import { perUnit } from '../support/statement-metrics';

// Issue 21 (f): the inbox's cost follows the caller's tasks, not the table. Tens of thousands of
// task rows seeded in SQL (the bench's shape), then the plans of the very statements
// TasksRepository.list builds for a district officer's inbox. Before, each read every open task of
// the pool and filtered it, with a proxy lookup per row: 2,000+ rows removed by filter and 5,000+
// buffers here. Serial: the seeded tasks would crowd other tests' coordinators' inboxes.
const ENTERPRISES = 6_000;
// A letter no real credit code starts with, nor the bench's `B`.
const PREFIX = 'Q';
// The officer's own: a few dozen tasks at most, and the pages, indexes and initial plans around them.
const MAX_BUFFERS = 500;
const MAX_ROWS_REMOVED = 100;

// A district no other test works in: the officer's inbox is the seed's, a short first page.
const officer: Actor = {
  username: 'inbox-plan-officer',
  role: 'district_officer',
  scope: { districts: ['500119'] },
};

let creditCodes: string[] = [];

beforeAll(async () => {
  ({ creditCodes } = await seedInbox(ENTERPRISES, PREFIX));
}, 120_000);

afterAll(async () => {
  await deleteSeededEnterprises(creditCodes);
  await closeDb();
});

interface PlanNode {
  'Node Type': string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Rows Removed by Join Filter'?: number;
  'Shared Hit Blocks': number;
  'Shared Read Blocks': number;
  Plans?: PlanNode[];
}

const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/** What the statement read: its buffers, and the most rows any node read only to throw away. */
async function cost({ sql, params }: Statement) {
  const { rows } = await db().query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params);
  const plan: PlanNode = rows[0]['QUERY PLAN'][0].Plan;
  const removed = nodes(plan).map(
    (n) =>
      ((n['Rows Removed by Filter'] ?? 0) +
        (n['Rows Removed by Index Recheck'] ?? 0) +
        (n['Rows Removed by Join Filter'] ?? 0)) *
      n['Actual Loops'],
  );
  const figures = {
    rows: plan['Actual Rows'],
    buffers: plan['Shared Hit Blocks'] + plan['Shared Read Blocks'],
    removed: Math.max(...removed),
  };
  // The figures, for the report and docs/design.md.
  console.log(JSON.stringify({ statement: sql.slice(0, 24), ...figures }));
  return figures;
}

it('seeds tens of thousands of task rows, thousands of them open', async () => {
  const { rows } = await db().query(
    `SELECT count(*)::int AS tasks, count(*) FILTER (WHERE status = 'open')::int AS open
     FROM tasks WHERE credit_code LIKE $1 || '%'`,
    [PREFIX],
  );
  expect(rows[0].tasks).toBeGreaterThan(30_000);
  expect(rows[0].open).toBeGreaterThan(2_000);
});

it("reads an officer's first page of the inbox through indexes, not every open task", async () => {
  const statements = await listStatements(officer, FIRST_PAGE);
  // The page and its 抄送 marks in one statement; a page shorter than pageSize counts itself.
  expect(statements).toHaveLength(1);
  const page = await cost(statements[0]);
  // The seed's open DISTRICT_FEEDBACK tasks of the district: what the officer can act on.
  const { rows } = await db().query(
    `SELECT count(*)::int AS n FROM tasks WHERE status = 'open' AND candidate_groups && $1`,
    [groupsOf(officer)],
  );
  expect(rows[0].n).toBeGreaterThan(2);
  expect(page.rows).toBe(rows[0].n);
  expect(page.removed).toBeLessThan(MAX_ROWS_REMOVED);
  expect(page.buffers).toBeLessThan(MAX_BUFFERS);
});

it('counts a full page through the same indexes', async () => {
  const statements = await listStatements(officer, { ...FIRST_PAGE, pageSize: 2 });
  expect(statements).toHaveLength(2);
  const page = await cost(statements[0]);
  const count = await cost(statements[1]);
  expect(page.rows).toBe(2);
  expect(count.rows).toBe(1);
  for (const statement of [page, count]) {
    expect(statement.removed).toBeLessThan(MAX_ROWS_REMOVED);
    expect(statement.buffers).toBeLessThan(MAX_BUFFERS);
  }
});

// GET /api/tasks/counts: the inbox's three figures (can do, mine, overdue among them) in one
// statement, which reads the officer's tasks as the list does, not every open task of the pool.
it("counts an officer's inbox figures in one statement through the same indexes", async () => {
  const statements = await countStatements(officer);
  expect(statements).toHaveLength(1);
  const counts = await cost(statements[0]);
  expect(counts.rows).toBe(1);
  expect(counts.removed).toBeLessThan(MAX_ROWS_REMOVED);
  expect(counts.buffers).toBeLessThan(MAX_BUFFERS);
});

it("answers an officer's short first page with the guard's read and the page's: the 抄送 marks come with it", async () => {
  const member = await createUser('district_officer', { districts: ['500119'] });
  const requests = 5;
  const { count, per } = await perUnit(
    `${API_URL}/metrics`,
    'hardtech_db_statements_per_request',
    { route: '/api/tasks' },
    ['read'],
    async () => {
      for (let i = 0; i < requests; i++) {
        const r = await member.api.get('/api/tasks');
        expect(r.status).toBe(200);
        expect(r.body.items.length).toBeGreaterThan(0);
        expect(r.body.items.length).toBe(r.body.total);
      }
    },
  );
  expect(count).toBe(requests);
  // Before: a third read, the 抄送 marks of the page's tasks.
  expect(per.read).toBe(2);
});
