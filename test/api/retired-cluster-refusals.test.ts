import { randomBytes } from 'node:crypto';
import { adminApi, Cast, createCast, createUser, PASSWORD, tag } from '../support/cast';
import { closeDb, db } from '../support/db';
import { complete, expectOk, JUDGMENTS, nominationFor, openTask } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// A retired cluster is chosen for nothing new: an industry officer's scope and a supplement's
// corrected cluster refuse it 422 CLUSTER_RETIRED naming the field, in zh-CN beside it; a code the
// taxonomy never had stays a 400. A refusal changes nothing; an officer keeps a cluster they held.
afterAll(() => Promise.all([closeDb(), closeTemporal()]));

const retired = `N${randomBytes(4).toString('hex').toUpperCase()}`;
const UNKNOWN = 'ZZ9';

const userRow = async (username: string) =>
  (await db().query(`SELECT role, scope, display_name FROM users WHERE username = $1`, [username])).rows[0];
const fields = (body: { details?: { field: string }[] }) => body.details?.map((d) => d.field);

let held: string;

beforeAll(async () => {
  const admin = await adminApi();
  await expectOk(
    admin.post('/api/admin/clusters', {
      code: retired,
      tier: 'new_star',
      name: `停用测试集群${retired}`,
      en: `Retired test cluster ${retired}`,
    }),
    201,
  );
  // An officer who had the cluster before it was retired.
  held = (await createUser('industry_officer', { clusters: ['T2', retired] })).username;
  await expectOk(admin.post(`/api/admin/clusters/${retired}/retire`, {}));
});

describe('an industry officer’s scope', () => {
  it('refuses a retired cluster 422 by its index, an unknown one 400, and creates nobody', async () => {
    const admin = await adminApi();
    const create = (username: string, clusters: string[]) =>
      admin.post('/api/users', {
        username,
        password: PASSWORD,
        displayName: username,
        role: 'industry_officer',
        scope: { clusters },
      });
    const refusedName = `industry-officer-${tag()}`;
    const refused = await create(refusedName, ['T2', retired]);
    expect([refused.status, refused.body.code, fields(refused.body)]).toEqual([
      422,
      'CLUSTER_RETIRED',
      ['scope.clusters[1]'],
    ]);
    expect(refused.body.details[0].message).toBe(`产业集群 ${retired} 已停用，请选择在用的集群`);
    const unknownName = `industry-officer-${tag()}`;
    const unknown = await create(unknownName, [UNKNOWN, retired]);
    expect([unknown.status, unknown.body.code, fields(unknown.body)]).toEqual([
      400,
      'VALIDATION_FAILED',
      ['scope.clusters[0]'],
    ]);
    expect(await userRow(refusedName)).toBeUndefined();
    expect(await userRow(unknownName)).toBeUndefined();
  });

  it('refuses adding it to an officer, changing nothing, and lets one who held it keep it', async () => {
    const admin = await adminApi();
    const officer = await createUser('industry_officer', { clusters: ['T2'] });
    const before = await userRow(officer.username);
    const refused = await admin.patch(`/api/users/${officer.username}`, {
      displayName: '改名不应生效',
      scope: { clusters: ['T2', retired] },
    });
    expect([refused.status, refused.body.code, fields(refused.body)]).toEqual([
      422,
      'CLUSTER_RETIRED',
      ['scope.clusters[1]'],
    ]);
    expect(await userRow(officer.username)).toEqual(before);

    // The user form sends the whole scope: a retired cluster the officer had stays theirs.
    const kept = await expectOk(
      admin.patch(`/api/users/${held}`, {
        displayName: '仍分管旧集群',
        scope: { clusters: [retired, 'T3'] },
      }),
    );
    expect(kept.scope.clusters).toEqual([retired, 'T3']);
  });
});

describe('a supplement’s corrected cluster', () => {
  let c: Cast;

  beforeAll(async () => {
    c = await createCast('500112', 'T2');
    await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
    await expectOk(
      complete(c.coordinator.api, c.creditCode, 'SCREEN', 'request_info', { questions: '请核对所属集群' }),
    );
  });

  const nominationNow = async () =>
    (await expectOk(c.coordinator.api.get(`/api/enterprises/${c.creditCode}`))).nomination;

  it('refuses a retired cluster 422 with the field and a zh-CN message, an unknown one 400: nothing changes', async () => {
    const before = await nominationNow();
    const task = await openTask(c.districtOfficer.api, c.creditCode, 'SUPPLEMENT');
    const submit = (cluster: string) =>
      complete(c.districtOfficer.api, c.creditCode, 'SUPPLEMENT', 'submit', {
        corrections: { cluster, classOneIpCount: 3 },
      });
    const refused = await submit(retired);
    expect([refused.status, refused.body.code, refused.body.details]).toEqual([
      422,
      'CLUSTER_RETIRED',
      [{ field: 'data.corrections.cluster', message: `产业集群 ${retired} 已停用，请选择在用的集群` }],
    ]);
    expect(refused.body.message).toBe(`产业集群 ${retired} 已停用，不能再选用`);
    const unknown = await submit(UNKNOWN);
    expect([unknown.status, unknown.body.code, fields(unknown.body)]).toEqual([
      400,
      'VALIDATION_FAILED',
      ['data.corrections.cluster'],
    ]);
    // Still open, the nomination as it was.
    expect((await openTask(c.districtOfficer.api, c.creditCode, 'SUPPLEMENT'))?.id).toBe(task.id);
    expect(await nominationNow()).toEqual(before);

    const r = await expectOk(submit('T3'));
    expect(r).toMatchObject({ stage: 'screening', nextTasks: [{ type: 'SCREEN' }] });
    expect(await nominationNow()).toMatchObject({ cluster: 'T3', classOneIpCount: 3 });
    expect(
      (await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS })))
        .stage,
    ).toBe('feedback');
  });
});
