import { randomUUID } from 'node:crypto';
import { createUser, freshCreditCode } from '../support/cast';
import { closeDb, db } from '../support/db';
import { expectOk } from '../support/lifecycle';

afterAll(() => closeDb());

// Issue 10 §4: saved inbox views, stored on the server and shared with a role, a district or a department.
it('shows a shared view to its audience only, and lets only its owner change it', async () => {
  const [owner, sameDistrict, otherDistrict, sme, finance, coordinator] = await Promise.all([
    createUser('district_officer', { districts: ['500112'] }),
    createUser('district_officer', { districts: ['500112'] }),
    createUser('district_officer', { districts: ['500113'] }),
    createUser('sme_officer', { department: 'sme' }),
    createUser('finance_officer', { department: 'finance' }),
    createUser('city_coordinator', {}),
  ]);
  const byDistrict = await expectOk(
    owner.api.post('/api/views', {
      name: '渝北逾期反馈',
      filter: { type: 'DISTRICT_FEEDBACK', overdue: true, district: '500112' },
      sharedWith: { districts: ['500112'] },
    }),
    201,
  );
  const byDepartment = await expectOk(
    owner.api.post('/api/views', {
      name: '中小企业处吹哨',
      filter: { type: 'WHISTLE_RESPONSE' },
      sharedWith: { departments: ['sme'] },
    }),
    201,
  );
  const byRole = await expectOk(
    owner.api.post('/api/views', {
      name: '科技处待筛选',
      filter: { type: 'SCREEN', sort: '-createdAt' },
      sharedWith: { roles: ['city_coordinator'] },
    }),
    201,
  );
  const privateView = await expectOk(
    owner.api.post('/api/views', { name: '我的', filter: { view: 'mine' } }),
    201,
  );

  const ids = async (u: { api: any }) =>
    (await expectOk(u.api.get('/api/views'))).map((v: any) => v.id).sort();
  const mine = [byDistrict.id, byDepartment.id, byRole.id, privateView.id];
  expect(await ids(owner)).toEqual(mine.sort());
  const seen = (await expectOk(sameDistrict.api.get('/api/views'))).filter((v: any) => mine.includes(v.id));
  expect(seen.map((v: any) => [v.id, v.mine])).toEqual([[byDistrict.id, false]]);
  expect((await ids(otherDistrict)).filter((id: string) => mine.includes(id))).toEqual([]);
  expect((await ids(sme)).filter((id: string) => mine.includes(id))).toEqual([byDepartment.id]);
  expect((await ids(finance)).filter((id: string) => mine.includes(id))).toEqual([]);
  expect((await ids(coordinator)).filter((id: string) => mine.includes(id))).toEqual([byRole.id]);

  expect((await sameDistrict.api.put(`/api/views/${byDistrict.id}`, { name: 'x' })).status).toBe(403);
  expect((await otherDistrict.api.put(`/api/views/${byDistrict.id}`, { name: 'x' })).status).toBe(404);
  expect((await otherDistrict.api.request('DELETE', `/api/views/${privateView.id}`)).status).toBe(404);
  const renamed = await expectOk(
    owner.api.put(`/api/views/${byDistrict.id}`, {
      name: '渝北逾期',
      filter: { overdue: true },
      sharedWith: {},
    }),
  );
  expect(renamed).toMatchObject({
    name: '渝北逾期',
    sharedWith: { roles: [], districts: [], departments: [] },
  });
  expect((await ids(sameDistrict)).includes(byDistrict.id)).toBe(false);
  expect((await owner.api.request('DELETE', `/api/views/${privateView.id}`)).status).toBe(204);

  for (const body of [
    { name: '' },
    { name: 'x', filter: { sql: '1' } },
    { name: 'x', sharedWith: { roles: ['god'] } },
    { name: 'x', owner: 'me' },
  ]) {
    expect([body, (await owner.api.post('/api/views', body)).status]).toEqual([body, 400]);
  }
});

it('leaves views to the officers: an enterprise, whose list is its own steps, may not save or share one', async () => {
  const enterprise = await createUser('enterprise_user', { creditCodes: [freshCreditCode()] });
  const body = { name: '我的', filter: { view: 'mine' }, sharedWith: { roles: ['city_coordinator'] } };
  const created = await enterprise.api.post('/api/views', body);
  expect(created.status).toBe(403);
  expect(created.body.code).toBe('ROLE_NOT_ALLOWED');
  expect(await expectOk(enterprise.api.get('/api/views'))).toEqual([]);
});

