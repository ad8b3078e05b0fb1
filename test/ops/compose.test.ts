import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '@hardtech/config';
import { SEARCH_ATTRIBUTES } from '@hardtech/temporal/search-attributes';
import composeSpec from './schemas/compose-spec.json';

// docker-compose.yml cannot run here (no Docker engine, and the docker client has no compose
// plugin), so it is checked the way `docker compose config` would: interpolated, then validated
// against the Compose specification's JSON schema (schemas/compose-spec.json, from the Go module
// github.com/compose-spec/compose-go/v2 v2.16.2, which docker compose itself validates with);
// and it is kept in step with the cluster profile (deploy/cluster.json, the config loaders, the
// files the build makes).
const ROOT = join(__dirname, '../..');
const CLUSTER = JSON.parse(readFileSync(join(ROOT, 'deploy/cluster.json'), 'utf8'));
const SECRETS = {
  POSTGRES_PASSWORD: 'pg-secret',
  POSTGRES_APP_PASSWORD: 'pg-app-secret',
  AUDIT_HMAC_KEY: 'a'.repeat(40),
  JWT_SECRET: 'j'.repeat(40),
  ADMIN_PASSWORD: 'admin-secret-1',
};

/** Compose variable interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, $$. */
function interpolate(value: unknown, env: Record<string, string>, errors: string[]): any {
  if (typeof value === 'string') {
    return value.replace(/\$\$|\$\{(\w+)(?:(:?)([-?])([^}]*))?\}/g, (match, name, colon, op, arg) => {
      if (match === '$$') return '$';
      const v = env[name];
      const unset = v === undefined || (colon === ':' && v === '');
      if (op === '?' && unset) errors.push(`${name}: ${arg}`);
      if (op === '-' && unset) return arg;
      return v ?? '';
    });
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, env, errors));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env, errors)]));
  }
  return value;
}

function load(env: Record<string, string> = SECRETS): { compose: any; errors: string[] } {
  const raw = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
  const errors: string[] = [];
  return { compose: interpolate(raw, env, errors), errors };
}

const { compose } = load();
const services = compose.services;
const env = (service: string): Record<string, string> => services[service].environment ?? {};

// Where the certs job writes Temporal's CA and certificates, and every other service reads them.
const CERTS = compose.services.certs.volumes[0].replace(/^temporal-certs:/, '');
const CERTS_MOUNT = `temporal-certs:${CERTS}:ro`;
// The certs job's own script, run into a temporary folder, stands in for the volume, so that
// libs/config finds the files the compose file names (it refuses unreadable certificate files).
let certsDir: string;
beforeAll(() => {
  certsDir = mkdtempSync(join(tmpdir(), 'compose-certs-'));
  const [, script, , serverName] = services.certs.command;
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const source = new RegExp(`^COPY (\\S+) ${script}$`, 'm').exec(dockerfile)![1];
  execFileSync('sh', [join(ROOT, source), certsDir, serverName], { stdio: 'pipe' });
});
afterAll(() => rmSync(certsDir, { recursive: true, force: true }));
/** A service's environment with the certificate paths moved from the volume to certsDir. */
const onThisMachine = (service: string): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env(service)).map(([k, v]) => [
      k,
      v.startsWith(`${CERTS}/`) ? certsDir + v.slice(CERTS.length) : v,
    ]),
  );

