import JSZip from 'jszip';
import { DomainError, InvalidInput, t, Text, zipArchiveProblem } from '@hardtech/domain';

/** What a 批量推荐 request carries: the sheet, and certificate files by name. */
export interface ImportBundle {
  sheet: Buffer | undefined;
  files: { fileName: string; content: Buffer }[];
}

/** The sheet itself stays small: a few hundred rows are well under a megabyte. */
export const MAX_SHEET_BYTES = 2 * 1024 * 1024;

const invalid = (text: Text) => new InvalidInput([{ field: 'file', text }], text);
const isZip = (b: Buffer) => b.subarray(0, 4).toString('binary') === 'PK\x03\x04';
// Entries archivers add that are no one's file: folders, macOS resource forks, hidden files.
const ignored = (path: string) =>
  path.endsWith('/') || path.startsWith('__MACOSX/') || base(path).startsWith('.');
const base = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * The sheet and the certificates of a request: `file` is the .xlsx, or one .zip holding the .xlsx
 * and the certificates (refused from its directory when it declares too much: the zip-bomb guard
 * of libs/domain/src/zip-archive.ts); `certificates` are further files. 400 when the archive holds
 * no sheet or several, 413 when the sheet is larger than a sheet can be.
 */
export async function readImportBundle(
  file: { buffer: Buffer } | undefined,
  certificates: { originalname: string; buffer: Buffer }[],
): Promise<ImportBundle> {
  const files = certificates.map((c) => ({ fileName: c.originalname, content: c.buffer }));
  if (!file?.buffer.length || !isZip(file.buffer)) return { sheet: file?.buffer, files };
  const bomb = zipArchiveProblem(file.buffer);
  if (bomb) throw invalid(bomb);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(file.buffer);
  } catch {
    throw invalid(t('无法读取该文件', 'the file cannot be read'));
  }
  // An .xlsx is a zip too: its own parts say so.
  if (zip.file('[Content_Types].xml')) return { sheet: checked(file.buffer), files };
  const entries = Object.values(zip.files).filter((e) => !ignored(e.name));
  const sheets = entries.filter((e) => /\.xlsx$/i.test(e.name));
  if (sheets.length !== 1) {
    throw invalid(
      t(
        `压缩包中应有且只有一个 .xlsx 表格（现有 ${sheets.length} 个）`,
        `the archive must hold exactly one .xlsx sheet (it holds ${sheets.length})`,
      ),
    );
  }
  for (const e of entries) {
    if (e === sheets[0]) continue;
    files.push({ fileName: base(e.name), content: await e.async('nodebuffer') });
  }
  return { sheet: checked(await sheets[0].async('nodebuffer')), files };
}

function checked(sheet: Buffer): Buffer {
  if (sheet.length <= MAX_SHEET_BYTES) return sheet;
  throw new DomainError(
    413,
    'FILE_TOO_LARGE',
    t('表格文件过大（上限 2 MB）', 'the sheet is larger than 2 MB'),
  );
}