it('shares no view with enterprises (422), and shows an enterprise none shared with it before', async () => {
  const [officer, enterprise] = await Promise.all([
    createUser('district_officer', { districts: ['500112'] }),
    createUser('enterprise_user', { creditCodes: [freshCreditCode()] }),
  ]);
  const refused = await officer.api.post('/api/views', {
    name: '给企业看',
    filter: { view: 'all' },
    sharedWith: { roles: ['city_coordinator', 'enterprise_user'] },
  });
  expect([refused.status, refused.body.code]).toEqual([422, 'VIEW_NOT_FOR_ENTERPRISES']);
  expect(refused.body.details).toEqual([expect.objectContaining({ field: 'sharedWith.roles[1]' })]);
  const own = await expectOk(officer.api.post('/api/views', { name: '渝北', filter: { view: 'all' } }), 201);
  const changed = await officer.api.put(`/api/views/${own.id}`, {
    name: '渝北',
    sharedWith: { roles: ['enterprise_user'] },
  });
  expect([changed.status, changed.body.code]).toEqual([422, 'VIEW_NOT_FOR_ENTERPRISES']);
  const { rows } = await db().query(`SELECT name, shared_roles FROM saved_views WHERE owner = $1`, [
    officer.username,
  ]);
  expect(rows).toEqual([{ name: '渝北', shared_roles: [] }]);

  // A view shared with every enterprise user before sharing was refused (the migration takes the
  // role out of stored audiences; this row is written after it): still not read by an enterprise.
  const stored = randomUUID();
  await db().query(
    `INSERT INTO saved_views (id, owner, name, filter, shared_roles, shared_districts, shared_departments)
     VALUES ($1, $2, '旧共享', '{}', '{enterprise_user}', '{}', '{}')`,
    [stored, officer.username],
  );
  expect(await expectOk(enterprise.api.get('/api/views'))).toEqual([]);
  expect((await enterprise.api.request('DELETE', `/api/views/${stored}`)).status).toBe(404);
});

it('offers and shares views with case workers only: the three administrators are refused (422)', async () => {
  const officer = await createUser('district_officer', { districts: ['500112'] });
  const roles = (await expectOk(officer.api.get('/api/views/share-roles'))).map((r: any) => r.value);
  expect(roles).toEqual(
    expect.arrayContaining(['city_coordinator', 'district_officer', 'auditor', 'leader']),
  );
  for (const role of ['system_admin', 'security_admin', 'audit_admin', 'enterprise_user'])
    expect(roles).not.toContain(role);
  const coordinator = (await expectOk(officer.api.get('/api/views/share-roles'))).find(
    (r: any) => r.value === 'city_coordinator',
  );
  expect(coordinator.label).toEqual({ zh: '科技处（统筹）', en: 'City coordinator' });

  const refused = await officer.api.post('/api/views', {
    name: '给管理员看',
    filter: { view: 'all' },
    sharedWith: { roles: ['city_coordinator', 'security_admin'] },
  });
  expect([refused.status, refused.body.code]).toEqual([422, 'VIEW_NOT_FOR_ADMINISTRATORS']);
  expect(refused.body.details).toEqual([expect.objectContaining({ field: 'sharedWith.roles[1]' })]);
  const own = await expectOk(officer.api.post('/api/views', { name: '渝北', filter: { view: 'all' } }), 201);
  for (const role of ['system_admin', 'audit_admin']) {
    const changed = await officer.api.put(`/api/views/${own.id}`, {
      name: '渝北',
      sharedWith: { roles: [role] },
    });
    expect([role, changed.status, changed.body.code]).toEqual([role, 422, 'VIEW_NOT_FOR_ADMINISTRATORS']);
  }
  const { rows } = await db().query(`SELECT shared_roles FROM saved_views WHERE owner = $1`, [
    officer.username,
  ]);
  expect(rows).toEqual([{ shared_roles: [] }]);
  // An enterprise asks no such list.
  const enterprise = await createUser('enterprise_user', { creditCodes: [freshCreditCode()] });
  expect((await enterprise.api.get('/api/views/share-roles')).status).toBe(403);
});
