import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_URL } from '../support/api';
import { createCast, createUser, Member } from '../support/cast';
import { driveToSupporting } from '../support/drive';
import { complete, expectOk, JUDGMENTS, nominationFor, openTask, problem } from '../support/lifecycle';
import { keepPolicy } from '../support/policy';
import { upload } from '../support/files';
import { perUnit } from '../support/statement-metrics';

// Issue 21.4 on the real stack: what a completion costs in SQL statements, in the API before the
// Update and in the worker's projection of the transition, read from the processes' own /metrics
// (hardtech_db_statements_per_request / _per_activity). Serial: nothing else completes tasks while
// the figures are taken, and the second test publishes policy versions.
const policy = keepPolicy();

/**
 * Per completion on the five completions of the standard path to supporting (SCREEN … DIAGNOSE),
 * with the processes' policy caches warm. Before issue 21: in the API 5.6 reads before the Update
 * (session+user, security policy, the user again, the task, the policy's version; ADMIT's two named
 * people one by one) and 1 write (the session's last use); the projection 9.8 statements (3 reads,
 * 4.8 writes, 2 transaction) writing 4.8 rows. Now: the session with its user and the security
 * policy in one read, the task, ADMIT's people in one read, the policy from the cache; the session's
 * last use written every 30 s at most; the projection's audit event without a second dedup lookup,
 * its opened tasks in one statement with their yearly-cycle facts. Since the editable taxonomy (7
 * December 2026) ADMIT also reads the clusters, active and retired in one read: 2.2 → 2.4 on this
 * path; a completion that chooses no cluster reads none.
 */
const LIMITS = {
  apiReadsPerCompletion: 2.4,
  // A session touched more than 30 s ago (a slow run) is written once: below 1 whatever the load.
  apiWritesPerCompletion: 0.4,
  // 8.6 before issue 19's stage history (its one statement per transition, a row where the stage
  // changes); 9.6 with it, until the audit event's dedup lookup and the chain's lock became one.
  // 8.8 since a lifecycle keeps who served it (7 December 2026): ADMIT writes the lifecycle row's
  // lead cluster and commissioner, once per lifecycle (a screening or a diagnosis does not). 5 since
  // the writers' statements go in one (projection/statements.ts): BEGIN, the tables' writes, the
  // audit chain's head with the transition's logged versions, the audit event, COMMIT.
  projectStatementsPerTransition: 5,
  // 4.8 before the stage history: four of the path's five transitions change the stage (+0.8);
  // ADMIT's lifecycle row (who served it) +0.2.
  projectRowsPerTransition: 5.8,
};

const LOGS = join(process.env.TEST_DATA_DIR ?? 'data/test', 'logs');

