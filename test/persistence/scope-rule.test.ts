import type { Actor, Role, Scope } from '@hardtech/domain';
import { AccessService } from '@hardtech/persistence';
import { FILL_COMMISSIONERS } from '@hardtech/persistence/migrations/1765956100000-ProblemCommissioner';
import { FILL_NOMINATION_CLUSTERS } from '@hardtech/persistence/migrations/1765990000000-ClusterDivisions';
import { createCast, createUser, freshCreditCode, Member } from '../support/cast';
import { closeDb, db, openDataSource, openOwnerDataSource } from '../support/db';
import { driveToExit, driveToGraduation, driveToSupporting } from '../support/drive';
import { upload } from '../support/files';
import { expectOk, nominationFor, problem } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// The scope rule (libs/persistence/src/access/access.service.ts) is applied two ways: for the
// caller, over named parameters (every read), and for many user rows at once, over their columns
// (the 抄送 picker). For one enterprise and users of every role, in scope and out of it, both say
// the same.
afterAll(() => Promise.all([closeDb(), closeTemporal()]));

const access = new AccessService();

/** Whether `actor` sees the enterprise, by the rule read for the caller and off the user row. */
async function seenBothWays(
  ds: Awaited<ReturnType<typeof openDataSource>>,
  creditCode: string,
  actor: Actor,
) {
  const caller = access.enterprises(actor, 'e');
  const asCaller = await ds
    .createQueryBuilder()
    .select('1')
    .from('enterprises', 'e')
    .where('e.credit_code = :creditCode', { creditCode })
    .andWhere(caller.sql, caller.params)
    .getRawOne();
  const asRow = await ds
    .createQueryBuilder()
    .select('1')
    .from('users', 'u')
    .innerJoin('enterprises', 'e', 'e.credit_code = :creditCode', { creditCode })
    .where('u.username = :username', { username: actor.username })
    .andWhere(access.enterpriseSeenByUser('u', 'e'))
    .getRawOne();
  return [!!asCaller, !!asRow];
}

it('lets the same users of every role see an enterprise, read for the caller or off the user row', async () => {
  const c = await createCast('500112', 'T2');
  // Admitted with its commissioner, and a ledger problem owned by the finance division.
  await driveToSupporting(c);
  const others: [Role, Scope, boolean][] = [
    ['system_admin', {}, true],
    ['security_admin', {}, false],
    ['audit_admin', {}, false],
    ['leader', {}, true],
    ['industry_officer', { clusters: ['T1'] }, false],
    ['district_officer', { districts: ['500101'] }, false],
    ['commissioner', {}, false],
    ['enterprise_user', { creditCodes: [freshCreditCode()] }, false],
    ['finance_officer', { department: 'finance' }, true],
    ['sme_officer', { department: 'sme' }, false],
  ];
  const created = await Promise.all(others.map(([role, scope]) => createUser(role, scope)));
  const expected = new Map<string, boolean>([
    ...[c.coordinator, c.districtOfficer, c.enterprise, c.commissioner, c.industry, c.auditor].map(
      (m: Member) => [m.username, true] as const,
    ),
    ...created.map((m, i) => [m.username, others[i][2]] as const),
  ]);
  const { rows } = await db().query(`SELECT username, role, scope FROM users WHERE username = ANY($1)`, [
    [...expected.keys()],
  ]);
  expect(rows).toHaveLength(expected.size);

  const ds = await openDataSource();
  try {
    const seen = async (actor: Actor) => [actor.username, ...(await seenBothWays(ds, c.creditCode, actor))];
    const answers = await Promise.all(rows.map((u: Actor) => seen(u)));
    expect(answers.sort()).toEqual([...expected].map(([username, sees]) => [username, sees, sees]).sort());
  } finally {
    await ds.destroy();
  }
});

