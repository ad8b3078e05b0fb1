import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import {
  Actor,
  DISTRICTS,
  DomainError,
  DUPLICATE_IN_FILE,
  errorsByHeader,
  FieldError,
  ImportCertificate,
  InvalidInput,
  mayNominate,
  missingCertificateErrors,
  NOMINATION_SHEET,
  nominationFromRow,
  parseNomination,
  retiredClusterRefusal,
  SheetRow,
  sortCertificates,
  t,
  zipArchiveProblem,
} from '@hardtech/domain';
import { ClustersRepository } from '@hardtech/persistence';
import { AttachmentsService } from './attachments.service';
import { ImportBundle } from './import-bundle';
import { NominationsService } from './nominations.service';

export const MAX_IMPORT_ROWS = 500;
/** Certificates as separate multipart files (two per row for 50 rows); more go in one .zip. */
export const MAX_IMPORT_CERTIFICATES = 100;
const SHEET_NAME = '推荐企业';

export interface ImportResult {
  accepted: string[];
  rejected: { row: number; creditCode: string | null; errors: FieldError[] }[];
}

/** Cell values as exceljs gives them (rich text, formulas, hyperlinks) reduced to plain values. */
function plain(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return plain(value.result as ExcelJS.CellValue);
  if ('text' in value) return value.text;
  return undefined;
}

/**
 * 批量推荐: an .xlsx under the template's Chinese headers. Every row is checked as a nomination;
 * valid rows start lifecycles one by one, each either fully started or reported with its reasons.
 */
@Injectable()
export class NominationImportService {
  constructor(
    private readonly nominations: NominationsService,
    private readonly clusters: ClustersRepository,
    private readonly attachments: AttachmentsService,
  ) {}

