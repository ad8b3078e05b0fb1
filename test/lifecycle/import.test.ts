import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { NOMINATION_SHEET } from '@hardtech/domain';
import { API_URL } from '../support/api';
import { adminApi, createCast, freshCreditCode } from '../support/cast';
import { closeDb, db } from '../support/db';
import { importNominations, PDF } from '../support/files';
import { expectOk, nominationFor } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// Issue 3 §1: 批量推荐 by spreadsheet. Valid rows start lifecycles, invalid rows come back with
// their row number and reasons, and nothing is half-done.
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

const example = () => Object.fromEntries(NOMINATION_SHEET.map((c) => [c.header, c.example]));

async function workbook(
  rows: Record<string, unknown>[],
  headers = NOMINATION_SHEET.map((c) => c.header),
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('推荐企业');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (token: string, file: Buffer | null, name = 'nominations.xlsx', lang = 'zh-CN') =>
  importNominations(token, file, { name, lang });

describe('Excel batch import', () => {
  it('offers a template with Chinese headers and an example row that imports as it is', async () => {
    const c = await createCast();
    const res = await fetch(`${API_URL}/api/nominations/import/template`, {
      headers: { authorization: `Bearer ${c.districtOfficer.api.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('推荐企业导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('推荐企业')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(NOMINATION_SHEET.map((col) => col.header));
    expect(wb.getWorksheet('填写说明')!.getColumn(2).values).toContain('渝北区');
    // The template's own example row, with a fresh credit code, is a valid nomination.
    sheet.getCell(2, 1).value = c.creditCode;
    const r = await upload(c.districtOfficer.api.token!, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.body).toEqual({ accepted: [c.creditCode], rejected: [] });
  });

  it('starts the valid rows and reports each invalid one with its row number and reasons', async () => {
    const c = await createCast('500112');
    const [good1, good2, bad, dup, other] = [
      freshCreditCode(),
      freshCreditCode(),
      freshCreditCode(),
      freshCreditCode(),
      freshCreditCode(),
    ];
    await expectOk(
      c.districtOfficer.api.post('/api/nominations', nominationFor(c, { creditCode: dup })),
      201,
    );
    const file = await workbook([
      { ...example(), 统一社会信用代码: good1, 企业名称: '重庆甲科技有限公司' },
      { ...example(), 统一社会信用代码: bad, 所在区县: '火星区', '上年度研发投入（万元）': '很多' },
      { ...example(), 统一社会信用代码: good2, 所属产业集群: 'T3', 专精特新资质: '小巨人' },
      { ...example(), 统一社会信用代码: good1 },
      { ...example(), 统一社会信用代码: dup },
      { ...example(), 统一社会信用代码: other, 所在区县: '江北区' },
      { ...example(), 统一社会信用代码: '91350100M000100Y44' },
    ]);
    const r = await upload(c.districtOfficer.api.token!, file);
    expect(r.status).toBe(200);
    expect(r.body.accepted).toEqual([good1, good2]);
    expect(r.body.rejected.map((x: any) => [x.row, x.errors.map((e: any) => e.field)])).toEqual([
      [3, ['所在区县', '上年度研发投入（万元）']],
      [5, ['统一社会信用代码']],
      [6, ['统一社会信用代码']],
      [7, ['所在区县']],
      [8, ['统一社会信用代码']],
    ]);
    expect(r.body.rejected[1].errors[0].message).toBe('文件中重复的统一社会信用代码');
    expect(r.body.rejected[2].errors[0].message).toBe('该企业已有进行中的流程');
    const started = await db().query(
      `SELECT credit_code, stage, cluster FROM enterprises WHERE credit_code = ANY($1) ORDER BY name`,
      [[good1, good2, bad, other]],
    );
    expect(started.rows.map((x: any) => x.credit_code).sort()).toEqual([good1, good2].sort());
    expect(started.rows.find((x: any) => x.credit_code === good2)).toMatchObject({
      stage: 'screening',
      cluster: 'T3',
    });
    const english = await upload(
      c.districtOfficer.api.token!,
      await workbook([{ ...example(), 统一社会信用代码: bad, 所在区县: '火星区' }]),
      'x.xlsx',
      'en',
    );
    expect(english.body.rejected[0].errors).toEqual([
      { field: '所在区县', message: 'unknown district code' },
    ]);
  });

  it('rejects a row of a retired cluster saying it is retired (by code or name), starting nothing', async () => {
    const admin = await adminApi();
    const code = `N${randomBytes(4).toString('hex').toUpperCase()}`;
    const name = `停用导入集群${code}`;
    await expectOk(
      admin.post('/api/admin/clusters', { code, tier: 'new_star', name, en: `Retired import ${code}` }),
      201,
    );
    await expectOk(admin.post(`/api/admin/clusters/${code}/retire`, {}));
    const c = await createCast();
    const [byCode, byName] = [freshCreditCode(), freshCreditCode()];
    const r = await upload(
      c.districtOfficer.api.token!,
      await workbook([
        { ...example(), 统一社会信用代码: byCode, 所属产业集群: code },
        { ...example(), 统一社会信用代码: byName, 所属产业集群: name },
      ]),
    );
    expect(r.body.accepted).toEqual([]);
    expect(r.body.rejected.map((x: any) => [x.row, x.errors])).toEqual(
      [2, 3].map((row) => [
        row,
        [{ field: '所属产业集群', message: `产业集群 ${code} 已停用，请选择在用的集群` }],
      ]),
    );
    const started = await db().query(`SELECT 1 FROM enterprises WHERE credit_code = ANY($1)`, [
      [byCode, byName],
    ]);
    expect(started.rows).toEqual([]);
  });

  it('takes certificates named by credit code, as files or in one .zip with the sheet, and binds them', async () => {
    const c = await createCast('500112');
    const token = c.districtOfficer.api.token!;
    const [asFiles, zipped, badFile] = [freshCreditCode(), freshCreditCode(), freshCreditCode()];
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const sheet = await workbook([
      { ...example(), 统一社会信用代码: asFiles },
      { ...example(), 统一社会信用代码: badFile },
    ]);
    const r = await importNominations(token, sheet, {
      certificates: [
        { name: `${asFiles}-C3.pdf`, content: PDF },
        { name: `${asFiles.toLowerCase()}-c5.png`, content: png },
        // Named .pdf, yet not a PDF: the row says which file, the others go on.
        { name: `${badFile}-C3.pdf`, content: Buffer.from('just text') },
      ],
    });
    expect(r.body).toEqual({
      accepted: [asFiles],
      rejected: [
        {
          row: 3,
          creditCode: badFile,
          errors: [
            { field: 'certificates.C3', message: expect.stringContaining(`${badFile}-C3.pdf：仅支持`) },
          ],
        },
      ],
    });

    const zip = new JSZip();
    zip.file('批量推荐/推荐企业.xlsx', await workbook([{ ...example(), 统一社会信用代码: zipped }]));
    zip.file(`批量推荐/证书/${zipped}-C3.pdf`, PDF);
    zip.file(`批量推荐/证书/${zipped}-C5.pdf`, PDF);
    zip.file(`__MACOSX/批量推荐/._${zipped}-C3.pdf`, 'resource fork');
    const bundle = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect((await importNominations(token, bundle, { name: '批量推荐.zip' })).body).toEqual({
      accepted: [zipped],
      rejected: [],
    });

    const bound = await db().query(
      `SELECT credit_code, purpose, subject_id, uploaded_by FROM attachments
       WHERE credit_code = ANY($1) ORDER BY credit_code, purpose`,
      [[asFiles, zipped, badFile]],
    );
    const officer = c.districtOfficer.username;
    expect(bound.rows).toEqual(
      [
        [asFiles, 'C3'],
        [asFiles, 'C5'],
        [zipped, 'C3'],
        [zipped, 'C5'],
      ]
        .map(([code, purpose]) => ({ credit_code: code, purpose, subject_id: '1', uploaded_by: officer }))
        .sort((a, b) => a.credit_code.localeCompare(b.credit_code) || a.purpose.localeCompare(b.purpose)),
    );
  });

  it('refuses certificates that are misnamed, repeated or of no row, and a zip without one sheet: 400, nothing starts', async () => {
    const c = await createCast('500112');
    const token = c.districtOfficer.api.token!;
    const code = freshCreditCode();
    const sheet = await workbook([{ ...example(), 统一社会信用代码: code }]);
    const cases = [
      [{ name: '证书.pdf', content: PDF }],
      [
        { name: `${code}-C3.pdf`, content: PDF },
        { name: `${code}-C3.png`, content: PDF },
      ],
      [{ name: `${freshCreditCode()}-C5.pdf`, content: PDF }],
    ];
    for (const certificates of cases) {
      const r = await importNominations(token, sheet, { certificates });
      expect([r.status, r.body.details?.map((d: any) => d.field)]).toEqual([400, ['certificates']]);
    }
    const twoSheets = new JSZip();
    twoSheets.file('a.xlsx', sheet);
    twoSheets.file('b.xlsx', sheet);
    const r = await importNominations(token, await twoSheets.generateAsync({ type: 'nodebuffer' }), {
      name: 'x.zip',
    });
    expect([r.status, r.body.details?.map((d: any) => d.field)]).toEqual([400, ['file']]);
    const started = await db().query(
      `SELECT (SELECT count(*)::int FROM enterprises WHERE credit_code = $1) AS enterprises,
              (SELECT count(*)::int FROM attachments WHERE credit_code = $1) AS files`,
      [code],
    );
    expect(started.rows[0]).toEqual({ enterprises: 0, files: 0 });
  });

  it("is the offices' tool: an enterprise, which nominates only itself, gets 403 and nothing starts", async () => {
    const c = await createCast();
    const row = { ...example(), 统一社会信用代码: c.creditCode };
    const r = await upload(c.enterprise.api.token!, await workbook([row]));
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('ROLE_NOT_ALLOWED');
    const template = await fetch(`${API_URL}/api/nominations/import/template`, {
      headers: { authorization: `Bearer ${c.enterprise.api.token}` },
    });
    expect(template.status).toBe(403);
    const started = await db().query(`SELECT count(*)::int AS n FROM enterprises WHERE credit_code = $1`, [
      c.creditCode,
    ]);
    expect(started.rows[0].n).toBe(0);
  });

  it('refuses what is not a usable spreadsheet with 400 and starts nothing', async () => {
    const c = await createCast();
    const token = c.districtOfficer.api.token!;
    const count = async () =>
      (
        await db().query(`SELECT count(*)::int AS n FROM enterprises WHERE nominated_by = ANY($1)`, [
          [c.districtOfficer.username, c.auditor.username],
        ])
      ).rows[0].n;

    const before = await count();
    const files: (Buffer | null)[] = [
      null, // no file
      Buffer.from('creditCode,name\n1,2'), // CSV, not xlsx
      Buffer.from('PK\x03\x04garbage'), // a broken zip
      await workbook([{ 企业名称: 'x' }], ['企业名称', '联系人']), // missing columns
      await workbook([]), // no rows
    ];
    for (const file of files) {
      const r = await upload(token, file);
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('VALIDATION_FAILED');
    }
    const missing = await upload(token, await workbook([{ 企业名称: 'x' }], ['企业名称', '联系人']));
    expect(missing.body.details.map((d: any) => d.field)).toContain('统一社会信用代码');
    const tooMany = await upload(token, await workbook(Array.from({ length: 501 }, () => example())));
    expect(tooMany.status).toBe(400);
    // Past MAX_UPLOAD_MB (10 MB in the test stack) the parser stops reading.
    const huge = await upload(
      token,
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(11 * 1024 * 1024)]),
    );
    expect(huge.status).toBe(413);
    expect((await upload(c.auditor.api.token!, await workbook([example()]))).status).toBe(403);
    expect(await count()).toBe(before);
  });
});
