import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An .xlsx download: an ASCII file name for old clients, the Chinese one (RFC 5987) for the rest. */
export function xlsxDownload(
  res: Response,
  asciiName: string,
  chineseName: string,
  file: Buffer,
): StreamableFile {
  res.set({
    'Content-Type': XLSX,
    'Content-Disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(chineseName)}`,
  });
  return new StreamableFile(file);
}