describe('docker-compose.yml', () => {
  it('is a valid Compose file by the specification’s schema', () => {
    const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(
      composeSpec,
    );
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check catches a wrong file', () => {
    const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(
      composeSpec,
    );
    const broken = structuredClone(compose);
    broken.services.worker.depends_on.migrate.condition = 'service_finished';
    broken.services.api.healthcheck.intervall = '10s';
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining(['/services/worker/depends_on/migrate/condition', '/services/api/healthcheck']),
    );
  });

  it('refuses to start without the secrets, as docker compose would', () => {
    expect([...new Set(load({}).errors.map((e) => e.split(':')[0]))].sort()).toEqual([
      'ADMIN_PASSWORD',
      'AUDIT_HMAC_KEY',
      'JWT_SECRET',
      'POSTGRES_APP_PASSWORD',
      'POSTGRES_PASSWORD',
    ]);
  });

  it('has the topology of the cluster profile', () => {
    expect(Object.keys(services).sort()).toEqual([
      'api',
      'certs',
      'migrate',
      'nginx',
      'postgres',
      'temporal',
      'temporal-schema',
      'temporal-setup',
      'temporal-ui',
      'worker',
    ]);
    expect(services.worker.deploy.replicas).toBe(CLUSTER.workerReplicas);
    expect(services.api.deploy.replicas).toBe(CLUSTER.apiReplicas);
    expect(services.postgres.volumes).toEqual(['postgres-data:/var/lib/postgresql/data']);
    expect(Object.keys(compose.volumes)).toEqual([
      'postgres-data',
      'files',
      'temporal-certs',
      'audit-checkpoints',
    ]);
  });

  it('runs the Temporal versions the cluster profile builds from the Go module proxy', () => {
    expect(services.temporal.image).toBe(`temporalio/server:${CLUSTER.temporalServerVersion}`);
    expect(services['temporal-schema'].image).toBe(`temporalio/admin-tools:${CLUSTER.temporalServerVersion}`);
    expect(services['temporal-setup'].image).toBe(`temporalio/admin-tools:${CLUSTER.temporalServerVersion}`);
    expect(services['temporal-ui'].image).toBe(`temporalio/ui:${CLUSTER.temporalUiVersion}`);
  });

  it('sets up Temporal on PostgreSQL as the cluster profile does', () => {
    const temporal = env('temporal');
    expect(temporal).toMatchObject({
      DB: 'postgres12',
      POSTGRES_SEEDS: 'postgres',
      NUM_HISTORY_SHARDS: String(CLUSTER.historyShards),
    });
    const schemaJob = services['temporal-schema'].command.join('\n');
    for (const [db, kind] of [
      [temporal.DBNAME, 'temporal'],
      [temporal.VISIBILITY_DBNAME, 'visibility'],
    ]) {
      expect(schemaJob).toContain(`--db ${db} setup-schema -v 0.0`);
      expect(schemaJob).toContain(
        `--db ${db} update-schema -d /etc/temporal/schema/postgresql/v12/${kind}/versioned`,
      );
    }
    expect(services.temporal.volumes).toEqual([
      `./deploy/temporal/dynamicconfig.yaml:${temporal.DYNAMIC_CONFIG_FILE_PATH}:ro`,
      CERTS_MOUNT,
    ]);
    expect(existsSync(join(ROOT, 'deploy/temporal/dynamicconfig.yaml'))).toBe(true);
  });

  it('registers the namespace and exactly our search attributes', () => {
    const setup = services['temporal-setup'].command.join('\n');
    expect(setup).toContain(
      `temporal operator namespace create --namespace ${CLUSTER.namespace} --retention ${CLUSTER.retention}`,
    );
    const names = SEARCH_ATTRIBUTES.map((a) => a.name);
    expect(CLUSTER.searchAttributes).toEqual(names);
    expect(setup).toContain(`for name in ${names.join(' ')}; do`);
    expect(setup).toContain('--type Keyword');
    for (const service of ['api', 'worker']) expect(env(service).TEMPORAL_NAMESPACE).toBe(CLUSTER.namespace);
    expect(env('temporal-ui').TEMPORAL_DEFAULT_NAMESPACE).toBe(CLUSTER.namespace);
  });

  it('gives our processes only variables they read, and a configuration they accept', () => {
    for (const service of ['api', 'worker', 'migrate']) {
      expect(Object.keys(env(service)).filter((k) => !(k in CONFIG_VARIABLES))).toEqual([]);
      expect(() => loadConfig(onThisMachine(service))).not.toThrow();
      expect(loadConfig(onThisMachine(service))).toMatchObject({ env: 'production', demoMode: false });
    }
  });

  it('starts the files the build makes, with drains that fit in the stop grace periods', () => {
    for (const service of ['api', 'worker', 'migrate']) {
      const [node, file] = services[service].command;
      expect(node).toBe('node');
      expect(existsSync(join(ROOT, file))).toBe(true);
    }
    const seconds = (s: string) => Number(/^(\d+)s$/.exec(s)![1]);
    const api = loadConfig(onThisMachine('api')).shutdown;
    expect(seconds(services.api.stop_grace_period)).toBeGreaterThan(api.delaySeconds + api.timeoutSeconds);
    expect(seconds(services.worker.stop_grace_period)).toBeGreaterThan(
      loadConfig(onThisMachine('worker')).worker.shutdownGraceSeconds,
    );
  });

  it("sets the worker's activation timeout (WORKER_ACTIVATION_TIMEOUT_MS) as helm and systemd do", () => {
    expect(env('worker').WORKER_ACTIVATION_TIMEOUT_MS).toBe('30000');
    expect(loadConfig(onThisMachine('worker')).worker.isolateExecutionTimeoutMs).toBe(30_000);
  });

  it('checks health where the profile does: PostgreSQL, API readiness, worker readiness, nginx', () => {
    expect(services.postgres.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(services.api.healthcheck.test.join(' ')).toContain(
      `127.0.0.1:${env('api').PORT}/api/health/ready`,
    );
    expect(services.worker.healthcheck.test.join(' ')).toContain(
      `127.0.0.1:${env('worker').WORKER_HTTP_PORT}/health/ready`,
    );
    expect(services.nginx.healthcheck.test.join(' ')).toContain(
      `127.0.0.1:${env('nginx').NGINX_LISTEN}/api/health/live`,
    );
    expect(services.nginx.depends_on).toEqual({ api: { condition: 'service_healthy' } });
    expect(services.api.depends_on).toMatchObject({
      migrate: { condition: 'service_completed_successfully' },
      'temporal-setup': { condition: 'service_completed_successfully' },
    });
  });

  it('builds the one image from the Dockerfile, which ships what the commands start', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    for (const service of ['api', 'worker', 'migrate']) {
      expect(services[service].build).toBe('.');
    }
    expect(services.nginx.build).toEqual({ context: '.', target: 'edge' });
    expect(dockerfile).toMatch(/^FROM nginx:[\d.]+-bookworm AS edge$/m);
    expect(dockerfile).toContain('COPY --from=build /app/apps/web/dist /usr/share/nginx/html');
    // Node 22 (20 is past its end of life) in both Node stages.
    expect(dockerfile.match(/^FROM node:.*$/gm)).toEqual([
      'FROM node:22-bookworm-slim AS build',
      'FROM node:22-bookworm-slim',
    ]);
    expect(dockerfile).toMatch(/RUN node scripts\/build\.mjs/);
    expect(dockerfile).toMatch(/COPY --from=build \/app\/dist \.\/dist/);
    expect(dockerfile).toMatch(/EXPOSE 3000 9464/);
  });

  it('publishes only nginx: the Temporal frontend and UI stay on the compose network', () => {
    const published = Object.keys(services).filter((name) => services[name].ports);
    expect(published).toEqual(['nginx']);
    expect(services.nginx.ports).toEqual(['3000:8080']);
    expect(env('temporal-ui')).toMatchObject({
      TEMPORAL_UI_PUBLIC_PATH: '/temporal',
      TEMPORAL_DISABLE_WRITE_ACTIONS: 'true',
      TEMPORAL_CORS_ORIGINS: 'http://localhost:3000',
    });
  });

  it('keeps evidence files on one named volume, shared by the API replicas and owned by node', () => {
    const dir = env('api').FILE_STORE_DIR;
    const checkpoints = onThisMachine('api').AUDIT_CHECKPOINT_DIR;
    expect(loadConfig(onThisMachine('api')).files.dir).toBe(dir);
    expect(loadConfig(onThisMachine('api')).audit.checkpointDir).toBe(checkpoints);
    for (const service of ['api', 'worker']) {
      // Temporal's client certificate, and the audit chain's signed checkpoints on a volume of their own.
      expect(services[service].volumes).toEqual([
        `files:${dir}`,
        CERTS_MOUNT,
        `audit-checkpoints:${checkpoints}`,
      ]);
      expect(env(service).FILE_STORE_DIR).toBe(dir);
    }
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    // Created and chowned before USER node: a new named volume copies the folder's ownership.
    expect(runtime).toMatch(new RegExp(`RUN mkdir -p ${dir} && chown node:node ${dir}\\nUSER node`));
    expect(runtime).toContain(`RUN mkdir -p ${checkpoints} && chown node:node ${checkpoints}\n`);
  });

  it('renders deploy/nginx/templates with the variables nginx is given, as the cluster profile does', () => {
    expect(services.nginx.volumes).toEqual(['./deploy/nginx/templates:/etc/nginx/templates:ro']);
    const templates = readdirSync(join(ROOT, 'deploy/nginx/templates'));
    const used = new Set(
      templates.flatMap((f) =>
        [
          ...readFileSync(join(ROOT, 'deploy/nginx/templates', f), 'utf8').matchAll(
            /\$\{([A-Z][A-Z0-9_]*)\}/g,
          ),
        ].map((m) => m[1]),
      ),
    );
    expect(Object.keys(env('nginx')).sort()).toEqual([...used].sort());
    // The same server line the cluster profile writes for each API process.
    const servers = execFileSync(process.execPath, [
      '--input-type=module',
      '-e',
      `import(${JSON.stringify(join(ROOT, 'scripts/lib/nginx.mjs'))}).then((m) => process.stdout.write(m.apiServers(['api:${env('api').PORT}'])))`,
    ]).toString();
    expect(env('nginx').API_SERVERS).toBe(servers);
    expect(env('nginx').TEMPORAL_UI).toBe(`temporal-ui:${env('temporal-ui').TEMPORAL_UI_PORT}`);
  });
});

