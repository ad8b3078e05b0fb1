import { createCast, createUser, Member } from '../support/cast';
import { closeDb, db } from '../support/db';
import { driveToSupporting } from '../support/drive';
import { expectOk, problem } from '../support/lifecycle';
import { getPdf } from '../support/pdf';
import { closeTemporal } from '../support/temporal';
import { rowsOf, workbook } from '../support/xlsx';

// 三(一) 各行业处室牵头: each cluster of the taxonomy names the 行业处室 that leads it (the system
// administrator sets it, PUT /api/admin/clusters/:code/division), and an industry-owned problem's
// 责任部门 is that division wherever it shows (the enterprise's own page, the ledger, the problem,
// the ledger export, the dossier), 行业处室（cluster） while none is named. Bad input changes nothing.
afterAll(async () => {
  await db().query(`UPDATE clusters SET division_name = NULL, division_en = NULL WHERE code = $1`, [cluster]);
  await Promise.all([closeDb(), closeTemporal()]);
});

const NAMED = { name: '电子信息处', en: 'Electronic Information Division' };

let cluster: string;
let names: { name: string; en: string };
let admin: Member;
let industryId: string;
let financeId: string;
let cast: Awaited<ReturnType<typeof createCast>>;

// A built-in cluster: ADMIT's lead cluster is checked against them. Its division is unset after.
const CLUSTER = 'F4';

beforeAll(async () => {
  cluster = CLUSTER;
  const [row] = (await db().query(`SELECT name, en FROM clusters WHERE code = $1`, [cluster])).rows;
  names = row;
  await db().query(`UPDATE clusters SET division_name = NULL, division_en = NULL WHERE code = $1`, [cluster]);
  admin = await createUser('system_admin', {});
  cast = await createCast('500112', cluster);
  await driveToSupporting(cast, {
    problems: [problem({ ownerDepartment: 'industry', title: '封测产能' }), problem({ title: '流动资金' })],
  });
  const { problems } = await expectOk(cast.enterprise.api.get(`/api/enterprises/${cast.creditCode}`));
  industryId = problems.find((p: { ownerDepartment: string }) => p.ownerDepartment === 'industry').id;
  financeId = problems.find((p: { ownerDepartment: string }) => p.ownerDepartment === 'finance').id;
});

const setDivision = (by: Member, code: string, body: unknown) =>
  by.api.put(`/api/admin/clusters/${code}/division`, body);

/** 责任部门 of both problems, as the enterprise's page, the ledger and the problem itself read it. */
async function divisions() {
  const own = await expectOk(cast.enterprise.api.get(`/api/enterprises/${cast.creditCode}`));
  const ledger = await expectOk(cast.coordinator.api.get(`/api/problems?creditCode=${cast.creditCode}`));
  const single = await expectOk(cast.coordinator.api.get(`/api/problems/${industryId}`));
  const pick = (items: { id: string; leadCluster: string; leadDivision: unknown }[], id: string) => {
    const p = items.find((x) => x.id === id)!;
    return { leadCluster: p.leadCluster, leadDivision: p.leadDivision };
  };
  return [
    pick(own.problems, industryId),
    pick(ledger.items, industryId),
    { leadCluster: single.leadCluster, leadDivision: single.leadDivision },
  ];
}

it('reads 行业处室（cluster） for the industry side until the administrator names the division', async () => {
  const fallback = {
    leadCluster: cluster,
    leadDivision: { zh: `行业处室（${names.name}）`, en: `Industry division (${names.en})` },
  };
  expect(await divisions()).toEqual([fallback, fallback, fallback]);
});

it('names the division the administrator sets in every output of 责任部门, and unsets it', async () => {
  const set = await expectOk(setDivision(admin, cluster, NAMED));
  expect(set).toMatchObject({ code: cluster, divisionName: NAMED.name, divisionEn: NAMED.en });
  const reference = await expectOk(cast.enterprise.api.get('/api/reference'));
  expect(reference.clusters.find((c: { code: string }) => c.code === cluster)).toMatchObject({
    divisionName: NAMED.name,
    divisionEn: NAMED.en,
  });
  const named = { leadCluster: cluster, leadDivision: { zh: NAMED.name, en: NAMED.en } };
  expect(await divisions()).toEqual([named, named, named]);

  // The ledger export and the dossier: the division for the industry side, the department else.
  const sheet = rowsOf(
    (await workbook(cast.coordinator.api, `/api/problems/export.xlsx?creditCode=${cast.creditCode}`))
      .worksheets[0],
  );
  const owner = sheet[0].indexOf('责任部门');
  const byTitle = Object.fromEntries(sheet.slice(1).map((r) => [r[5], r[owner]]));
  expect(byTitle).toEqual({ 封测产能: NAMED.name, 流动资金: '产业金融处' });
  const dossier = await getPdf(cast.enterprise.api, `/api/enterprises/${cast.creditCode}/dossier.pdf`);
  expect(dossier.status).toBe(200);
  expect(dossier.text).toContain(NAMED.name);

  // The case file beside a decision: an overdue industry problem with its division (MemberStanding).
  await db().query(`UPDATE problems SET due_at = '2026-01-31' WHERE id = $1`, [industryId]);
  const done = await expectOk(
    cast.commissioner.api.get(`/api/tasks?creditCode=${cast.creditCode}&type=DIAGNOSE&status=done`),
  );
  const { caseFile } = await expectOk(cast.commissioner.api.get(`/api/tasks/${done.items[0].id}`));
  expect(caseFile.standing.ledger.overdue).toEqual([
    expect.objectContaining({ title: '封测产能', leadDivision: { zh: NAMED.name, en: NAMED.en } }),
  ]);

  // A finance problem keeps its department, whatever its cluster's division.
  const finance = await expectOk(cast.enterprise.api.get(`/api/problems/${financeId}`));
  expect([finance.ownerDepartment, finance.leadDivision.zh]).toEqual(['finance', NAMED.name]);

  await expectOk(setDivision(admin, cluster, { name: ' ', en: null }));
  expect((await divisions())[0].leadDivision.zh).toBe(`行业处室（${names.name}）`);
  await expectOk(setDivision(admin, cluster, NAMED));
});

it('refuses bad input and other roles, and changes nothing', async () => {
  await expectOk(setDivision(admin, cluster, NAMED));
  const before = (await db().query(`SELECT * FROM clusters WHERE code = $1`, [cluster])).rows;
  const refused = [
    [await setDivision(cast.coordinator, cluster, { name: '别的处', en: null }), 403],
    [await setDivision(admin, cluster, { name: null, en: 'English only' }), 422, 'DIVISION_NAME_REQUIRED'],
    [await setDivision(admin, cluster, { name: '处'.repeat(101), en: null }), 400, 'VALIDATION_FAILED'],
    [await setDivision(admin, cluster, { name: '处', en: null, tier: 'leading' }), 400, 'VALIDATION_FAILED'],
    [await setDivision(admin, 'NOPE', { name: '处', en: null }), 404, 'CLUSTER_NOT_FOUND'],
  ] as const;
  for (const [res, status, code] of refused) {
    expect(res.status).toBe(status);
    if (code) expect(res.body.code).toBe(code);
  }
  expect((await db().query(`SELECT * FROM clusters WHERE code = $1`, [cluster])).rows).toEqual(before);
});
