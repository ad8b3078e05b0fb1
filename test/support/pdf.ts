import { spawn } from 'node:child_process';
import { API_URL, Api } from './api';

/**
 * The text of a PDF as poppler's pdftotext reads it (installed by scripts/test.mjs when missing), in
 * the order it was drawn (`-raw`): a table cell's wrapped lines stay together instead of being
 * interleaved with the next cell's by the reading-order guess.
 */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-']);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(out).toString('utf8'))
        : reject(new Error(`pdftotext exited ${code}: ${Buffer.concat(err).toString()}`)),
    );
    child.stdin.end(pdf);
  });
}

/**
 * Text as printed, without the line breaks and spaces the layout put in: a name or a marker that
 * wrapped in a narrow cell is still found whole.
 */
export const squeezed = (text: string) => text.replace(/\s+/g, '');

export function isPdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
}

/** GETs a PDF endpoint: the status, the content type and the text read back out of it. */
export async function getPdf(
  api: Api,
  path: string,
): Promise<{ status: number; type: string | null; disposition: string | null; text: string; bytes: Buffer }> {
  const res = await fetch(`${API_URL}${path}`, { headers: { authorization: `Bearer ${api.token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = isPdf(bytes) ? squeezed(await pdfText(bytes)) : '';
  const disposition = res.headers.get('content-disposition');
  return { status: res.status, type: res.headers.get('content-type'), disposition, text, bytes };
}
