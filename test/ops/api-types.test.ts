import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocument } from '../../apps/api/src/openapi/document';
import { Api } from '../support/api';
import { expectOk } from '../support/lifecycle';

// Issue 22 item 6: the web's API types (apps/web/src/api/schema.d.ts) are generated from the API's
// OpenAPI document by `npm run api:types`, which makes the document offline (Nest in preview mode).
// This fails when the committed file is stale, and checks that the offline document is the one
// the running API serves.
const ROOT = join(__dirname, '../..');
const LIB = join(ROOT, 'scripts/lib/api-types.mjs');

/** scripts/lib/api-types.mjs's rendering of a document, in a node process (an ES module). */
function render(document: object): { text: string; file: string } {
  const script = `const { renderApiTypes, API_TYPES_FILE } = await import(${JSON.stringify(LIB)});
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    process.stdout.write(JSON.stringify({ text: await renderApiTypes(JSON.parse(input)), file: API_TYPES_FILE }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    input: JSON.stringify(document),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe('the web’s generated API types', () => {
  let document: any;
  beforeAll(async () => {
    document = await openApiDocument();
  });

  it('are what `npm run api:types` makes from the current document (else run it)', () => {
    const { text, file } = render(document);
    expect(file).toBe(join(ROOT, 'apps/web/src/api/schema.d.ts'));
    const committed = readFileSync(file, 'utf8');
    expect(committed.length).toBeGreaterThan(10_000);
    expect(committed === text).toBe(true);
  });

  it('and docs/api.md’s table of every endpoint, are what it makes from the current document', () => {
    const script = `const { renderApiDoc, API_DOC_FILE } = await import(${JSON.stringify(LIB)});
      const { readFileSync } = await import('node:fs');
      let input = '';
      for await (const chunk of process.stdin) input += chunk;
      const committed = readFileSync(API_DOC_FILE, 'utf8');
      process.stdout.write(JSON.stringify({ committed, text: await renderApiDoc(JSON.parse(input), committed) }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      input: JSON.stringify(document),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(r.stderr);
    const { committed, text } = JSON.parse(r.stdout);
    const routes = Object.values(document.paths)
      .flatMap((ops: any) => Object.keys(ops))
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).length;
    expect(committed.match(/^\| \S+ +\| (GET|POST|PUT|PATCH|DELETE) /gm)?.length).toBe(routes);
    expect(committed === text).toBe(true);
  });

  it('would be stale after a change to a DTO', () => {
    const changed = structuredClone(document);
    delete changed.components.schemas.TaskItemDto.properties.enterpriseName;
    expect(render(changed).text).not.toBe(readFileSync(join(ROOT, 'apps/web/src/api/schema.d.ts'), 'utf8'));
  });

  it('come from the document the running API serves', async () => {
    const served = await expectOk(Api.anonymous().get('/api/docs-json'));
    expect(JSON.parse(JSON.stringify(document))).toEqual(served);
  });
});