describe('docker-compose.yml: Temporal with mutual TLS, as the cluster profile runs it', () => {
  const talksToTemporal = Object.keys(services).filter(
    (name) => env(name).TEMPORAL_ADDRESS === 'temporal:7233',
  );
  const dependsOnCerts = (name: string) => services[name].depends_on?.certs?.condition;

  it('gives every client of temporal:7233 the client certificate from the certs volume', () => {
    expect(talksToTemporal.sort()).toEqual(['api', 'migrate', 'temporal-setup', 'temporal-ui', 'worker']);
    for (const name of talksToTemporal) {
      expect([name, env(name)]).toEqual([
        name,
        expect.objectContaining({
          TEMPORAL_TLS_CA: `${CERTS}/ca.pem`,
          TEMPORAL_TLS_CERT: `${CERTS}/client.pem`,
          TEMPORAL_TLS_KEY: `${CERTS}/client.key`,
          // The name in the server certificate: the host the clients dial.
          TEMPORAL_TLS_SERVER_NAME: services.certs.command[3],
        }),
      ]);
      expect([name, services[name].volumes]).toEqual([name, expect.arrayContaining([CERTS_MOUNT])]);
      expect([name, dependsOnCerts(name)]).toEqual([name, 'service_completed_successfully']);
    }
    expect(env('temporal-ui').TEMPORAL_TLS_ENABLE_HOST_VERIFICATION).toBe('true');
    // libs/config turns them into the connection's TLS settings, with files the certs job makes.
    expect(loadConfig(onThisMachine('worker')).temporal.tls).toEqual({
      caPath: join(certsDir, 'ca.pem'),
      certPath: join(certsDir, 'client.pem'),
      keyPath: join(certsDir, 'client.key'),
      serverName: 'temporal',
    });
  });

  it('requires client certificates of the CA on the frontend and between the server’s services', () => {
    const server = env('temporal');
    expect(server).toMatchObject({
      TEMPORAL_TLS_REQUIRE_CLIENT_AUTH: 'true',
      TEMPORAL_TLS_SERVER_CERT: `${CERTS}/server.pem`,
      TEMPORAL_TLS_SERVER_KEY: `${CERTS}/server.key`,
      TEMPORAL_TLS_SERVER_CA_CERT: `${CERTS}/ca.pem`,
      TEMPORAL_TLS_INTERNODE_SERVER_NAME: 'temporal',
      TEMPORAL_TLS_FRONTEND_CERT: `${CERTS}/server.pem`,
      TEMPORAL_TLS_FRONTEND_KEY: `${CERTS}/server.key`,
      // The image's template lists both client CAs when the first is set: both are ours.
      TEMPORAL_TLS_CLIENT1_CA_CERT: `${CERTS}/ca.pem`,
      TEMPORAL_TLS_CLIENT2_CA_CERT: `${CERTS}/ca.pem`,
      TEMPORAL_TLS_FRONTEND_SERVER_NAME: 'temporal',
    });
    expect(services.temporal.volumes).toContain(CERTS_MOUNT);
    expect(dependsOnCerts('temporal')).toBe('service_completed_successfully');
    // The certificate the server presents carries the name its clients check.
    const san = execFileSync('openssl', [
      'x509',
      '-in',
      join(certsDir, 'server.pem'),
      '-noout',
      '-ext',
      'subjectAltName',
    ]);
    expect(san.toString()).toContain(`DNS:${server.TEMPORAL_TLS_FRONTEND_SERVER_NAME}`);
  });

  it('makes the certificates in a one-shot job from the Dockerfile’s certs stage, the only writer', () => {
    expect(services.certs).toMatchObject({ build: { context: '.', target: 'certs' }, restart: 'no' });
    expect(services.certs.volumes).toEqual([`temporal-certs:${CERTS}`]);
    const [shell, script, dir] = services.certs.command;
    expect([shell, dir]).toEqual(['sh', CERTS]);
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const stage = dockerfile.slice(dockerfile.indexOf(' AS certs\n'));
    expect(stage.slice(0, stage.indexOf('\nFROM '))).toContain(
      `RUN apk add --no-cache openssl\nCOPY deploy/temporal/certificates.sh ${script}`,
    );
    const readers = Object.keys(services).filter((name) =>
      (services[name].volumes ?? []).some((v: string) => v.startsWith('temporal-certs:')),
    );
    expect(readers.sort()).toEqual([...talksToTemporal, 'certs', 'temporal'].sort());
    for (const name of readers.filter((n) => n !== 'certs')) {
      expect(services[name].volumes.filter((v: string) => v.startsWith('temporal-certs:'))).toEqual([
        CERTS_MOUNT,
      ]);
    }
  });

  it('hands the keys to the runtime users: uid/gid 1000 (node, temporal), and the UI by its group', () => {
    expect(env('certs').CERT_OWNER).toBe('1000:1000');
    expect(services['temporal-ui'].group_add).toEqual(['1000']);
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    // The app image runs as `node` of node:22-bookworm-slim, whose uid and gid are 1000.
    expect(dockerfile.slice(dockerfile.lastIndexOf('FROM '))).toMatch(
      /^FROM node:22-bookworm-slim\n[\s\S]*^USER node$/m,
    );
  });
});
