import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

/**
 * A file answer: an ASCII file name for old clients, the Chinese one (RFC 5987) for the rest;
 * `attachment` to save it, `inline` to show it (a PDF to print).
 */
export function fileAnswer(
  res: Response,
  file: Buffer,
  o: { type: string; disposition: 'attachment' | 'inline'; asciiName: string; chineseName: string },
): StreamableFile {
  res.set({
    'Content-Type': o.type,
    'Content-Disposition': `${o.disposition}; filename="${o.asciiName}"; filename*=UTF-8''${rfc5987(o.chineseName)}`,
  });
  return new StreamableFile(file);
}

/** RFC 5987's value-chars: encodeURIComponent, and the ' ( ) * it leaves as they are, which are not attr-chars. */
export function rfc5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
