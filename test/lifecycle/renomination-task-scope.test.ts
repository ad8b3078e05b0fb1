import { FILL_LIFECYCLE_SCOPE } from '@hardtech/persistence/migrations/1766000000000-LifecycleScope';
import { createCast, createUser, Member } from '../support/cast';
import { closeDb, db } from '../support/db';
import { driveToExit, driveToSupporting } from '../support/drive';
import { upload } from '../support/files';
import { expectOk, nominationFor } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

afterAll(() => Promise.all([closeDb(), closeTemporal()]));

/** The id of the enterprise's task of this type in this lifecycle. */
async function taskOf(creditCode: string, lifecycleNo: number, type: string): Promise<string> {
  const { rows } = await db().query(
    `SELECT id FROM tasks WHERE credit_code = $1 AND lifecycle_no = $2 AND type = $3`,
    [creditCode, lifecycleNo, type],
  );
  expect(rows).toHaveLength(1);
  return rows[0].id;
}

// An enterprise that left the pool and is nominated again in another district and cluster: the
// tasks and files of its earlier lifecycle are read by the district, clusters and commissioner that
// served it (as its ledger problems are, scope-rule.test.ts), not by where it is served now. The first district
// keeps its opinion, its files and the case file it decided on; the next one does not receive them;
// the current lifecycle reads as before; a district or cluster that served neither reads nothing.
it("scopes an earlier lifecycle's tasks and files by the district, clusters and commissioner that served it", async () => {
  const c = await createCast('500112', 'T2');
  const [nextDistrict, nextCluster, otherDistrict, otherCluster] = await Promise.all([
    createUser('district_officer', { districts: ['500113'] }),
    createUser('industry_officer', { clusters: ['T3'] }),
    createUser('district_officer', { districts: ['500101'] }),
    createUser('industry_officer', { clusters: ['P1'] }),
  ]);
  const evidence = await upload(c.districtOfficer.api, { creditCode: c.creditCode, subject: 'nomination' });
  expect(evidence.status).toBe(201);
  let opinionFile = '';
  await driveToSupporting(c, {
    inFeedback: async () => {
      const feedback = await taskOf(c.creditCode, 1, 'DISTRICT_FEEDBACK');
      const r = await upload(c.districtOfficer.api, {
        creditCode: c.creditCode,
        subject: 'task',
        subjectId: feedback,
      });
      expect(r.status).toBe(201);
      opinionFile = r.body.id;
    },
  });
  await driveToExit(c);
  // Moved: nominated again in another district and cluster.
  await expectOk(
    c.coordinator.api.post('/api/nominations', nominationFor(c, { district: '500113', cluster: 'T3' })),
    201,
  );

  const feedback = await taskOf(c.creditCode, 1, 'DISTRICT_FEEDBACK');
  const review = await taskOf(c.creditCode, 1, 'QUARTERLY_REVIEW');
  const screen = await taskOf(c.creditCode, 2, 'SCREEN');
  const status = async (reader: Member, path: string) => (await reader.api.get(path)).status;
  const task = (id: string) => `/api/tasks/${id}`;
  const sheet = (id: string) => `/api/tasks/${id}/approval-sheet.pdf`;
  const download = (id: string) => `/api/attachments/${id}/download`;
  const listed = async (reader: Member, query: string) =>
    (await expectOk(reader.api.get(`/api/tasks?${query}`))).items.map((t: { id: string }) => t.id);
  const doneOf = (reader: Member) => listed(reader, `view=all&status=done&creditCode=${c.creditCode}`);
  const filesOf = async (reader: Member) =>
    (await expectOk(reader.api.get(`/api/attachments?creditCode=${c.creditCode}`))).map(
      (a: { id: string }) => a.id,
    );

  // The first district and cluster keep their lifecycle's tasks, its case file and its files.
  for (const served of [c.districtOfficer, c.industry]) {
    for (const id of [feedback, review]) {
      expect([await status(served, task(id)), await status(served, sheet(id))]).toEqual([200, 200]);
    }
    expect(await doneOf(served)).toEqual(expect.arrayContaining([feedback, review]));
    const detail = await expectOk(served.api.get(task(feedback)));
    expect(detail.caseFile.attachments.map((a: { id: string }) => a.id)).toContain(evidence.body.id);
    // Its own nomination, not the next district's (lifecycles.nomination).
    expect([detail.caseFile.enterprise.district, detail.caseFile.enterprise.cluster]).toEqual([
      c.district,
      c.cluster,
    ]);
    expect(await status(served, download(evidence.body.id))).toBe(200);
    // Not the lifecycle they did not serve.
    expect(await status(served, task(screen))).toBe(404);
  }
  expect(await status(c.districtOfficer, download(opinionFile))).toBe(200);
  expect(await filesOf(c.districtOfficer)).toEqual(expect.arrayContaining([evidence.body.id, opinionFile]));
  // 已办: what the district officer did stays in their inbox.
  // (Of this enterprise: in the full run the district's other done tasks fill the first page.)
  expect(await listed(c.districtOfficer, `view=inbox&status=done&creditCode=${c.creditCode}`)).toContain(
    feedback,
  );

  // The next district and cluster read the enterprise's current lifecycle, not the earlier one.
  for (const next of [nextDistrict, nextCluster]) {
    expect(await status(next, task(screen))).toBe(200);
    for (const id of [feedback, review]) {
      expect([await status(next, task(id)), await status(next, sheet(id))]).toEqual([404, 404]);
    }
    const done = await doneOf(next);
    expect(done).not.toContain(feedback);
    expect(done).not.toContain(review);
    expect(await listed(next, `view=all&status=open&creditCode=${c.creditCode}`)).toContain(screen);
    for (const file of [evidence.body.id, opinionFile]) expect(await status(next, download(file))).toBe(404);
    expect(await filesOf(next)).toEqual([]);
    const history = await expectOk(next.api.get(`/api/enterprises/${c.creditCode}/history`));
    expect(history.some((e: { lifecycleNo: number }) => e.lifecycleNo === 2)).toBe(true);
    expect(history.filter((e: { lifecycleNo: number }) => e.lifecycleNo === 1)).toEqual([]);
  }

  // A district or cluster that served neither lifecycle reads nothing of either.
  for (const outsider of [otherDistrict, otherCluster]) {
    for (const id of [feedback, review, screen]) expect(await status(outsider, task(id))).toBe(404);
    expect(await doneOf(outsider)).toEqual([]);
    expect(await listed(outsider, `view=all&status=open&creditCode=${c.creditCode}`)).toEqual([]);
    for (const file of [evidence.body.id, opinionFile]) {
      expect(await status(outsider, download(file))).toBe(404);
    }
    expect(await filesOf(outsider)).toEqual([]);
  }

  // The pool's own readers read both lifecycles, as before.
  for (const id of [feedback, review, screen]) expect(await status(c.coordinator, task(id))).toBe(200);
  const history = await expectOk(c.coordinator.api.get(`/api/enterprises/${c.creditCode}/history`));
  expect(new Set(history.map((e: { lifecycleNo: number }) => e.lifecycleNo))).toEqual(new Set([1, 2]));

  // Admitted again, with another commissioner: each commissioner reads the lifecycle they were
  // assigned (its steps, the district's opinion among them), not the other's, as with its problems.
  const nextCommissioner = await createUser('commissioner', {});
  await driveToSupporting(
    {
      ...c,
      district: '500113',
      cluster: 'T3',
      districtOfficer: nextDistrict,
      industry: nextCluster,
      commissioner: nextCommissioner,
    },
    { nominated: true },
  );
  const diagnoses = [await taskOf(c.creditCode, 1, 'DIAGNOSE'), await taskOf(c.creditCode, 2, 'DIAGNOSE')];
  const reads = async (reader: Member) =>
    Promise.all([feedback, ...diagnoses].map((id) => status(reader, task(id))));
  expect(await reads(c.commissioner)).toEqual([200, 200, 404]);
  expect(await reads(nextCommissioner)).toEqual([404, 404, 200]);
  expect(await status(c.commissioner, download(evidence.body.id))).toBe(200);
  expect(await status(nextCommissioner, download(evidence.body.id))).toBe(404);
});

