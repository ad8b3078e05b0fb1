import ExcelJS from 'exceljs';
import { NOMINATION_SHEET } from '@hardtech/domain';
import { API_URL } from '../support/api';
import { createCast, createUser } from '../support/cast';
import { db } from '../support/db';
import { upload } from '../support/files';
import { expectOk, nominationFor } from '../support/lifecycle';
import { keepPolicy } from '../support/policy';

// Issue 10 §3: a nomination needs the certificates of its C3 and C5 claims (when the policy says
// so; test stacks start without it). Changes the global policy: serial.
const policy = keepPolicy();
beforeAll(async () => {
  await expectOk(policy.coordinator.put('/api/admin/policy', { ...policy.original, evidenceRequired: true }));
});

it('refuses a nomination without its certificates (422, naming them) and accepts it once they are uploaded', async () => {
  const c = await createCast();
  const nominate = () => c.districtOfficer.api.post('/api/nominations', nominationFor(c));
  const missing = await nominate();
  expect(missing.status).toBe(422);
  expect(missing.body).toMatchObject({
    code: 'EVIDENCE_REQUIRED',
    details: [{ field: 'evidence.C3' }, { field: 'evidence.C5' }],
  });
  await expectOk(
    upload(c.districtOfficer.api, { creditCode: c.creditCode, subject: 'nomination', purpose: 'C3' }),
    201,
  );
  expect((await nominate()).body.details).toEqual([{ field: 'evidence.C5', message: 'Ⅰ类知识产权证书' }]);
  // Another officer's upload is not this nominator's evidence.
  const colleague = await createUser('district_officer', { districts: [c.district] });
  await expectOk(
    upload(colleague.api, { creditCode: c.creditCode, subject: 'nomination', purpose: 'C5' }),
    201,
  );
  expect((await nominate()).status).toBe(422);
  await expectOk(
    upload(c.districtOfficer.api, { creditCode: c.creditCode, subject: 'nomination', purpose: 'C5' }),
    201,
  );
  expect((await nominate()).status).toBe(201);
  const bound = await db().query(
    `SELECT purpose, subject_id FROM attachments WHERE credit_code = $1 AND uploaded_by = $2 ORDER BY purpose`,
    [c.creditCode, c.districtOfficer.username],
  );
  expect(bound.rows).toEqual([
    { purpose: 'C3', subject_id: '1' },
    { purpose: 'C5', subject_id: '1' },
  ]);
});

it('asks nothing of a nomination that claims neither a technology centre nor Class I IP', async () => {
  const c = await createCast();
  expect(
    (
      await c.districtOfficer.api.post(
        '/api/nominations',
        nominationFor(c, { techCenter: { kind: 'none', level: null }, classOneIpCount: 0 }),
      )
    ).status,
  ).toBe(201);
});

it('reports imported rows without certificates as rejected, with the reason', async () => {
  const c = await createCast();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('推荐企业');
  sheet.addRow(NOMINATION_SHEET.map((col) => col.header));
  sheet.addRow(NOMINATION_SHEET.map((col) => (col.field === 'creditCode' ? c.creditCode : col.example)));
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(Buffer.from(await wb.xlsx.writeBuffer()))]), 'n.xlsx');
  const res = await fetch(`${API_URL}/api/nominations/import`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${c.districtOfficer.api.token}` },
  });
  const body: any = await res.json();
  expect(body.accepted).toEqual([]);
  expect(body.rejected).toEqual([
    {
      row: 2,
      creditCode: c.creditCode,
      errors: [{ field: '统一社会信用代码', message: expect.stringContaining('请先上传认定证书') }],
    },
  ]);
});
