import { AttachmentPurpose, cleanFileName, PURPOSE_LABELS } from './attachments';
import type { FieldError } from './errors';
import { t, Text } from './text';

/**
 * 批量推荐 with certificates (issue 16 item 4): a C3 / C5 certificate travels with the sheet under
 * the name `<统一社会信用代码>-C3.<ext>` / `-C5.<ext>`, as multipart `certificates` or inside one .zip
 * with the sheet. The name says whose and which certificate it is.
 */
export interface ImportCertificate {
  fileName: string;
  creditCode: string;
  purpose: Extract<AttachmentPurpose, 'C3' | 'C5'>;
  content: Buffer;
}

const NAME = /^([0-9A-Z]{18})-(C3|C5)\.([A-Za-z0-9]+)$/i;

/** The credit code and certificate a file's name declares; null when it is not of the pattern. */
export function certificateName(fileName: string): Pick<ImportCertificate, 'creditCode' | 'purpose'> | null {
  const m = NAME.exec(cleanFileName(fileName));
  return m ? { creditCode: m[1].toUpperCase(), purpose: m[2].toUpperCase() as 'C3' | 'C5' } : null;
}

/**
 * The certificates of a request, or why the request is refused as a whole (nothing is started):
 * names not of the pattern, the same certificate twice, certificates of enterprises the sheet does
 * not hold.
 */
export function sortCertificates(
  files: readonly { fileName: string; content: Buffer }[],
  sheetCodes: ReadonlySet<string>,
): { certificates: ImportCertificate[]; errors: FieldError[] } {
  const certificates: ImportCertificate[] = [];
  const errors: FieldError[] = [];
  const refuse = (text: Text) => errors.push({ field: 'certificates', text });
  const seen = new Set<string>();
  for (const f of files) {
    const named = certificateName(f.fileName);
    if (!named) {
      refuse(
        t(
          `证书文件名应为“统一社会信用代码-C3.扩展名”或“-C5.扩展名”：${f.fileName}`,
          `a certificate is named <credit code>-C3.<ext> or -C5.<ext>: ${f.fileName}`,
        ),
      );
      continue;
    }
    const key = `${named.creditCode}-${named.purpose}`;
    if (seen.has(key)) {
      refuse(t(`同一证书上传了多份：${key}`, `the same certificate more than once: ${key}`));
      continue;
    }
    seen.add(key);
    if (!sheetCodes.has(named.creditCode)) {
      refuse(t(`表格中没有该企业：${f.fileName}`, `no row of the sheet has this enterprise: ${f.fileName}`));
      continue;
    }
    certificates.push({ ...named, fileName: cleanFileName(f.fileName), content: f.content });
  }
  return { certificates, errors };
}

/** Each certificate a row still lacks, named with the file the importer should attach. */
export function missingCertificateErrors(
  creditCode: string,
  missing: readonly AttachmentPurpose[],
): FieldError[] {
  return missing.map((purpose) => ({
    field: `certificates.${purpose}`,
    text: t(
      `缺少${PURPOSE_LABELS[purpose].zh}，请附文件 ${creditCode}-${purpose}.pdf（或图片）`,
      `missing: ${PURPOSE_LABELS[purpose].en}; attach ${creditCode}-${purpose}.pdf (or an image)`,
    ),
  }));
}
