import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '@hardtech/config';
import { PER_LIFECYCLE_MB, RESERVED_MB } from '../../apps/worker/src/workflow-cache';

/** A Kubernetes memory quantity ("512Mi", "1Gi") in MiB. */
function mebibytes(quantity: string): number {
  const m = /^(\d+)(Mi|Gi)$/.exec(quantity);
  if (!m) throw new Error(`not a memory quantity in Mi or Gi: ${quantity}`);
  return Number(m[1]) * (m[2] === 'Gi' ? 1024 : 1);
}

// deploy/helm/hardtech (issue 22 item 2): `helm lint`, and `helm template` checked by kubeconform
// -strict against Kubernetes schemas made offline (scripts/lib/kube-schemas.mjs), with the default
// values, the official Temporal chart's and an external Temporal with mTLS; then what the rendered
// objects must agree on with the processes they run. Helm and kubeconform are built on first use
// (scripts/lib/helm.mjs): the first run takes minutes.
const ROOT = join(__dirname, '../..');
const CHART = join(ROOT, 'deploy/helm/hardtech');
const VALUES = {
  officialTemporal: join(ROOT, 'deploy/helm/values-official-temporal.yaml'),
  externalMtls: join(ROOT, 'deploy/helm/values-external-mtls.yaml'),
};
const SECRETS = [
  'secrets.DATABASE_URL=postgres://hardtech:pw@postgres:5432/hardtech',
  `secrets.JWT_SECRET=${'j'.repeat(40)}`,
  `secrets.AUDIT_HMAC_KEY=${'a'.repeat(40)}`,
  'secrets.ADMIN_PASSWORD=admin-secret-1',
];
const BUILD_TIMEOUT = 30 * 60_000;

/** Runs an ES module snippet of scripts/lib in node, its output on the console (progress lines). */
function tools(): { helm: string; kubeconform: string; schemas: string; kubernetesVersion: string } {
  const out = join(ROOT, 'data', 'helm-tools.json');
  const script = `
    const lib = (m) => import(${JSON.stringify(join(ROOT, 'scripts/lib'))} + '/' + m);
    const { helmBinary, kubeconformBinary } = await lib('helm.mjs');
    const { kubeSchemas, KUBERNETES_VERSION } = await lib('kube-schemas.mjs');
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const result = { helm: await helmBinary(), kubeconform: await kubeconformBinary(),
      schemas: kubeSchemas(), kubernetesVersion: KUBERNETES_VERSION };
    mkdirSync(${JSON.stringify(join(ROOT, 'data'))}, { recursive: true });
    writeFileSync(${JSON.stringify(out)}, JSON.stringify(result));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: BUILD_TIMEOUT,
  });
  if (r.status !== 0) throw new Error(`building Helm / kubeconform failed (data/logs/go-build-*.log)`);
  return JSON.parse(readFileSync(out, 'utf8'));
}

let tool: ReturnType<typeof tools>;

function helm(args: string[]) {
  return spawnSync(tool.helm, args, {
    encoding: 'utf8',
    env: { ...process.env, HELM_CACHE_HOME: join(ROOT, 'data', 'helm') },
  });
}

function template(values: string[] = [], set: string[] = SECRETS) {
  return helm([
    'template',
    'hardtech',
    CHART,
    ...values.flatMap((v) => ['-f', v]),
    ...set.flatMap((s) => ['--set', s]),
  ]);
}

/** The rendered objects; fails the test with Helm's message when it does not render. */
function render(values: string[] = [], set: string[] = SECRETS): { text: string; objects: any[] } {
  const r = template(values, set);
  if (r.status !== 0) throw new Error(r.stderr);
  const objects = parseAllDocuments(r.stdout)
    .map((d) => d.toJS())
    .filter(Boolean);
  return { text: r.stdout, objects };
}

function kubeconform(manifests: string) {
  return spawnSync(
    tool.kubeconform,
    [
      '-strict',
      '-summary',
      '-schema-location',
      tool.schemas,
      '-kubernetes-version',
      tool.kubernetesVersion,
      '-',
    ],
    { input: manifests, encoding: 'utf8' },
  );
}

const find = (objects: any[], kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in ${objects.map((o) => `${o.kind}/${o.metadata.name}`)}`);
  return found;
};
const container = (o: any) => (o.spec.template ?? o.spec.jobTemplate).spec.containers[0];

