// `npm run api:types`: writes apps/web/src/api/schema.d.ts and docs/api.md's endpoint table from the
// API's OpenAPI document, made offline from the compiled Nest app (no database or Temporal; the build runs first when stale).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureDependencies } from './lib/deps.mjs';
import { ensureServerBuilt } from './lib/build.mjs';
import { API_DOC_FILE, API_TYPES_FILE, renderApiDoc, renderApiTypes } from './lib/api-types.mjs';
import { ok } from './lib/log.mjs';
import { DIST } from './lib/paths.mjs';

await ensureDependencies();
await ensureServerBuilt();
const { openApiDocument } = createRequire(import.meta.url)(join(DIST, 'apps/api/src/openapi/document.js'));
const document = await openApiDocument();
writeFileSync(API_TYPES_FILE, await renderApiTypes(document));
ok(`wrote ${API_TYPES_FILE}`);
writeFileSync(API_DOC_FILE, await renderApiDoc(document, readFileSync(API_DOC_FILE, 'utf8')));
ok(`wrote the endpoint table of ${API_DOC_FILE}`);
