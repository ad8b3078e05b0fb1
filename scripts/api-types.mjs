// `npm run api:types`: writes apps/web/src/api/schema.d.ts from the API's OpenAPI document, made
// offline from the compiled Nest app (no database or Temporal; the build runs first when stale).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureDependencies } from './lib/deps.mjs';
import { ensureServerBuilt } from './lib/build.mjs';
import { API_TYPES_FILE, renderApiTypes } from './lib/api-types.mjs';
import { ok } from './lib/log.mjs';
import { DIST } from './lib/paths.mjs';

await ensureDependencies();
await ensureServerBuilt();
const { openApiDocument } = createRequire(import.meta.url)(join(DIST, 'apps/api/src/openapi/document.js'));
writeFileSync(API_TYPES_FILE, await renderApiTypes(await openApiDocument()));
ok(`wrote ${API_TYPES_FILE}`);