beforeAll(() => {
  tool = tools();
}, BUILD_TIMEOUT);

describe('Helm chart deploy/helm/hardtech', () => {
  it('passes helm lint with the default values and with each example', () => {
    for (const values of [[], [VALUES.officialTemporal], [VALUES.externalMtls]]) {
      const r = helm([
        'lint',
        '--strict',
        CHART,
        ...values.flatMap((v) => ['-f', v]),
        ...SECRETS.flatMap((s) => ['--set', s]),
      ]);
      expect({ values, status: r.status, out: r.status === 0 ? '' : r.stdout + r.stderr }).toEqual({
        values,
        status: 0,
        out: '',
      });
    }
  });

  it.each([
    ['default values', []],
    ['the official Temporal chart', [VALUES.officialTemporal]],
    ['an external Temporal with mTLS', [VALUES.externalMtls]],
  ])('renders with %s into objects kubeconform -strict accepts', (_, values) => {
    const { text, objects } = render(values);
    const r = kubeconform(text);
    expect(r.stdout + r.stderr).toMatch(
      new RegExp(
        `${objects.length} resources found.*Valid: ${objects.length}, Invalid: 0, Errors: 0, Skipped: 0`,
      ),
    );
    expect(r.status).toBe(0);
  });

  it('kubeconform refuses a field Kubernetes does not know, and a wrong type', () => {
    const { objects } = render();
    const api = find(objects, 'Deployment', 'hardtech-api');
    container(api).readinessProbe.httpGett = container(api).readinessProbe.httpGet;
    const pdb = find(objects, 'PodDisruptionBudget', 'hardtech-web');
    pdb.spec.minAvailable = true;
    const r = kubeconform([api, pdb].map((o) => JSON.stringify(o)).join('\n---\n'));
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(
      /Deployment hardtech-api is invalid.*additional properties 'httpGett' not allowed/,
    );
    expect(r.stdout).toMatch(/PodDisruptionBudget hardtech-web is invalid.*minAvailable/);
  });

  it('has the API, worker and web Deployments, the migration Job, config, budgets and the worker HPA', () => {
    const { objects } = render();
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(
      [
        'ConfigMap/hardtech-config',
        'ConfigMap/hardtech-config-migrate',
        'ConfigMap/hardtech-nginx',
        'Deployment/hardtech-api',
        'Deployment/hardtech-web',
        'Deployment/hardtech-worker',
        'HorizontalPodAutoscaler/hardtech-worker',
        'Job/hardtech-migrate',
        'PersistentVolumeClaim/hardtech-audit-checkpoints',
        'PersistentVolumeClaim/hardtech-files',
        'PodDisruptionBudget/hardtech-api',
        'PodDisruptionBudget/hardtech-web',
        'PodDisruptionBudget/hardtech-worker',
        'Secret/hardtech-secrets',
        'Secret/hardtech-secrets-migrate',
        'Service/hardtech-api',
        'Service/hardtech-web',
        'Service/hardtech-worker-metrics',
      ].sort(),
    );
  });

  it('refuses to render without the secrets, or with a short JWT secret', () => {
    const missing = template([], []);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('secrets.DATABASE_URL is required (or existingSecret)');
    const short = template([], [...SECRETS.filter((s) => !s.includes('JWT')), 'secrets.JWT_SECRET=short']);
    expect(short.status).not.toBe(0);
    expect(short.stderr).toContain('secrets.JWT_SECRET must have at least 32 characters');
    // Production refuses to start without the audit chain's key (libs/config): so does the chart.
    const noKey = template(
      [],
      SECRETS.filter((s) => !s.includes('AUDIT_HMAC_KEY')),
    );
    expect(noKey.status).not.toBe(0);
    expect(noKey.stderr).toContain('secrets.AUDIT_HMAC_KEY is required (or existingSecret)');
    const shortKey = template([], [...SECRETS, 'secrets.AUDIT_HMAC_KEY=short']);
    expect(shortKey.stderr).toContain('secrets.AUDIT_HMAC_KEY must have at least 32 characters');
    expect(template([VALUES.externalMtls], []).status).toBe(0); // existingSecret: none needed
  });

  it('refuses a misspelt or malformed value (values.schema.json) instead of ignoring it', () => {
    const r = template(
      [],
      [...SECRETS, 'api.drian.preStopSeconds=3', 'temporal.address=temporal', 'secrets.jwt=x'],
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("at '/api': additional properties 'drian' not allowed");
    expect(r.stderr).toContain("at '/temporal/address'");
    expect(r.stderr).toContain("invalid propertyName 'jwt'"); // a secret's name is a variable's
  });

  it('configures the processes with variables they read only', () => {
    const { objects } = render([VALUES.externalMtls]);
    const names = [
      ...Object.keys(find(objects, 'ConfigMap', 'hardtech-config').data),
      ...['api', 'worker'].flatMap((c) =>
        (container(find(objects, 'Deployment', `hardtech-${c}`)).env ?? []).map((e: any) => e.name),
      ),
    ];
    expect(names.filter((n) => !(n in CONFIG_VARIABLES))).toEqual([]);
    const { objects: plain } = render();
    const secret = Object.keys(find(plain, 'Secret', 'hardtech-secrets').data).sort();
    expect(secret).toEqual(['ADMIN_PASSWORD', 'AUDIT_HMAC_KEY', 'DATABASE_URL', 'JWT_SECRET']);
    expect(secret.filter((n) => !(n in CONFIG_VARIABLES))).toEqual([]);
  });

  it('gives the API, the worker and the migration a configuration they accept in production', () => {
    for (const values of [[], [VALUES.officialTemporal]]) {
      const { objects } = render(values);
      const config = find(objects, 'ConfigMap', 'hardtech-config').data;
      const secret = Object.fromEntries(
        Object.entries(find(objects, 'Secret', 'hardtech-secrets').data).map(([k, v]) => [
          k,
          Buffer.from(String(v), 'base64').toString('utf8'),
        ]),
      );
      const workloads = [
        find(objects, 'Deployment', 'hardtech-api'),
        find(objects, 'Deployment', 'hardtech-worker'),
        find(objects, 'Job', 'hardtech-migrate'),
      ];
      for (const workload of workloads) {
        const c = container(workload);
        const env = {
          ...config,
          ...secret,
          ...Object.fromEntries((c.env ?? []).map((e: any) => [e.name, e.value])),
        };
        expect(() => loadConfig(env)).not.toThrow();
        expect(loadConfig(env)).toMatchObject({ env: 'production', demoMode: false });
      }
    }
  });

  it('gives the API a writable volume for the audit checkpoints, kept on uninstall', () => {
    const { objects } = render();
    const api = find(objects, 'Deployment', 'hardtech-api');
    const c = container(api);
    expect(c.securityContext.readOnlyRootFilesystem).toBe(true);
    const dir = find(objects, 'ConfigMap', 'hardtech-config').data.AUDIT_CHECKPOINT_DIR;
    const mount = c.volumeMounts.find((m: any) => m.mountPath === dir);
    expect(mount).toBeDefined();
    expect(mount.readOnly).toBeFalsy();
    const volume = api.spec.template.spec.volumes.find((v: any) => v.name === mount.name);
    const claim = find(objects, 'PersistentVolumeClaim', volume.persistentVolumeClaim.claimName);
    expect(claim.spec.accessModes).toEqual(['ReadWriteMany']); // every API replica appends
    expect(claim.metadata.annotations['helm.sh/resource-policy']).toBe('keep');
    // A claim of one's own instead.
    const own = render([], [...SECRETS, 'auditCheckpoints.existingClaim=my-checkpoints']).objects;
    expect(own.filter((o) => o.kind === 'PersistentVolumeClaim').map((o) => o.metadata.name)).toEqual([
      'hardtech-files',
    ]);
    const ownApi = find(own, 'Deployment', 'hardtech-api').spec.template.spec;
    expect(ownApi.volumes.find((v: any) => v.name === mount.name).persistentVolumeClaim.claimName).toBe(
      'my-checkpoints',
    );
  });

  it('probes the health endpoints, and gives the drain its time before the pod is killed', () => {
    const { objects } = render();
    const config = find(objects, 'ConfigMap', 'hardtech-config').data;
    const api = find(objects, 'Deployment', 'hardtech-api');
    const c = container(api);
    expect(c.readinessProbe.httpGet.path).toBe('/api/health/ready');
    expect(c.livenessProbe.httpGet.path).toBe('/api/health/live');
    // The API's routes: the health controller under the global /api prefix.
    const controller = readFileSync(join(ROOT, 'apps/api/src/controllers/health.controller.ts'), 'utf8');
    expect(controller).toMatch(/@Controller\('health'\)[\s\S]*@Get\('live'\)[\s\S]*@Get\('ready'\)/);
    const preStop = c.lifecycle.preStop.sleep.seconds;
    expect(preStop).toBeGreaterThan(0);
    expect(api.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(
      preStop + Number(config.SHUTDOWN_DELAY_SECONDS) + Number(config.SHUTDOWN_TIMEOUT_SECONDS),
    );
    const worker = find(objects, 'Deployment', 'hardtech-worker');
    const w = container(worker);
    expect([w.readinessProbe.httpGet.path, w.livenessProbe.httpGet.path]).toEqual([
      '/health/ready',
      '/health/live',
    ]);
    expect(w.ports[0].containerPort).toBe(Number(config.WORKER_HTTP_PORT));
    expect(worker.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(
      Number(config.WORKER_SHUTDOWN_GRACE_SECONDS),
    );
    // The workflow cache fits the pod's memory limit at what a cached lifecycle holds.
    const cached = Number(config.WORKER_MAX_CACHED_WORKFLOWS);
    expect(cached).toBeGreaterThan(0);
    expect(RESERVED_MB + cached * PER_LIFECYCLE_MB).toBeLessThanOrEqual(mebibytes(w.resources.limits.memory));
    // An activation's wall-clock limit, as compose and the systemd example set it (the SDK's 5 s trips under load).
    expect(config.WORKER_ACTIVATION_TIMEOUT_MS).toBe('30000');
    // The chart's workers poll one queue, the one the schedules start their workflows on.
    expect(config.TEMPORAL_SCHEDULE_TASK_QUEUE).toBe(config.TEMPORAL_TASK_QUEUE);
    const web = find(objects, 'Deployment', 'hardtech-web');
    expect(container(web).lifecycle.preStop.exec.command.join(' ')).toMatch(/sleep \d+; nginx -s quit/);
  });

  it('migrates before install and upgrade, from hook copies of the ConfigMap and Secret made first', () => {
    const { objects } = render();
    const job = find(objects, 'Job', 'hardtech-migrate');
    const hook = (o: any) => o.metadata.annotations ?? {};
    expect(hook(job)['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    expect(container(job).command).toEqual(['node', 'dist/libs/persistence/src/migrate.js']);
    const refs = container(job).envFrom.map((e: any) => (e.configMapRef ?? e.secretRef).name);
    expect(refs).toEqual(['hardtech-config-migrate', 'hardtech-secrets-migrate']);
    for (const [kind, name, copyOf] of [
      ['ConfigMap', 'hardtech-config-migrate', 'hardtech-config'],
      ['Secret', 'hardtech-secrets-migrate', 'hardtech-secrets'],
    ]) {
      const copy = find(objects, kind, name);
      expect(hook(copy)['helm.sh/hook']).toBe('pre-install,pre-upgrade');
      expect(Number(hook(copy)['helm.sh/hook-weight'])).toBeLessThan(
        Number(hook(job)['helm.sh/hook-weight']),
      );
      expect(copy.data).toEqual(find(objects, kind, copyOf).data);
    }
  });

  it('serves nginx from the templates of deploy/nginx, as the cluster profile and compose do', () => {
    const { objects } = render([VALUES.officialTemporal]);
    const templates = join(ROOT, 'deploy/nginx/templates');
    const files = Object.fromEntries(
      readdirSync(templates).map((f) => [f, readFileSync(join(templates, f), 'utf8')]),
    );
    expect(find(objects, 'ConfigMap', 'hardtech-nginx').data).toEqual(files);
    // Every variable of the templates is given to the nginx container.
    const wanted = new Set(
      Object.values(files).flatMap((t) => [...t.matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g)].map((m) => m[1])),
    );
    const env = Object.fromEntries(
      container(find(objects, 'Deployment', 'hardtech-web')).env.map((e: any) => [e.name, e.value]),
    );
    expect(Object.keys(env).sort()).toEqual([...wanted].sort());
    expect(env.API_SERVERS).toBe('server hardtech-api:3000 max_fails=1 fail_timeout=5s;');
    expect(env.TEMPORAL_UI).toBe('temporal-web.temporal.svc.cluster.local:8080');
  });

  it('scales workers on the task-slot gauge the worker exports', () => {
    const { objects } = render();
    const hpa = find(objects, 'HorizontalPodAutoscaler', 'hardtech-worker');
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'hardtech-worker',
    });
    const metrics = hpa.spec.metrics.map((m: any) => [
      m.pods.metric.name,
      m.pods.metric.selector.matchLabels.worker_type,
    ]);
    expect(metrics).toEqual([
      ['temporal_worker_task_slots_used', 'ActivityWorker'],
      ['temporal_worker_task_slots_used', 'WorkflowWorker'],
    ]);
    // The SDK's core exports it (Prometheus prefix `temporal_`) with these worker_type values.
    const core = readFileSync(
      join(ROOT, 'node_modules/@temporalio/core-bridge/releases/x86_64-unknown-linux-gnu/index.node'),
    ).toString('latin1');
    for (const s of ['worker_task_slots_used', 'worker_type', 'ActivityWorker', 'WorkflowWorker'])
      expect(core).toContain(s);
    // No fixed replica count to fight the HPA.
    expect(find(objects, 'Deployment', 'hardtech-worker').spec.replicas).toBeUndefined();
  });

  it('mounts the Temporal client certificate where the configuration names it (mTLS values)', () => {
    const { objects } = render([VALUES.externalMtls]);
    const config = find(objects, 'ConfigMap', 'hardtech-config').data;
    expect(config).toMatchObject({
      TEMPORAL_ADDRESS: 'temporal.internal.example:7233',
      TEMPORAL_TLS_CERT: '/etc/hardtech/temporal/tls.crt',
      TEMPORAL_TLS_KEY: '/etc/hardtech/temporal/tls.key',
      TEMPORAL_TLS_CA: '/etc/hardtech/temporal/ca.crt',
      TEMPORAL_TLS_SERVER_NAME: 'temporal.internal.example',
    });
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    for (const [kind, name] of [
      ['Deployment', 'hardtech-api'],
      ['Deployment', 'hardtech-worker'],
      ['Job', 'hardtech-migrate'],
    ]) {
      const o = find(objects, kind, name);
      const volume = o.spec.template.spec.volumes.find(
        (v: any) => v.secret?.secretName === 'hardtech-temporal-client',
      );
      expect(volume).toBeDefined();
      const mount = container(o).volumeMounts.find((m: any) => m.name === volume.name);
      expect(mount).toMatchObject({ mountPath: '/etc/hardtech/temporal', readOnly: true });
      expect(container(o).envFrom.map((e: any) => (e.configMapRef ?? e.secretRef).name)).toContain(
        'hardtech-secrets',
      );
    }
    const { objects: plain } = render();
    expect(
      Object.keys(find(plain, 'ConfigMap', 'hardtech-config').data).filter((k) =>
        k.startsWith('TEMPORAL_TLS'),
      ),
    ).toEqual([]);
  });
});
