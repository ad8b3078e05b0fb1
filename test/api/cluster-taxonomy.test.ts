import { randomBytes } from 'node:crypto';
import { auditActionLabel } from '@hardtech/domain';
import { auditAdminApi, createCast, createUser, Member } from '../support/cast';
import { closeDb, db } from '../support/db';
import { driveToSupporting } from '../support/drive';
import { eventually, expectOk, nominationFor } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// The editable "33618" taxonomy: the system administrator adds a 新星 cluster, and everything that
// takes a cluster takes it (nomination, ADMIT's lead cluster, an industry officer's scope, the
// filters); an officer scoped elsewhere never reads its enterprise. Renamed, it reads its new name;
// retired, it takes no new nomination (422) and stays named on the enterprise it has. Bad input and
// other roles change nothing.
afterAll(() => Promise.all([closeDb(), closeTemporal()]));

// A code no earlier run of this database used: codes are never reused.
const code = `N${randomBytes(4).toString('hex').toUpperCase()}`;
const NEW_STAR = {
  code,
  tier: 'new_star',
  name: '细胞与基因治疗',
  en: 'Cell and gene therapy',
  divisionName: '生物医药处',
};

let admin: Member;
let elsewhere: Member;
let cast: Awaited<ReturnType<typeof createCast>>;

const clusterRow = async () => (await db().query(`SELECT * FROM clusters WHERE code = $1`, [code])).rows[0];
const referenceCluster = async (m: Member) =>
  (await expectOk(m.api.get('/api/reference'))).clusters.find((c: { code: string }) => c.code === code);

beforeAll(async () => {
  [admin, elsewhere] = await Promise.all([
    createUser('system_admin', {}),
    createUser('industry_officer', { clusters: ['T2'] }),
  ]);
});

it('adds a new-star cluster that the reference offers at once, the change audited in words', async () => {
  const added = await expectOk(admin.api.post('/api/admin/clusters', NEW_STAR), 201);
  expect(added).toEqual({ ...NEW_STAR, active: true, divisionEn: null });
  expect(await referenceCluster(admin)).toEqual(added);
  const log = await eventually(async () => {
    const page = await expectOk(
      (await auditAdminApi()).get(`/api/audit?actor=${admin.username}&pageSize=50`),
    );
    return page.items.find((e: { action: string }) => e.action === 'POST /api/admin/clusters');
  });
  expect(auditActionLabel(log.action).zh).toBe('新增产业集群');
});

it('takes it for a nomination, ADMIT’s lead cluster and an industry officer’s scope', async () => {
  // createCast scopes its industry officer to the new cluster (POST /api/users checks the codes).
  cast = await createCast('500112', code);
  await driveToSupporting(cast);
  const own = await expectOk(cast.industry.api.get(`/api/enterprises/${cast.creditCode}`));
  expect(own).toMatchObject({ cluster: code, leadCluster: code, stage: 'supporting' });
  const listed = await expectOk(cast.industry.api.get(`/api/enterprises?cluster=${code}`));
  expect(listed.items.map((e: { creditCode: string }) => e.creditCode)).toEqual([cast.creditCode]);
  const tasks = await expectOk(
    cast.coordinator.api.get(`/api/tasks?cluster=${code}&view=all&status=done&pageSize=50`),
  );
  expect(tasks.items.map((x: { type: string }) => x.type)).toContain('ADMIT');
  // A saved inbox view may filter by it.
  await expectOk(
    cast.coordinator.api.post('/api/views', { name: `集群 ${code}`, filter: { cluster: code } }),
    201,
  );
});

it('lets nobody scoped to another cluster read its enterprise', async () => {
  expect((await elsewhere.api.get(`/api/enterprises/${cast.creditCode}`)).status).toBe(404);
  const listed = await expectOk(elsewhere.api.get(`/api/enterprises?cluster=${code}`));
  expect(listed.items).toEqual([]);
  const problems = await expectOk(elsewhere.api.get(`/api/problems?creditCode=${cast.creditCode}`));
  expect(problems.items).toEqual([]);
});

it('renames it: the enterprise keeps its code and reads the new names', async () => {
  const renamed = await expectOk(
    admin.api.patch(`/api/admin/clusters/${code}`, {
      name: '生物医药及大健康',
      en: 'Biomedicine and health',
    }),
  );
  expect(renamed).toMatchObject({
    code,
    name: '生物医药及大健康',
    en: 'Biomedicine and health',
    active: true,
  });
  expect((await expectOk(cast.industry.api.get(`/api/enterprises/${cast.creditCode}`))).cluster).toBe(code);
});

