import { getHashes } from 'node:crypto';
import { CORP_APP_VARIABLES, DingtalkAppConfig, readCorpApps, WecomAppConfig } from './corp-apps';
import { EnvReader } from './env-reader';
import { OIDC_VARIABLES, OidcConfig, readOidc } from './oidc';

/**
 * Configuration comes from the environment only (12-factor). loadConfig validates everything at
 * start-up and names each missing or wrong value, so a process never starts half-configured.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  demoMode: boolean;
  /** Production: the bearer token /metrics asks of a scraper (without it, /metrics is not served). */
  metricsToken?: string;
  port: number;
  logLevel: LogLevel;
  /**
   * `url`: the application role the API and the worker connect as (no UPDATE, DELETE or TRUNCATE on
   * the audit log). `migrationUrl`: the owner that migrates and grants that role its rights; only
   * the migration reads it (defaults to `url`: one role, the audit log then within the app's reach).
   */
  database: { url: string; migrationUrl: string; poolSize: number };
  temporal: {
    address: string;
    namespace: string;
    taskQueue: string;
    /**
     * The queue the schedules (一季一调度, the digest, the annual review) start their workflows on:
     * only a worker polling it creates or updates them (apps/worker/src/main.ts argues why).
     */
    scheduleTaskQueue: string;
    tls: { certPath?: string; keyPath?: string; caPath?: string; serverName?: string } | null;
    apiKey?: string;
  };
  auth: {
    jwtSecret: string;
    tokenTtlSeconds: number;
    adminUsername?: string;
    adminPassword?: string;
    /**
     * argon2id's cost for new password hashes; a stored hash of another cost is re-hashed at its
     * next login. Production refuses less than OWASP's minimum (19 MiB, 2 passes).
     */
    passwordHash: { memoryKib: number; timeCost: number };
    /** Single sign-on (OIDC); local login stays beside it. */
    oidc?: OidcConfig;
  };
  /**
   * Optional webhook for reminders and escalations (signed with HMAC-SHA256, retried), e-mail, and
   * the 企业微信 / 钉钉 applications that message people one by one, linking to `publicUrl`.
   */
  notifications: {
    webhookUrl?: string;
    webhookSecret?: string;
    smtpUrl?: string;
    smtpFrom: string;
    /** Hosts notifications may go to besides the 企业微信 / 钉钉 robot hosts (issue 20.5). */
    allowedHosts: string[];
    wecomApp?: WecomAppConfig;
    dingtalkApp?: DingtalkAppConfig;
    publicUrl: string;
  };
  /**
   * The keyed audit chain (issue 20.2): HMAC key and function, and where signed checkpoints of the
   * chain's head go (a directory the database roles cannot write), every `checkpointIntervalSeconds`.
   */
  audit: {
    hmacKey: string;
    hmacAlg: 'sm3' | 'sha256';
    checkpointDir: string;
    checkpointIntervalSeconds: number;
  };
  /** Evidence files: where they are stored, and how large one may be. */
  files: { dir: string; maxBytes: number };
  /** Where the API serves the built web UI from. */
  webRoot: string;
  bodyLimit: string;
  /** Which proxies' X-Forwarded-For the API believes (Express `trust proxy`), for client addresses. */
  trustProxy: string[];
  shutdown: {
    /** API: seconds between readiness turning false and the listener closing (balancers notice). */
    delaySeconds: number;
    /** API: seconds in-flight requests get to finish before connections are cut. */
    timeoutSeconds: number;
  };
  readModel: {
    /** Worker: seconds between sweeps that compare the enterprises a person recently moved with their workflows. */
    sweepSeconds: number;
  };
  worker: {
    /** Seconds a stopping worker gives running tasks to finish (the SDK's shutdownGraceTime). */
    shutdownGraceSeconds: number;
    /** The worker's own HTTP port: /health/live, /health/ready, /metrics. 0 picks a free port. */
    httpPort: number;
    /** Where the SDK's Prometheus exporter binds on 127.0.0.1; 0 picks a free port. */
    sdkMetricsPort: number;
    /** The SDK's per-promise stack traces in workflows, for the stack-trace query (costly: off). */
    workflowStackTraces: boolean;
    /** Workflows kept in the worker's memory between their tasks (the SDK's sticky cache); 0: sized from the heap. */
    maxCachedWorkflows: number;
    /** Wall-clock milliseconds one call into a workflow's sandbox may take (the SDK's isolateExecutionTimeout). */
    isolateExecutionTimeoutMs: number;
  };
}

