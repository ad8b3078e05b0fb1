import type { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { fileAnswer } from './file-answer';

export const PDF = 'application/pdf';

/** A PDF shown in the browser, to print. */
export function pdfInline(
  res: Response,
  asciiName: string,
  chineseName: string,
  file: Buffer,
): StreamableFile {
  return fileAnswer(res, file, { type: PDF, disposition: 'inline', asciiName, chineseName });
}
