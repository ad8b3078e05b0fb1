// Kubernetes JSON schemas for kubeconform, made offline: kubeconform downloads its schemas from the
// network at run time, and only the Go module proxy is reachable. The API's OpenAPI document of a
// Kubernetes release, in the Go module k8s.io/kubernetes (api/openapi-spec/swagger.json; a 21 MB
// download, once), is turned into kubeconform's layout `<dir>/v<version>-standalone-strict/<kind>-<group>-<version>.json`, as
// its openapi2jsonschema.py does with --stand-alone --strict --kubernetes: every object with
// declared properties refuses others, int-or-string and quantities take both forms.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goModuleDir } from './go-tools.mjs';
import { ROOT } from './paths.mjs';

export const OPENAPI_MODULE = 'k8s.io/kubernetes';
/** The Kubernetes release whose API is checked against (Helm v4.3.2 is built with its client). */
export const KUBERNETES_VERSION = '1.37.2';
export const SCHEMA_ROOT = join(ROOT, '.tools', 'k8s-schemas');

const REF = '#/definitions/';
const BOTH = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { oneOf: [{ type: 'string' }, { type: 'integer' }] },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { oneOf: [{ type: 'string' }, { type: 'number' }] },
};

/** One definition made strict: declared properties only, unless it keeps unknown fields. */
function strict(schema) {
  if (Array.isArray(schema)) return schema.map(strict);
  if (!schema || typeof schema !== 'object') return schema;
  const out = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, strict(v)]));
  if (out.format === 'int-or-string') {
    delete out.type;
    delete out.format;
    out.oneOf = BOTH['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].oneOf;
  }
  if (
    out.properties &&
    out.additionalProperties === undefined &&
    !out['x-kubernetes-preserve-unknown-fields']
  )
    out.additionalProperties = false;
  return out;
}

/** The definitions a schema reaches through $ref, by name. */
function reachable(definitions, root) {
  const seen = new Set();
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (typeof node.$ref === 'string' && node.$ref.startsWith(REF)) {
      const name = node.$ref.slice(REF.length);
      if (!seen.has(name)) {
        seen.add(name);
        walk(definitions[name]);
      }
    }
    Object.values(node).forEach(walk);
  };
  walk(root);
  return seen;
}

/** kubeconform's file name: the kind, the group's first label, the version (registry.go). */
export const schemaFileName = ({ group, version, kind }) =>
  `${kind.toLowerCase()}${group ? `-${group.split('.')[0].toLowerCase()}` : ''}-${version.toLowerCase()}.json`;

/** Writes every top-level kind's schema; returns how many. */
export function writeKubeSchemas(swagger, dir) {
  const definitions = Object.fromEntries(
    Object.entries(swagger.definitions).map(([name, d]) => [name, BOTH[name] ?? strict(d)]),
  );
  let count = 0;
  mkdirSync(dir, { recursive: true });
  for (const def of Object.values(definitions)) {
    for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) {
      // Prefer the Kubernetes API's own group when two share a first label.
      const file = join(dir, schemaFileName(gvk));
      if (existsSync(file) && !gvk.group.endsWith('k8s.io') && gvk.group !== '') continue;
      const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
      const schema = JSON.parse(JSON.stringify(def));
      if (schema.properties?.kind) schema.properties.kind = { ...schema.properties.kind, enum: [gvk.kind] };
      if (schema.properties?.apiVersion)
        schema.properties.apiVersion = { ...schema.properties.apiVersion, enum: [apiVersion] };
      schema.definitions = Object.fromEntries(
        [...reachable(definitions, def)].sort().map((n) => [n, definitions[n]]),
      );
      writeFileSync(file, JSON.stringify(schema));
      count++;
    }
  }
  return count;
}

/**
 * The schema folder to give kubeconform (`-schema-location <it> -kubernetes-version
 * KUBERNETES_VERSION -strict`), made once from the module's OpenAPI document.
 */
export function kubeSchemas() {
  const dir = join(SCHEMA_ROOT, `v${KUBERNETES_VERSION}-standalone-strict`);
  if (existsSync(join(dir, '.complete'))) return SCHEMA_ROOT;
  const source = join(
    goModuleDir(OPENAPI_MODULE, `v${KUBERNETES_VERSION}`),
    'api',
    'openapi-spec',
    'swagger.json',
  );
  const scratch = `${dir}.partial`;
  rmSync(scratch, { recursive: true, force: true });
  const count = writeKubeSchemas(JSON.parse(readFileSync(source, 'utf8')), scratch);
  writeFileSync(join(scratch, '.complete'), `${count} kinds from ${OPENAPI_MODULE}@v${KUBERNETES_VERSION}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(scratch, dir);
  return SCHEMA_ROOT;
}
