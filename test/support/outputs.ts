import JSZip from 'jszip';
import { API_URL, Api } from './api';
import { expectOk } from './lifecycle';
import { isPdf, pdfText, squeezed } from './pdf';

/** One answer as a reader gets it: its text (archives unzipped, printouts as printed) and its JSON. */
export interface Output {
  status: number;
  text: string;
  json: unknown;
  pdf: boolean;
}

export type Bodies = (Omit<Output, 'status'> & { endpoint: string })[];

/** A GET as the reader's browser would send it, its answer read whatever its kind. */
export async function readOutput(api: Api, path: string): Promise<Output> {
  const res = await fetch(`${API_URL}${path}`, { headers: { authorization: `Bearer ${api.token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.subarray(0, 2).toString('latin1') === 'PK') {
    // xlsx and docx: the text is in the archive's XML parts.
    const zip = await JSZip.loadAsync(bytes);
    const parts = await Promise.all(Object.values(zip.files).map((f) => f.async('string')));
    return { status: res.status, text: parts.join('\n'), json: null, pdf: false };
  }
  // The printouts (审批单, 一企一档): their text as printed, a marker wrapped in a cell found whole.
  // (An uploaded evidence file is a PDF too; pdftotext reads it as empty, its bytes are searched.)
  if (isPdf(bytes) && res.headers.get('content-disposition')?.startsWith('inline')) {
    return { status: res.status, text: squeezed(await pdfText(bytes)), json: null, pdf: true };
  }
  const text = bytes.toString('utf8');
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // a file or a document, searched as text
  }
  return { status: res.status, text, json, pdf: false };
}

/**
 * Every GET operation of the OpenAPI document, path parameters filled with `values` (each must be
 * given), and those without parameters also with `queries` (e.g. `?creditCode=…`).
 */
export async function walkOutputs(
  api: Api,
  values: Record<string, string[]>,
  queries: string[],
): Promise<Bodies> {
  const doc = (await expectOk(Api.anonymous().get('/api/docs-json'))) as { paths: Record<string, object> };
  const bodies: Bodies = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    if (!('get' in ops)) continue;
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    let paths = [template];
    for (const name of names) {
      expect([template, name, values[name] !== undefined]).toEqual([template, name, true]);
      paths = paths.flatMap((p) => values[name].map((v) => p.replace(`{${name}}`, encodeURIComponent(v))));
    }
    for (const p of paths) {
      for (const q of names.length ? [''] : queries) {
        const r = await readOutput(api, `${p}${q}`);
        bodies.push({ endpoint: `${r.status} GET ${p}${q}`, text: r.text, json: r.json, pdf: r.pdf });
      }
    }
  }
  return bodies;
}

/** Each marker found, with the endpoint that answered it. */
export const leaks = (bodies: Bodies, markers: string[]) =>
  bodies.flatMap((b) => markers.filter((m) => b.text.includes(m)).map((m) => `${m} in ${b.endpoint}`));