// Nominated again, an enterprise starts a new ledger. An owner department sees the enterprise while
// its current lifecycle has a problem they own; a commissioner reads the problems of the lifecycle
// they served. An earlier lifecycle's problem stays readable, by itself, to those who had it.
it("scopes owner departments by the current lifecycle's problems and commissioners by each problem's own", async () => {
  const c = await createCast();
  const [finance, sme, nextCommissioner] = await Promise.all([
    createUser('finance_officer', { department: 'finance' }),
    createUser('sme_officer', { department: 'sme' }),
    createUser('commissioner', {}),
  ]);
  await driveToGraduation(c);
  const [earlier] = (await expectOk(c.coordinator.api.get(`/api/problems?creditCode=${c.creditCode}`))).items;
  expect(earlier.ownerDepartment).toBe('finance');

  await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
  await driveToSupporting(
    { ...c, commissioner: nextCommissioner },
    { nominated: true, problems: [problem({ ownerDepartment: 'sme', title: '人才引进' })] },
  );
  const [current] = (await expectOk(c.coordinator.api.get(`/api/problems?creditCode=${c.creditCode}`))).items;
  expect([current.ownerDepartment, current.title]).toEqual(['sme', '人才引进']);

  const status = async (reader: Member, path: string) => (await reader.api.get(path)).status;
  const file = `/api/enterprises/${c.creditCode}`;
  const read = (p: { id: string }) => `/api/problems/${p.id}`;
  // 产业金融处 owned only the first lifecycle's problem: not the file of the second, but that problem.
  expect(await status(finance, file)).toBe(404);
  expect(await status(finance, read(earlier))).toBe(200);
  expect(await status(finance, read(current))).toBe(404);
  expect((await expectOk(finance.api.get(`/api/problems?creditCode=${c.creditCode}`))).items).toEqual([]);
  expect(await status(sme, file)).toBe(200);
  expect(await status(sme, read(earlier))).toBe(404);
  // Each commissioner reads the problems of the lifecycle they served, not the other's.
  expect(await status(c.commissioner, read(earlier))).toBe(200);
  expect(await status(c.commissioner, read(current))).toBe(404);
  expect(await status(c.commissioner, file)).toBe(404);
  expect(await status(nextCommissioner, read(earlier))).toBe(404);
  expect(await status(nextCommissioner, read(current))).toBe(200);

  // The 抄送 picker's form of the rule (off the user row) says the same as the caller's.
  const { rows } = await db().query(`SELECT username, role, scope FROM users WHERE username = ANY($1)`, [
    [finance.username, sme.username],
  ]);
  const ds = await openDataSource();
  try {
    const seen = Object.fromEntries(
      await Promise.all(rows.map(async (u: Actor) => [u.role, await seenBothWays(ds, c.creditCode, u)])),
    );
    expect(seen).toEqual({ finance_officer: [false, false], sme_officer: [true, true] });

    // Rows from before the column get each lifecycle's commissioner (migration 1765956100000): the
    // current one's from the enterprise, the earlier one's from its ADMIT.
    const ids = [earlier.id, current.id];
    await db().query(`UPDATE problems SET commissioner = NULL WHERE id = ANY($1)`, [ids]);
    await db().query(FILL_COMMISSIONERS);
    const filled = await db().query(`SELECT id, commissioner FROM problems WHERE id = ANY($1)`, [ids]);
    expect(Object.fromEntries(filled.rows.map((r: any) => [r.id, r.commissioner]))).toEqual({
      [earlier.id]: c.commissioner.username,
      [current.id]: nextCommissioner.username,
    });
  } finally {
    await ds.destroy();
  }
});

