import type { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { fileAnswer } from './file-answer';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An .xlsx download. */
export function xlsxDownload(
  res: Response,
  asciiName: string,
  chineseName: string,
  file: Buffer,
): StreamableFile {
  return fileAnswer(res, file, { type: XLSX, disposition: 'attachment', asciiName, chineseName });
}
