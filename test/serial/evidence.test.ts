import ExcelJS from 'exceljs';
import { API_URL } from '../support/api';
import { createCast, createUser, freshCreditCode } from '../support/cast';
import { db } from '../support/db';
import { importNominations, PDF, upload } from '../support/files';
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

it('imports the template’s sample row with its certificates; a row without them names each missing file', async () => {
  const c = await createCast();
  const token = c.districtOfficer.api.token!;
  const res = await fetch(`${API_URL}/api/nominations/import/template`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
  const sheet = wb.getWorksheet('推荐企业')!;
  // The money unit is the form's, said in the header.
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toContain('上年度营业收入（万元）');
  const [sample, withoutC5, without] = [c.creditCode, freshCreditCode(), freshCreditCode()];
  const sampleRow = (sheet.getRow(2).values as unknown[]).slice(1);
  sheet.getCell(2, 1).value = sample; // the sample row as it is, under a fresh credit code
  // Rows 3 and 4: the sample again under other codes (the template's list validations fill the rows below).
  for (const [r, code] of [
    [3, withoutC5],
    [4, without],
  ] as const) {
    sampleRow.forEach((v, i) => (sheet.getCell(r, i + 1).value = i === 0 ? code : (v as ExcelJS.CellValue)));
  }
  const r = await importNominations(token, Buffer.from(await wb.xlsx.writeBuffer()), {
    certificates: [
      { name: `${sample}-C3.pdf`, content: PDF },
      { name: `${sample}-C5.pdf`, content: PDF },
      { name: `${withoutC5}-C3.pdf`, content: PDF },
    ],
  });
  expect(r.body).toEqual({
    accepted: [sample],
    rejected: [
      {
        row: 3,
        creditCode: withoutC5,
        errors: [{ field: 'certificates.C5', message: expect.stringContaining(`${withoutC5}-C5.pdf`) }],
      },
      {
        row: 4,
        creditCode: without,
        errors: [
          {
            field: 'certificates.C3',
            message: expect.stringContaining(`缺少市级企业技术中心或技术创新示范企业认定文件`),
          },
          {
            field: 'certificates.C5',
            message: expect.stringContaining(`缺少Ⅰ类知识产权证书，请附文件 ${without}-C5.pdf`),
          },
        ],
      },
    ],
  });
  const stages = await db().query(`SELECT credit_code, stage FROM enterprises WHERE credit_code = ANY($1)`, [
    [sample, withoutC5, without],
  ]);
  expect(stages.rows).toEqual([{ credit_code: sample, stage: 'screening' }]);
  // A refused row stores nothing: not even the certificate it did bring.
  const pending = await db().query(
    `SELECT purpose FROM attachments WHERE credit_code = $1 AND subject_id IS NULL`,
    [withoutC5],
  );
  expect(pending.rows).toEqual([]);
});