it('retired, refuses a new nomination and a new scope, and still names the old enterprise', async () => {
  const retired = await expectOk(admin.api.post(`/api/admin/clusters/${code}/retire`, {}));
  expect(retired).toMatchObject({ code, active: false, name: '生物医药及大健康' });

  const other = await createCast('500112', 'T2');
  const refused = await other.districtOfficer.api.post(
    '/api/nominations',
    nominationFor(other, { cluster: code }),
  );
  expect([refused.status, refused.body.code, refused.body.details?.[0]?.field]).toEqual([
    422,
    'CLUSTER_RETIRED',
    'cluster',
  ]);
  expect(
    (await db().query(`SELECT 1 FROM enterprises WHERE credit_code = $1`, [other.creditCode])).rows,
  ).toEqual([]);
  await expect(createUser('industry_officer', { clusters: [code] })).rejects.toThrow(/422 .*CLUSTER_RETIRED/);

  // The old enterprise: its cluster and the taxonomy's name for it, as every page reads them.
  expect((await expectOk(cast.industry.api.get(`/api/enterprises/${cast.creditCode}`))).cluster).toBe(code);
  expect(await referenceCluster(cast.enterprise)).toMatchObject({ name: '生物医药及大健康', active: false });
  const sheet = await cast.coordinator.api.get(`/api/enterprises/export.xlsx?cluster=${code}`);
  expect(sheet.status).toBe(200);
});

it('refuses bad input and every other role, and changes nothing', async () => {
  // Other test files add their own clusters meanwhile (jest runs two at once): compare the rows
  // there were, and look for the codes this test tried, rather than the whole table.
  const tried = ['NZZ1', 'NZZ2', 'n 1'];
  const clusters = async () =>
    (
      await db().query(`SELECT * FROM clusters WHERE code = ANY($1) OR code = ANY($2) ORDER BY code`, [
        before.map((c) => c.code),
        tried,
      ])
    ).rows;
  const before: { code: string }[] = (await db().query(`SELECT * FROM clusters ORDER BY code`)).rows;
  const send = (m: Member, path: string, body: unknown, method: 'post' | 'patch' = 'post') =>
    m.api[method](`/api/admin/clusters${path}`, body);
  const cases = [
    [await send(admin, '', { ...NEW_STAR }), 422, 'CLUSTER_CODE_TAKEN', ['code']],
    [await send(admin, '', { ...NEW_STAR, code: 'T1' }), 422, 'CLUSTER_CODE_TAKEN', ['code']],
    [await send(admin, '', { ...NEW_STAR, code: 'n 1' }), 422, 'CLUSTER_INVALID', ['code']],
    [
      await send(admin, '', { code: 'NZZ1', tier: 'new_star', name: ' ' }),
      422,
      'CLUSTER_INVALID',
      ['name', 'en'],
    ],
    [
      await send(admin, '', { ...NEW_STAR, code: 'NZZ1', tier: 'galactic' }),
      422,
      'CLUSTER_INVALID',
      ['tier'],
    ],
    [await send(admin, '', { ...NEW_STAR, code: 'NZZ1', extra: 1 }), 400, 'VALIDATION_FAILED'],
    [await send(admin, '/T1', { name: '', en: 'x' }, 'patch'), 422, 'CLUSTER_INVALID', ['name']],
    // Named as another cluster (F5 生物医药), in either language: officers pick clusters by name.
    [
      await send(admin, '', { ...NEW_STAR, code: 'NZZ1', name: '生物医药', en: 'BIOMEDICINE' }),
      422,
      'CLUSTER_INVALID',
      ['name', 'en'],
    ],
    [await send(admin, '/T1', { name: '生物医药', en: 'Cars' }, 'patch'), 422, 'CLUSTER_INVALID', ['name']],
    [await send(admin, '/NOPE', { name: '某', en: 'x' }, 'patch'), 404, 'CLUSTER_NOT_FOUND'],
    [await send(admin, '/NOPE/retire', {}), 404, 'CLUSTER_NOT_FOUND'],
    [await send(cast.coordinator, '', { ...NEW_STAR, code: 'NZZ2' }), 403],
    [await send(cast.industry, '/T1', { name: '改名', en: 'Renamed' }, 'patch'), 403],
    [await send(cast.enterprise, '/T1/retire', {}), 403],
  ] as const;
  for (const [res, status, problemCode, fields] of cases) {
    expect([res.status, res.body.code]).toEqual([status, problemCode ?? res.body.code]);
    if (fields) expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(fields);
  }
  expect(await clusters()).toEqual(before);
  expect(await clusterRow()).toMatchObject({ active: false });
});
