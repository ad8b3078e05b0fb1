import ExcelJS from 'exceljs';
import { Api } from './api';

/** GETs an .xlsx export as `api` and reads it back (a 200, a spreadsheet, a UTF-8 file name). */
export async function workbook(api: Api, path: string): Promise<ExcelJS.Workbook> {
  const res = await fetch(`${process.env.API_URL}${path}`, {
    headers: { authorization: `Bearer ${api.token}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return wb;
}

/** A sheet's rows, each its cells' values from the first column. */
export function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