/** The stack's worker's health and metrics port, from the line it logs when it starts polling. */
function workerMetricsUrl(): string {
  const lines = readFileSync(join(LOGS, 'worker.log'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
  const started = lines.filter((l) => typeof l.httpPort === 'number').pop();
  if (!started) throw new Error('the worker has not logged its metrics port');
  return `http://127.0.0.1:${started.httpPort}/metrics`;
}

it('a completion reads at most twice before its Update, and its projection writes what changed', async () => {
  const [warm, cast] = await Promise.all([createCast(), createCast()]);
  for (const c of [warm, cast]) {
    await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
    await openTask(c.coordinator.api, c.creditCode, 'SCREEN');
  }
  // One completion first: the API's policy cache is filled, as in a process that has been running.
  await expectOk(complete(warm.coordinator.api, warm.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
  const worker = workerMetricsUrl();
  let api!: { count: number; per: Record<string, number> };
  const projection = await perUnit(
    worker,
    'hardtech_db_statements_per_activity',
    { activity: 'project' },
    ['read', 'write', 'other', 'rows_written'],
    async () => {
      api = await perUnit(
        `${API_URL}/metrics`,
        'hardtech_db_statements_per_request',
        { route: '/api/tasks/:id/complete' },
        ['read', 'write'],
        () => driveToSupporting(cast, { nominated: true }),
      );
    },
  );
  // The figures, for the report and docs/design.md.
  console.log(JSON.stringify({ api, projection }));
  expect(api.count).toBe(5);
  expect(api.per.read).toBeLessThanOrEqual(LIMITS.apiReadsPerCompletion);
  expect(api.per.write).toBeLessThanOrEqual(LIMITS.apiWritesPerCompletion);
  expect(projection.count).toBeGreaterThanOrEqual(5);
  const statements = projection.per.read + projection.per.write + projection.per.other;
  expect(statements).toBeLessThanOrEqual(LIMITS.projectStatementsPerTransition);
  expect(projection.per.rows_written).toBeLessThanOrEqual(LIMITS.projectRowsPerTransition);
});

it('a published policy version goes with the next completion and the next lifecycle at once', async () => {
  // Both processes have read the policy before it changes: the worker for this lifecycle's first task.
  const cast = await createCast();
  await expectOk(cast.districtOfficer.api.post('/api/nominations', nominationFor(cast)), 201);
  const screen = await openTask(cast.coordinator.api, cast.creditCode, 'SCREEN');

  // The worker reads the policy for a lifecycle's first task: the next lifecycle has the new version.
  const published = await expectOk(policy.coordinator.put('/api/admin/policy', policy.original));
  expect(screen.policyVersion).toBeLessThan(published.version);
  const next = await createCast();
  await expectOk(next.districtOfficer.api.post('/api/nominations', nominationFor(next)), 201);
  expect((await openTask(next.coordinator.api, next.creditCode, 'SCREEN')).policyVersion).toBe(
    published.version,
  );

  // The API carries the policy with a completion: the tasks it opens have the version just published.
  await expectOk(complete(cast.coordinator.api, cast.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
  const feedback = await openTask(cast.districtOfficer.api, cast.creditCode, 'DISTRICT_FEEDBACK');
  expect(feedback.policyVersion).toBe(published.version);
  const again = await expectOk(policy.coordinator.put('/api/admin/policy', policy.original));
  await expectOk(
    complete(cast.districtOfficer.api, cast.creditCode, 'DISTRICT_FEEDBACK', 'support', { opinion: '同意' }),
  );
  await expectOk(complete(cast.enterprise.api, cast.creditCode, 'ENTERPRISE_CONFIRM', 'confirm', {}));
  const admit = await openTask(cast.coordinator.api, cast.creditCode, 'ADMIT');
  expect(admit.policyVersion).toBe(again.version);
});

/**
 * The statements read per request to `route` by a coordinator and by a 中小企业处 officer, `ask`
 * sending one, on an enterprise with a problem of 中小企业处's and one of another department. Each
 * signed in and asked once first: a session's first use is not the request's cost.
 */
async function readsOfCoordinatorAndDepartment(
  route: string,
  ask: (member: Member, creditCode: string, department: boolean) => Promise<void>,
) {
  const cast = await createCast();
  await driveToSupporting(cast, { problems: [problem({ ownerDepartment: 'sme' }), problem()] });
  const sme = await createUser('sme_officer', { department: 'sme' });
  const reads = (member: Member) =>
    perUnit(`${API_URL}/metrics`, 'hardtech_db_statements_per_request', { route }, ['read'], () =>
      ask(member, cast.creditCode, member === sme),
    );
  for (const member of [cast.coordinator, sme]) await reads(member);
  const [coordinator, department] = [await reads(cast.coordinator), await reads(sme)];
  expect(department.count).toBe(1);
  return { coordinator: coordinator.per.read, department: department.per.read };
}

// 中小企业处 / 产业金融处 read their department's problems of the enterprise page in the one read that
// fetches them (LedgerScopeService.problemsOf), as every other reader reads the whole ledger: no
// statement more than a coordinator's page. Before, the page read every problem, then the problems
// they may read and the enterprise's ledger tasks for the scope: two reads more.
it('reads a department the problems of the enterprise page once, as a coordinator', async () => {
  const reads = await readsOfCoordinatorAndDepartment(
    '/api/enterprises/:creditCode',
    async (member, creditCode, department) => {
      const body = await expectOk(member.api.get(`/api/enterprises/${creditCode}`));
      expect(body.problems).toHaveLength(department ? 1 : 2);
    },
  );
  expect(reads.department).toBe(reads.coordinator);
});

// The case file (the task page's, its 审批单, the dossier) reads the problems a 中小企业处 /
// 产业金融处 officer reads once (LedgerScopeService.ofLifecycle): its ledger, its scope and the
// problems whose files it lists are that one read, as a coordinator's; the department's scope adds
// the enterprise's ledger tasks only. Before, every problem of the lifecycle, then the ledger, then
// the readable ids: three reads of the problems, two reads more than the coordinator's dossier.
it('reads a department the problems of the case file once, as a coordinator', async () => {
  const reads = await readsOfCoordinatorAndDepartment(
    '/api/enterprises/:creditCode/dossier.pdf',
    async (member, creditCode) => {
      const dossier = await member.api.get(`/api/enterprises/${creditCode}/dossier.pdf`);
      expect(dossier.status).toBe(200);
    },
  );
  // The one read more is the ledger tasks the department's scope is made of.
  expect(reads.department).toBe(reads.coordinator + 1);
});

// An enterprise's files are listed in one read whatever their number: which of them the caller may
// see (a nomination's by its lifecycle, a task's by the task, a problem's by the problem) is part of
// that read (AttachmentsRepository.listVisible). Before, each file was checked by a read of its
// own: 1 file 3 reads (the session, the files, the file's lifecycle), 5 files 7.
it('lists an enterprise’s files in one read, however many', async () => {
  const cast = await createCast();
  const file = { creditCode: cast.creditCode, subject: 'nomination', purpose: 'evidence' };
  await expectOk(upload(cast.districtOfficer.api, file), 201);
  await expectOk(cast.districtOfficer.api.post('/api/nominations', nominationFor(cast)), 201);
  const screen = await openTask(cast.coordinator.api, cast.creditCode, 'SCREEN');
  const reads = (files: number) =>
    perUnit(
      `${API_URL}/metrics`,
      'hardtech_db_statements_per_request',
      { route: '/api/attachments' },
      ['read'],
      async () => {
        const listed = await expectOk(
          cast.coordinator.api.get(`/api/attachments?creditCode=${cast.creditCode}`),
        );
        expect(listed).toHaveLength(files);
      },
    );
  await reads(1); // the session's first use is not the list's cost
  const one = await reads(1);
  for (let i = 0; i < 4; i++) {
    await expectOk(upload(cast.coordinator.api, { ...file, subject: 'task', subjectId: screen.id }), 201);
  }
  const five = await reads(5);
  console.log(JSON.stringify({ one, five }));
  expect(one.count).toBe(1);
  expect(five.per.read).toBe(one.per.read);
  expect(one.per.read).toBeLessThanOrEqual(2);
});
