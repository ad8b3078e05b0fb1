import { createCast, createUser } from '../support/cast';
import { closeDb, db } from '../support/db';
import { driveToSupporting } from '../support/drive';
import { API_URL } from '../support/api';
import { expectOk, JUDGMENTS, complete, nominationFor, openTask } from '../support/lifecycle';
import { PDF, storedFiles, upload } from '../support/files';
import { closeTemporal } from '../support/temporal';

// Issue 10 §3: evidence files on nominations, tasks and ledger problems — checked on the server,
// listed with who uploaded when, downloadable within scope, audited.
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

const rowsOf = async (creditCode: string) =>
  (await db().query(`SELECT count(*)::int AS n FROM attachments WHERE credit_code = $1`, [creditCode]))
    .rows[0].n;

describe('evidence files', () => {
  it('keeps a nomination’s certificate private to its uploader until the nomination is made', async () => {
    const c = await createCast();
    const up = await expectOk(
      upload(
        c.districtOfficer.api,
        { creditCode: c.creditCode, subject: 'nomination', purpose: 'C3' },
        { name: '证书(副本).pdf', content: PDF },
      ),
      201,
    );
    expect(up).toMatchObject({
      fileName: '证书(副本).pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      uploadedBy: c.districtOfficer.username,
      subjectId: null,
    });
    expect(
      await expectOk(c.districtOfficer.api.get(`/api/attachments?creditCode=${c.creditCode}`)),
    ).toHaveLength(1);
    expect(await expectOk(c.coordinator.api.get(`/api/attachments?creditCode=${c.creditCode}`))).toEqual([]);
    expect((await c.coordinator.api.get(`/api/attachments/${up.id}/download`)).status).toBe(404);

    await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
    const listed = await expectOk(
      c.coordinator.api.get(`/api/attachments?creditCode=${c.creditCode}&subject=nomination`),
    );
    expect(listed).toEqual([expect.objectContaining({ id: up.id, subjectId: '1', purpose: 'C3' })]);
    const res = await fetch(`${API_URL}/api/attachments/${up.id}/download`, {
      headers: { authorization: `Bearer ${c.coordinator.api.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    // RFC 5987: ( and ) are not attr-chars, percent-encoded as the rest of the name.
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('证书')}%28${encodeURIComponent('副本')}%29.pdf`,
    );
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    const audit = await db().query(
      `SELECT actor FROM audit_events WHERE action = 'attachment.downloaded' AND credit_code = $1`,
      [c.creditCode],
    );
    expect(audit.rows).toEqual([{ actor: c.coordinator.username }]);
    const outsider = await createCast('500113');
    expect((await outsider.districtOfficer.api.get(`/api/attachments/${up.id}/download`)).status).toBe(404);
    expect(
      await expectOk(outsider.districtOfficer.api.get(`/api/attachments?creditCode=${c.creditCode}`)),
    ).toEqual([]);
  });

  it('refuses oversized files, files of refused types and infected files with a 4xx, storing nothing', async () => {
    const c = await createCast();
    const before = storedFiles();
    const fields = { creditCode: c.creditCode, subject: 'nomination', purpose: 'evidence' };
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 1)]);
    const cases: [string, Buffer, number, string][] = [
      ['scan.pdf', big, 413, 'FILE_TOO_LARGE'],
      ['setup.exe', Buffer.from('MZ\x90\x00'), 415, 'UNSUPPORTED_FILE_TYPE'],
      ['page.pdf', Buffer.from('<html><script>alert(1)</script>'), 415, 'UNSUPPORTED_FILE_TYPE'],
      ['fake.png', PDF, 415, 'UNSUPPORTED_FILE_TYPE'],
      [
        'eicar.pdf',
        Buffer.from('%PDF-1.4\nX5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'),
        422,
        'FILE_REJECTED',
      ],
    ];
    for (const [name, content, status, code] of cases) {
      const r = await upload(c.districtOfficer.api, fields, { name, content });
      expect([name, r.status, r.body.code]).toEqual([name, status, code]);
    }
    expect((await upload(c.districtOfficer.api, fields, null)).status).toBe(400);
    expect((await upload(c.districtOfficer.api, { ...fields, subject: 'enterprise' })).status).toBe(400);
    expect(
      (await upload(c.districtOfficer.api, { ...fields, creditCode: '91350100M000100Y44' })).status,
    ).toBe(400);
    expect((await upload(c.auditor.api, fields)).status).toBe(403);
    expect(await rowsOf(c.creditCode)).toBe(0);
    expect(storedFiles()).toBe(before);
  });

  it('attaches to a task for whoever may do it, and to a ledger problem for those who see it', async () => {
    const c = await createCast();
    await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
    await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
    const feedback = await openTask(c.districtOfficer.api, c.creditCode, 'DISTRICT_FEEDBACK');
    const onTask = { creditCode: c.creditCode, subject: 'task', subjectId: feedback.id };
    await expectOk(
      upload(c.districtOfficer.api, onTask, {
        name: '区县意见.docx',
        content: Buffer.from('PK\x03\x04docx'),
      }),
      201,
    );
    expect((await upload(c.enterprise.api, onTask)).status).toBe(404); // the enterprise does not see the district's task
    const other = await createUser('district_officer', { districts: ['500112'] }, undefined, '渝北区 吴科员');
    expect((await upload(other.api, onTask)).status).toBe(201); // a colleague of the district may do it too
    const onTheTask = await expectOk(
      c.coordinator.api.get(
        `/api/attachments?creditCode=${c.creditCode}&subject=task&subjectId=${feedback.id}`,
      ),
    );
    // Listed with who uploaded them by name, as the enterprise page shows them.
    expect(
      onTheTask.map((a: { uploadedBy: string; uploadedByName: string }) => [a.uploadedBy, a.uploadedByName]),
    ).toEqual([
      [c.districtOfficer.username, c.districtOfficer.username],
      [other.username, '渝北区 吴科员'],
    ]);
    // Once done, the task takes no more files, refused as every other action on a closed task is.
    await expectOk(
      complete(c.districtOfficer.api, c.creditCode, 'DISTRICT_FEEDBACK', 'support', { opinion: '同意' }),
    );
    const late = await upload(c.districtOfficer.api, onTask);
    expect([late.status, late.body.code]).toEqual([409, 'TASK_ALREADY_COMPLETED']);
    expect(await rowsOf(c.creditCode)).toBe(2);

    const s = await createCast();
    await driveToSupporting(s);
    const problemId = (await expectOk(s.commissioner.api.get(`/api/enterprises/${s.creditCode}`))).problems[0]
      .id;
    const onProblem = { creditCode: s.creditCode, subject: 'problem', subjectId: problemId };
    await expectOk(
      upload(s.commissioner.api, onProblem, {
        name: '银行授信意向书.jpg',
        content: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      }),
      201,
    );
    const finance = await createUser('finance_officer', { department: 'finance' });
    expect(
      await expectOk(finance.api.get(`/api/attachments?creditCode=${s.creditCode}&subject=problem`)),
    ).toHaveLength(1);
    const elsewhere = await createUser('district_officer', { districts: ['500113'] });
    expect((await upload(elsewhere.api, onProblem)).status).toBe(404);
  });
});