  async template(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet(SHEET_NAME);
    sheet.columns = NOMINATION_SHEET.map((c) => ({ header: c.header, key: c.header, width: c.width }));
    sheet.addRow(NOMINATION_SHEET.map((c) => c.example));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    const clusters = await this.clusters.list();
    NOMINATION_SHEET.forEach((c, i) => {
      const list = c.options;
      if (!list) return;
      for (let r = 2; r <= MAX_IMPORT_ROWS + 1; r++) {
        sheet.getCell(r, i + 1).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${list.join(',')}"`],
        };
      }
    });
    const help = wb.addWorksheet('填写说明');
    help.columns = [{ width: 24 }, { width: 40 }, { width: 30 }];
    help.addRow(['填写说明']).font = { bold: true };
    help.addRow([
      '每行一家企业；金额单位为万元（与推荐表单一致，可保留四位小数）；区县、产业集群可填名称或代码；成效三列至少填写一项为宜。',
    ]);
    help.addRow([
      '认定证书：市级企业技术中心或技术创新示范企业认定文件命名为“统一社会信用代码-C3.pdf”，Ⅰ类知识产权证书命名为“统一社会信用代码-C5.pdf”（也可为图片），与表格一同上传，或与表格一起打包为一个 .zip 上传。',
    ]);
    help.addRow([`单次最多导入 ${MAX_IMPORT_ROWS} 行；校验不通过的行将列明行号和原因，其余行正常推荐。`]);
    help.addRow([]);
    help.addRow(['区县代码', '区县名称']).font = { bold: true };
    for (const d of DISTRICTS) help.addRow([d.code, d.name]);
    help.addRow([]);
    help.addRow(['集群代码', '集群名称']).font = { bold: true };
    for (const c of clusters.filter((x) => x.active)) help.addRow([c.code, c.name]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  async import(actor: Actor, bundle: ImportBundle): Promise<ImportResult> {
    const rows = await this.read(bundle.sheet);
    const clusters = await this.clusters.list();
    const clusterCodes = new Set(clusters.filter((c) => c.active).map((c) => c.code));
    const retired = new Set(clusters.filter((c) => !c.active).map((c) => c.code));
    const candidates = rows.map(({ row, cells }) => ({ row, candidate: nominationFromRow(cells, clusters) }));
    // Files that belong to no row are refused before anything starts (400, nothing changed).
    const { certificates, errors } = sortCertificates(
      bundle.files,
      new Set(candidates.map((c) => c.candidate.creditCode ?? '')),
    );
    if (errors.length) throw new InvalidInput(errors);
    const result: ImportResult = { accepted: [], rejected: [] };
    const seen = new Set<string>();
    for (const { row, candidate } of candidates) {
      const creditCode = candidate.creditCode || null;
      const reject = (errors: FieldError[]) => result.rejected.push({ row, creditCode, errors });
      let nomination;
      try {
        // A retired cluster's row says so, as POST /api/nominations does (not "unknown code").
        const refusal = retiredClusterRefusal('cluster', candidate.cluster, retired);
        if (refusal) throw refusal;
        nomination = parseNomination(candidate, { clusters: clusterCodes });
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        reject(errorsByHeader(e.details));
        continue;
      }
      if (seen.has(nomination.creditCode)) {
        reject([{ field: '统一社会信用代码', text: DUPLICATE_IN_FILE }]);
        continue;
      }
      seen.add(nomination.creditCode);
      if (!mayNominate(actor, nomination)) {
        reject([{ field: '所在区县', text: t('超出您的推荐范围', 'outside what you may nominate') }]);
        continue;
      }
      const own = certificates.filter((c) => c.creditCode === nomination.creditCode);
      const missing = await this.nominations.missingEvidence(
        actor,
        nomination,
        own.map((c) => c.purpose),
      );
      if (missing.length) {
        reject(missingCertificateErrors(nomination.creditCode, missing));
        continue;
      }
      const refused = await this.attach(actor, own);
      if (refused) {
        reject([refused]);
        continue;
      }
      try {
        await this.nominations.nominate(actor, nomination);
        result.accepted.push(nomination.creditCode);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        reject([{ field: '统一社会信用代码', text: e.text }]);
      }
    }
    return result;
  }

  /**
   * Stores a row's certificates as the nominator's pending nomination files, checked like any
   * upload (type by content, the scan hook); the nomination binds them. The first refusal, if any.
   */
  private async attach(actor: Actor, certificates: ImportCertificate[]): Promise<FieldError | null> {
    for (const c of certificates) {
      try {
        await this.attachments.upload(
          actor,
          { originalname: c.fileName, buffer: c.content },
          { creditCode: c.creditCode, subject: 'nomination', purpose: c.purpose },
        );
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        return {
          field: `certificates.${c.purpose}`,
          text: t(`${c.fileName}：${e.text.zh}`, `${c.fileName}: ${e.text.en}`),
        };
      }
    }
    return null;
  }

  private async read(file: Buffer | undefined): Promise<{ row: number; cells: SheetRow }[]> {
    const invalid = (zh: string, en: string) =>
      new InvalidInput([{ field: 'file', text: t(zh, en) }], t(zh, en));
    if (!file?.length)
      throw invalid('请上传 .xlsx 文件（字段名 file）', 'upload an .xlsx file in the field "file"');
    // .xlsx is a zip archive: refuse anything else before parsing it.
    if (file.subarray(0, 4).toString('binary') !== 'PK\x03\x04')
      throw invalid('文件不是 .xlsx 格式', 'not an .xlsx file');
    // A zip bomb is refused from its directory, before the reader inflates it (issue 20.6).
    const bomb = zipArchiveProblem(file);
    if (bomb) throw new InvalidInput([{ field: 'file', text: bomb }], bomb);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
    } catch {
      throw invalid('无法读取该 .xlsx 文件', 'the .xlsx file cannot be read');
    }
    const sheet = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
    if (!sheet) throw invalid('文件中没有工作表', 'the file has no worksheet');
    const headers = new Map<number, string>();
    sheet.getRow(1).eachCell((cell, col) => headers.set(col, String(plain(cell.value) ?? '').trim()));
    const present = new Set(headers.values());
    const missing = NOMINATION_SHEET.filter(
      (c) => !present.has(c.header) && !(c.formerHeader && present.has(c.formerHeader)),
    ).map((c) => c.header);
    if (missing.length) {
      throw new InvalidInput(
        missing.map((h) => ({
          field: h,
          text: t('缺少该列，请使用导入模板', 'column missing: use the template'),
        })),
        t(`缺少列：${missing.join('、')}`, `missing columns: ${missing.join(', ')}`),
      );
    }
    const rows: { row: number; cells: SheetRow }[] = [];
    sheet.eachRow({ includeEmpty: false }, (r, rowNumber) => {
      if (rowNumber === 1) return;
      const cells: SheetRow = {};
      r.eachCell((cell, col) => {
        const header = headers.get(col);
        if (header) cells[header] = plain(cell.value);
      });
      if (Object.values(cells).some((v) => v !== undefined && String(v).trim() !== ''))
        rows.push({ row: rowNumber, cells });
    });
    if (!rows.length) throw invalid('文件中没有数据行', 'the file has no data rows');
    if (rows.length > MAX_IMPORT_ROWS) {
      throw invalid(`单次最多导入 ${MAX_IMPORT_ROWS} 行`, `at most ${MAX_IMPORT_ROWS} rows per import`);
    }
    return rows;
  }
}