// A district or industry officer reads an earlier lifecycle's problem, and the files on it, by the
// district and lead cluster it was served in (kept on the row, as its commissioner is), not by where
// the enterprise is served now: nominated again in another district, the first district keeps the
// ledger it worked, and the next one does not receive it.
it("scopes an earlier lifecycle's problem and its files by the district that served it", async () => {
  const c = await createCast('500112', 'T2');
  const [nextDistrict, nextCluster] = await Promise.all([
    createUser('district_officer', { districts: ['500113'] }),
    createUser('industry_officer', { clusters: ['T3'] }),
  ]);
  await driveToSupporting(c);
  const [earlier] = (await expectOk(c.coordinator.api.get(`/api/problems?creditCode=${c.creditCode}`))).items;
  const file = await upload(c.commissioner.api, {
    creditCode: c.creditCode,
    subject: 'problem',
    subjectId: earlier.id,
  });
  expect(file.status).toBe(201);
  await driveToExit(c);
  // Moved: nominated again in another district and cluster.
  await expectOk(
    c.coordinator.api.post('/api/nominations', nominationFor(c, { district: '500113', cluster: 'T3' })),
    201,
  );

  const status = async (reader: Member, path: string) => (await reader.api.get(path)).status;
  const problemPath = `/api/problems/${earlier.id}`;
  const download = `/api/attachments/${file.body.id}/download`;
  const listed = async (reader: Member) =>
    (
      await expectOk(
        reader.api.get(`/api/attachments?creditCode=${c.creditCode}&subject=problem&subjectId=${earlier.id}`),
      )
    ).map((a: { id: string }) => a.id);
  // The enterprise is the next district's now, its earlier ledger the first district's.
  expect(await status(nextDistrict, `/api/enterprises/${c.creditCode}`)).toBe(200);
  for (const outsider of [nextDistrict, nextCluster]) {
    expect([await status(outsider, problemPath), await status(outsider, download)]).toEqual([404, 404]);
    expect(await listed(outsider)).toEqual([]);
  }
  expect(await status(c.districtOfficer, `/api/enterprises/${c.creditCode}`)).toBe(404);
  for (const served of [c.districtOfficer, c.industry]) {
    expect([await status(served, problemPath), await status(served, download)]).toEqual([200, 200]);
    expect(await listed(served)).toEqual([file.body.id]);
  }
  // The enterprise reads its own ledger of every lifecycle, as before.
  expect(await status(c.enterprise, download)).toBe(200);
});

// An industry officer sees an enterprise by its nomination cluster or its lead cluster, and so reads
// the problems of that lifecycle while it runs; once the enterprise is nominated again, an earlier
// lifecycle's problem stays readable to the officers of both clusters it was served in (both kept
// on its row, migration 1765990000000), and to no other cluster's, the next nomination's included.
it("lets the officers of an earlier lifecycle's nomination and lead clusters read its problem, and no other cluster's", async () => {
  // Nominated in T3, admitted with T2 (the cast's cluster, whose officer reviews) as its lead.
  const c = await createCast('500112', 'T2');
  const [nominationOfficer, nextOfficer, unrelated] = await Promise.all([
    createUser('industry_officer', { clusters: ['T3'] }),
    createUser('industry_officer', { clusters: ['F1'] }),
    createUser('industry_officer', { clusters: ['P1'] }),
  ]);
  await driveToSupporting(c, {
    nomination: { cluster: 'T3' },
    problems: [problem({ ownerDepartment: 'industry', title: '芯片封测产能' })],
  });
  const [earlier] = (await expectOk(c.coordinator.api.get(`/api/problems?creditCode=${c.creditCode}`))).items;
  const status = async (reader: Member, path: string) => (await reader.api.get(path)).status;
  const problemPath = `/api/problems/${earlier.id}`;
  // While the lifecycle runs, both clusters' officers read it.
  expect([await status(nominationOfficer, problemPath), await status(c.industry, problemPath)]).toEqual([
    200, 200,
  ]);

  await driveToExit(c);
  await expectOk(c.coordinator.api.post('/api/nominations', nominationFor(c, { cluster: 'F1' })), 201);

  expect(await status(nextOfficer, `/api/enterprises/${c.creditCode}`)).toBe(200);
  for (const served of [nominationOfficer, c.industry]) {
    expect(await status(served, problemPath)).toBe(200);
  }
  for (const outsider of [nextOfficer, unrelated]) {
    expect(await status(outsider, problemPath)).toBe(404);
    expect((await expectOk(outsider.api.get(`/api/problems?creditCode=${c.creditCode}`))).items).toEqual([]);
  }

  // Rows from before the column get their lifecycle's nomination cluster: the earlier one's from
  // the cluster its ADMIT opened with, the enterprise's own for its current lifecycle.
  const owner = await openOwnerDataSource();
  try {
    await owner.query(`ALTER TABLE problems ALTER COLUMN nomination_cluster DROP NOT NULL`);
    await owner.query(`UPDATE problems SET nomination_cluster = NULL WHERE id = $1`, [earlier.id]);
    await owner.query(FILL_NOMINATION_CLUSTERS);
  } finally {
    await owner.query(`ALTER TABLE problems ALTER COLUMN nomination_cluster SET NOT NULL`);
    await owner.destroy();
  }
  const filled = await db().query(`SELECT nomination_cluster, cluster FROM problems WHERE id = $1`, [
    earlier.id,
  ]);
  expect(filled.rows).toEqual([{ nomination_cluster: 'T3', cluster: 'T2' }]);
});
