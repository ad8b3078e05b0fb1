import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Nomination, requiredEvidence } from '@hardtech/domain';
import { API_URL, Api } from './api';

/** A small valid-looking PDF (the server checks the content's signature, not more). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

export async function upload(
  api: Api,
  fields: Record<string, string>,
  file: { name: string; content: Buffer } | null = { name: '证书.pdf', content: PDF },
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([new Uint8Array(file.content)]), file.name);
  const res = await fetch(`${API_URL}/api/attachments`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${api.token}` },
  });
  return { status: res.status, body: await res.json() };
}

/** Uploads the C3/C5 certificates a nomination needs (when the policy asks for them). */
export async function uploadEvidence(api: Api, nomination: Nomination): Promise<void> {
  for (const purpose of requiredEvidence(nomination)) {
    const r = await upload(api, { creditCode: nomination.creditCode, subject: 'nomination', purpose });
    if (r.status !== 201) throw new Error(`evidence ${purpose}: ${r.status} ${JSON.stringify(r.body)}`);
  }
}

/** Files in the test stack's file store (FILE_STORE_DIR), to show a refused upload stored nothing. */
export function storedFiles(dir = process.env.FILE_STORE_DIR!): number {
  const walk = (d: string): number =>
    readdirSync(d).reduce((n, f) => (statSync(join(d, f)).isDirectory() ? n + walk(join(d, f)) : n + 1), 0);
  try {
    return walk(dir);
  } catch {
    return 0;
  }
}

/** POST /api/nominations/import: the sheet (or a .zip bundle) and certificate files by name. */
export async function importNominations(
  token: string,
  file: Buffer | null,
  {
    name = 'nominations.xlsx',
    certificates = [] as { name: string; content: Buffer }[],
    lang = 'zh-CN',
  } = {},
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  if (file) form.append('file', new Blob([new Uint8Array(file)]), name);
  for (const c of certificates) form.append('certificates', new Blob([new Uint8Array(c.content)]), c.name);
  const res = await fetch(`${API_URL}/api/nominations/import`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}`, 'accept-language': lang },
  });
  return { status: res.status, body: await res.json() };
}