// Lifecycles from before the columns get the district, clusters and commissioner that served them (migration
// 1766000000000): the current one's from the enterprise, an earlier one's from what its rows kept.
it('fills the district and clusters of lifecycles recorded before it', async () => {
  const c = await createCast('500112', 'T2');
  await driveToSupporting(c, { nomination: { cluster: 'T3' } });
  await driveToExit(c);
  await expectOk(
    c.coordinator.api.post('/api/nominations', nominationFor(c, { district: '500113', cluster: 'F1' })),
    201,
  );
  const scopes = async () =>
    (
      await db().query(
        `SELECT lifecycle_no, district, nomination_cluster, cluster, commissioner FROM lifecycles
         WHERE credit_code = $1 ORDER BY lifecycle_no`,
        [c.creditCode],
      )
    ).rows;
  const expected = [
    {
      lifecycle_no: 1,
      district: '500112',
      nomination_cluster: 'T3',
      cluster: 'T2',
      commissioner: c.commissioner.username,
    },
    { lifecycle_no: 2, district: '500113', nomination_cluster: 'F1', cluster: 'F1', commissioner: null },
  ];
  expect(await scopes()).toEqual(expected);
  await db().query(
    `UPDATE lifecycles SET district = NULL, nomination_cluster = NULL, cluster = NULL, commissioner = NULL
     WHERE credit_code = $1`,
    [c.creditCode],
  );
  await db().query(FILL_LIFECYCLE_SCOPE);
  expect(await scopes()).toEqual(expected);
});