/** Every variable the API, the worker and the one-shot jobs read, for operators and for checks. */
export const CONFIG_VARIABLES = {
  NODE_ENV: 'development, test or production (production turns demo mode off, demands JWT_SECRET)',
  DEMO_MODE: 'seed demo users and enterprises (default: on except in production; refused there)',
  METRICS_TOKEN:
    'API in production: bearer token of the Prometheus scraper for /metrics, 32+ characters (else no /metrics)',
  PORT: 'API: HTTP port (default 3000)',
  LOG_LEVEL: 'debug, info, warn or error (default info); logs are JSON lines on stdout',
  DATABASE_URL:
    'PostgreSQL as the application role, postgres://user:password@host:port/database (required; the migration creates the role and sets its password when MIGRATION_DATABASE_URL names another user)',
  MIGRATION_DATABASE_URL:
    'migration only: PostgreSQL as the schema owner (default DATABASE_URL); never give it to the API or the worker',
  DATABASE_POOL_SIZE: 'connections per process (default 10; one more listens for policy changes)',
  TEMPORAL_ADDRESS: 'Temporal frontend host:port (default 127.0.0.1:7233)',
  TEMPORAL_NAMESPACE: 'Temporal namespace (default "default")',
  TEMPORAL_TASK_QUEUE: 'task queue of the lifecycle worker (default hardtech-lifecycle)',
  TEMPORAL_SCHEDULE_TASK_QUEUE:
    'task queue the schedules start their workflows on (default TEMPORAL_TASK_QUEUE); only a worker polling it creates or updates the schedules',
  TEMPORAL_TLS: 'true to use TLS without a client certificate (implied by a certificate or an API key)',
  TEMPORAL_TLS_CERT: 'mTLS client certificate file (with TEMPORAL_TLS_KEY)',
  TEMPORAL_TLS_KEY: 'mTLS client key file (with TEMPORAL_TLS_CERT)',
  TEMPORAL_TLS_CA: 'CA certificate file of a self-hosted server',
  TEMPORAL_TLS_SERVER_NAME: 'TLS server name override',
  TEMPORAL_API_KEY: 'Temporal Cloud API key (turns TLS on)',
  JWT_SECRET: 'HS256 secret of the API tokens, 32+ characters (required in production)',
  JWT_TTL_SECONDS: 'token lifetime (default 28800)',
  ADMIN_USERNAME: 'bootstrap administrator created at API start',
  ADMIN_PASSWORD: 'its password, 10+ characters',
  PASSWORD_HASH_MEMORY_KIB:
    'API: argon2id memory per password hash in KiB (default 65536; production at least 19456)',
  PASSWORD_HASH_TIME_COST: 'API: argon2id passes per password hash (default 3; production at least 2)',
  NOTIFY_WEBHOOK_URL: 'worker: http(s) URL that receives reminders and escalations (optional)',
  NOTIFY_WEBHOOK_SECRET: 'worker: HMAC-SHA256 secret of the webhook, 16+ characters (with the URL)',
  NOTIFY_ALLOWED_HOSTS:
    'hosts robot and webhook URLs may name besides qyapi.weixin.qq.com and oapi.dingtalk.com, comma-separated (https only; loopback only with NODE_ENV=test)',
  SMTP_URL: 'worker: SMTP server for e-mail reminders, smtp(s)://user:password@host:port (optional)',
  SMTP_FROM: 'worker: sender of e-mail reminders (default 帮扶库 <noreply@localhost>)',
  ...CORP_APP_VARIABLES,
  ...OIDC_VARIABLES,
  AUDIT_HMAC_KEY:
    'key of the audit chain’s HMAC, 32+ characters, kept outside the database (required in production; npm start and the tests generate one under data/)',
  AUDIT_HMAC_ALG: 'sm3 (国密 SM3, default) or sha256: the HMAC of new audit events and checkpoints',
  AUDIT_CHECKPOINT_DIR:
    'API: directory of the signed audit checkpoints (append-only file; default data/audit-checkpoints)',
  AUDIT_CHECKPOINT_INTERVAL:
    'API: seconds between signed audit checkpoints (default 900; also at start and stop)',
  FILE_STORE_DIR: 'API: where evidence files are stored on disk (default data/files)',
  MAX_UPLOAD_MB: 'API: largest evidence file accepted, in MB (default 10)',
  WEB_ROOT: 'directory of the built web UI (default apps/web/dist)',
  BODY_LIMIT: 'largest JSON body (default 1mb)',
  TRUSTED_PROXIES:
    'API: proxies whose X-Forwarded-For is believed until the security policy names them: loopback, linklocal, uniquelocal, IPs, CIDRs (default loopback)',
  TRUST_PROXY: 'API: the former name of TRUSTED_PROXIES, read when that is not set',
  SHUTDOWN_DELAY_SECONDS: 'API: on SIGTERM, seconds not-ready before closing the listener (default 0)',
  SHUTDOWN_TIMEOUT_SECONDS: 'API: seconds in-flight requests get on SIGTERM (default 25)',
  READ_MODEL_SWEEP_SECONDS:
    'worker: seconds between sweeps comparing the enterprises a person recently moved with their workflows (default 60)',
  WORKER_SHUTDOWN_GRACE_SECONDS: 'worker: seconds running tasks get on SIGTERM (default 20)',
  WORKER_HTTP_PORT: 'worker: port of /health/live, /health/ready, /metrics (default 9464; 0 = any)',
  WORKER_SDK_METRICS_PORT: 'worker: local port of the SDK metrics exporter (default: any free port)',
  WORKFLOW_STACK_TRACES:
    "worker: record workflows' stack traces for the stack-trace query (Temporal UI); costs CPU on every transition (default off)",
  WORKER_MAX_CACHED_WORKFLOWS:
    'worker: workflows kept in memory between their tasks; one not kept is replayed from its history on its next task (default 0: as many as the heap holds, about 0.6 MB each)',
  WORKER_ACTIVATION_TIMEOUT_MS:
    "worker: wall-clock milliseconds one activation of a workflow may take in the SDK's sandbox (isolateExecutionTimeout) before its workflow task fails and is retried (default 30000)",
} as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const DEV_JWT_SECRET = 'dev-only-secret-change-me-0123456789abcdef';
const DEV_AUDIT_HMAC_KEY = 'dev-only-audit-key-change-me-0123456789abcdef';
const HOST_PORT = /^[\w.-]+:\d{1,5}$/;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const read = new EnvReader(env);
  const nodeEnv = read.oneOf('NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const production = nodeEnv === 'production';

  const databaseUrl = read.string('DATABASE_URL') ?? '';
  if (!databaseUrl)
    read.problems.push('DATABASE_URL is required (postgres://user:password@host:port/database)');
  else read.check(/^postgres(ql)?:\/\//.test(databaseUrl), 'DATABASE_URL must start with postgres://');
  const ownerUrl = read.string('MIGRATION_DATABASE_URL');
  read.check(
    !ownerUrl || /^postgres(ql)?:\/\//.test(ownerUrl),
    'MIGRATION_DATABASE_URL must start with postgres://',
  );
  const migrationUrl = ownerUrl ?? databaseUrl;

  const jwtSecret = read.string('JWT_SECRET') ?? (production ? '' : DEV_JWT_SECRET);
  if (!jwtSecret) read.problems.push('JWT_SECRET is required in production');
  else if (jwtSecret.length < 32) read.problems.push('JWT_SECRET must have at least 32 characters');
  else if (production && jwtSecret === DEV_JWT_SECRET)
    read.problems.push('JWT_SECRET must not be the development secret');

  const hmacKey = read.string('AUDIT_HMAC_KEY') ?? (production ? '' : DEV_AUDIT_HMAC_KEY);
  if (!hmacKey) read.problems.push('AUDIT_HMAC_KEY is required in production');
  else if (hmacKey.length < 32) read.problems.push('AUDIT_HMAC_KEY must have at least 32 characters');
  else if (production && hmacKey === DEV_AUDIT_HMAC_KEY)
    read.problems.push('AUDIT_HMAC_KEY must not be the development key');
  const hmacAlg = read.oneOf('AUDIT_HMAC_ALG', ['sm3', 'sha256'] as const, 'sm3');
  read.check(
    getHashes().includes(hmacAlg),
    `AUDIT_HMAC_ALG ${hmacAlg} is not offered by this Node's OpenSSL: use sha256`,
  );

  const logLevel = read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info');
  const temporal = readTemporal(read);

  const webhookUrl = read.string('NOTIFY_WEBHOOK_URL');
  const webhookSecret = read.string('NOTIFY_WEBHOOK_SECRET');
  if (webhookUrl) {
    read.check(/^https?:\/\/\S+$/.test(webhookUrl), 'NOTIFY_WEBHOOK_URL must be an http(s) URL');
    read.check(
      (webhookSecret?.length ?? 0) >= 16,
      'NOTIFY_WEBHOOK_SECRET (16+ characters) is required with NOTIFY_WEBHOOK_URL',
    );
  }

  const smtpUrl = read.string('SMTP_URL');
  if (smtpUrl) read.check(/^smtps?:\/\/\S+$/.test(smtpUrl), 'SMTP_URL must be an smtp:// or smtps:// URL');
  const smtpFrom = read.string('SMTP_FROM') ?? '帮扶库 <noreply@localhost>';
  const fileStoreDir = read.string('FILE_STORE_DIR') ?? 'data/files';
  const maxUploadMb = read.int('MAX_UPLOAD_MB', 10, 1, 100);

  const adminPassword = read.string('ADMIN_PASSWORD');
  if (adminPassword !== undefined) {
    read.check(adminPassword.length >= 10, 'ADMIN_PASSWORD must have at least 10 characters');
  }

  // The test stack hashes cheaply (its suite logs in about 1,200 times); production may not.
  const passwordHash = {
    memoryKib: read.int('PASSWORD_HASH_MEMORY_KIB', 65536, 1024, 4 * 1024 * 1024),
    timeCost: read.int('PASSWORD_HASH_TIME_COST', 3, 1, 20),
  };
  read.check(
    !production || (passwordHash.memoryKib >= 19456 && passwordHash.timeCost >= 2),
    'PASSWORD_HASH_MEMORY_KIB must be at least 19456 and PASSWORD_HASH_TIME_COST at least 2 in production',
  );

  // Demo accounts share a published password (issue 20.7).
  const demoMode = read.bool('DEMO_MODE', !production);
  read.check(!(production && demoMode), 'DEMO_MODE is refused in production');
  const metricsToken = read.string('METRICS_TOKEN');
  read.check(!metricsToken || metricsToken.length >= 32, 'METRICS_TOKEN must have at least 32 characters');

  const port = read.int('PORT', 3000, 1, 65535);
  const corpApps = readCorpApps(read, port);
  const config: AppConfig = {
    env: nodeEnv,
    demoMode,
    metricsToken,
    port,
    logLevel,
    database: { url: databaseUrl, migrationUrl, poolSize: read.int('DATABASE_POOL_SIZE', 10, 1, 200) },
    temporal,
    auth: {
      jwtSecret,
      tokenTtlSeconds: read.int('JWT_TTL_SECONDS', 8 * 3600, 60, 7 * 24 * 3600),
      adminUsername: read.string('ADMIN_USERNAME'),
      adminPassword,
      passwordHash,
      oidc: readOidc(read, corpApps.publicUrl, production),
    },
    notifications: {
      webhookUrl,
      webhookSecret,
      smtpUrl,
      smtpFrom,
      allowedHosts: readAllowedHosts(read),
      ...corpApps,
    },
    audit: {
      hmacKey,
      hmacAlg,
      checkpointDir: read.string('AUDIT_CHECKPOINT_DIR') ?? 'data/audit-checkpoints',
      checkpointIntervalSeconds: read.int('AUDIT_CHECKPOINT_INTERVAL', 900, 1, 24 * 3600),
    },
    files: { dir: fileStoreDir, maxBytes: maxUploadMb * 1024 * 1024 },

    webRoot: read.string('WEB_ROOT') ?? 'apps/web/dist',
    bodyLimit: read.string('BODY_LIMIT') ?? '1mb',
    trustProxy: readTrustProxy(read),
    shutdown: {
      delaySeconds: read.int('SHUTDOWN_DELAY_SECONDS', 0, 0, 300),
      timeoutSeconds: read.int('SHUTDOWN_TIMEOUT_SECONDS', 25, 1, 3600),
    },
    readModel: { sweepSeconds: read.int('READ_MODEL_SWEEP_SECONDS', 60, 1, 3600) },
    worker: {
      shutdownGraceSeconds: read.int('WORKER_SHUTDOWN_GRACE_SECONDS', 20, 1, 3600),
      httpPort: read.int('WORKER_HTTP_PORT', 9464, 0, 65535),
      sdkMetricsPort: read.int('WORKER_SDK_METRICS_PORT', 0, 0, 65535),
      workflowStackTraces: read.bool('WORKFLOW_STACK_TRACES', false),
      maxCachedWorkflows: read.int('WORKER_MAX_CACHED_WORKFLOWS', 0, 0, 1_000_000),
      // The SDK's 5 s is wall-clock, not CPU: at a load average of 25 on 2 cores an activation that
      // takes 50 ms alone waited out 5 s for the CPU, its workflow task failed and the Update in it
      // answered 500 (now 503). 30 s rides out such a stall; a workflow stuck in an endless loop still
      // fails its task within 30 s rather than holding a task slot for ever. Milliseconds, so that a
      // test can make an activation time out on purpose (test/serial/isolate-timeout.test.ts).
      isolateExecutionTimeoutMs: read.int('WORKER_ACTIVATION_TIMEOUT_MS', 30_000, 1, 600_000),
    },
  };
  if (read.problems.length) throw new ConfigError(read.problems);
  return config;
}

const HOST = /^[a-z0-9.-]+$|^[0-9a-f:]+$/i;

function readAllowedHosts(read: EnvReader): string[] {
  const hosts = (read.string('NOTIFY_ALLOWED_HOSTS') ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  for (const h of hosts.filter((h) => !HOST.test(h))) {
    read.problems.push(`NOTIFY_ALLOWED_HOSTS has "${h}": list host names or addresses, no scheme or port`);
  }
  return hosts;
}

const PROXY = /^(loopback|linklocal|uniquelocal|[\d.]+(\/\d{1,2})?|[\da-fA-F:]+(\/\d{1,3})?)$/;

/** The login throttle counts per client address: behind a proxy it must be the proxy's caller. */
function readTrustProxy(read: EnvReader): string[] {
  const name = read.string('TRUSTED_PROXIES') !== undefined ? 'TRUSTED_PROXIES' : 'TRUST_PROXY';
  const items = (read.string(name) ?? 'loopback').split(',').map((s) => s.trim());
  for (const item of items.filter((i) => !PROXY.test(i))) {
    read.problems.push(`${name} has "${item}": use loopback, linklocal, uniquelocal, an IP or a CIDR`);
  }
  return items;
}

/** Only the Temporal connection settings (tests and tools that reach Temporal as the processes do). */
export function loadTemporalConfig(env: NodeJS.ProcessEnv = process.env): AppConfig['temporal'] {
  const read = new EnvReader(env);
  const temporal = readTemporal(read);
  if (read.problems.length) throw new ConfigError(read.problems);
  return temporal;
}

function readTemporal(read: EnvReader): AppConfig['temporal'] {
  const address = read.string('TEMPORAL_ADDRESS') ?? '127.0.0.1:7233';
  read.check(HOST_PORT.test(address), `TEMPORAL_ADDRESS must be host:port (got "${address}")`);
  const namespace = read.string('TEMPORAL_NAMESPACE') ?? 'default';
  read.check(
    /^[A-Za-z0-9][\w.-]{1,254}$/.test(namespace),
    `TEMPORAL_NAMESPACE must be 2-255 letters, digits, ".", "_" or "-" (got "${namespace}")`,
  );
  const taskQueue = read.string('TEMPORAL_TASK_QUEUE') ?? 'hardtech-lifecycle';
  const scheduleTaskQueue = read.string('TEMPORAL_SCHEDULE_TASK_QUEUE') ?? taskQueue;
  const certPath = read.readableFile('TEMPORAL_TLS_CERT');
  const keyPath = read.readableFile('TEMPORAL_TLS_KEY');
  const caPath = read.readableFile('TEMPORAL_TLS_CA');
  read.check(!!certPath === !!keyPath, 'TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY must be set together');
  const serverName = read.string('TEMPORAL_TLS_SERVER_NAME');
  const apiKey = read.string('TEMPORAL_API_KEY');
  const tlsWanted = read.bool('TEMPORAL_TLS', !!(certPath || caPath || serverName || apiKey));
  read.check(!apiKey || tlsWanted, 'TEMPORAL_API_KEY needs TLS: remove TEMPORAL_TLS=false');
  read.check(
    !(certPath || caPath || serverName) || tlsWanted,
    'TEMPORAL_TLS=false contradicts TEMPORAL_TLS_CERT / TEMPORAL_TLS_CA / TEMPORAL_TLS_SERVER_NAME',
  );
  return {
    address,
    namespace,
    taskQueue,
    scheduleTaskQueue,
    tls: tlsWanted ? { certPath, keyPath, caPath, serverName } : null,
    apiKey,
  };
}
/**
 * Where notifications may go (libs/domain/src/outbound.ts): the listed hosts, and loopback only on
 * a test stack that lists it, for its receivers.
 */
export function outboundPolicyOf(config: AppConfig): {
  allowedHosts: string[];
  allowListedLoopback: boolean;
} {
  return { allowedHosts: config.notifications.allowedHosts, allowListedLoopback: config.env === 'test' };
}
