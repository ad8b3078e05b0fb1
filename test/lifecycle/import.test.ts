import ExcelJS from 'exceljs';
import { NOMINATION_SHEET } from '@hardtech/domain';
import { API_URL } from '../support/api';
import { createCast, freshCreditCode } from '../support/cast';
import { closeDb, db } from '../support/db';
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

async function upload(token: string, file: Buffer | null, name = 'nominations.xlsx', lang = 'zh-CN') {
  const form = new FormData();
  if (file) form.append('file', new Blob([new Uint8Array(file)]), name);
  const res = await fetch(`${API_URL}/api/nominations/import`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}`, 'accept-language': lang },
  });
  return { status: res.status, body: (await res.json()) as any };
}

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
      { ...example(), 统一社会信用代码: bad, 所在区县: '火星区', '上年度研发投入（元）': '很多' },
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
      [3, ['所在区县', '上年度研发投入（元）']],
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
    const huge = await upload(
      token,
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(3 * 1024 * 1024)]),
    );
    expect(huge.status).toBe(413);
    expect((await upload(c.auditor.api.token!, await workbook([example()]))).status).toBe(403);
    expect(await count()).toBe(before);
  });
});
