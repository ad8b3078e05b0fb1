import { CORP_APP_VARIABLES, DingtalkAppConfig, readCorpApps, WecomAppConfig } from './corp-apps';
import { EnvReader } from './env-reader';

/**
 * Configuration comes from the environment only (12-factor). loadConfig validates everything at
 * start-up and names each missing or wrong value, so a process never starts half-configured.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  demoMode: boolean;
  port: number;
  logLevel: LogLevel;
  database: { url: string; poolSize: number };
  temporal: {
    address: string;
    namespace: string;
    taskQueue: string;
    tls: { certPath?: string; keyPath?: string; caPath?: string; serverName?: string } | null;
    apiKey?: string;
  };
  auth: { jwtSecret: string; tokenTtlSeconds: number; adminUsername?: string; adminPassword?: string };
  /**
   * Optional webhook for reminders and escalations (signed with HMAC-SHA256, retried), e-mail, and
   * the 企业微信 / 钉钉 applications that message people one by one, linking to `publicUrl`.
   */
  notifications: {
    webhookUrl?: string;
    webhookSecret?: string;
    smtpUrl?: string;
    smtpFrom: string;
    wecomApp?: WecomAppConfig;
    dingtalkApp?: DingtalkAppConfig;
    publicUrl: string;
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
  worker: {
    /** Seconds a stopping worker gives running tasks to finish (the SDK's shutdownGraceTime). */
    shutdownGraceSeconds: number;
    /** The worker's own HTTP port: /health/live, /health/ready, /metrics. 0 picks a free port. */
    httpPort: number;
    /** Where the SDK's Prometheus exporter binds on 127.0.0.1; 0 picks a free port. */
    sdkMetricsPort: number;
  };
}

/** Every variable the API, the worker and the one-shot jobs read, for operators and for checks. */
export const CONFIG_VARIABLES = {
  NODE_ENV: 'development, test or production (production turns demo mode off, demands JWT_SECRET)',
  DEMO_MODE: 'seed demo users and enterprises (default: on except in production)',
  PORT: 'API: HTTP port (default 3000)',
  LOG_LEVEL: 'debug, info, warn or error (default info); logs are JSON lines on stdout',
  DATABASE_URL: 'PostgreSQL, postgres://user:password@host:port/database (required)',
  DATABASE_POOL_SIZE: 'connections per process (default 10)',
  TEMPORAL_ADDRESS: 'Temporal frontend host:port (default 127.0.0.1:7233)',
  TEMPORAL_NAMESPACE: 'Temporal namespace (default "default")',
  TEMPORAL_TASK_QUEUE: 'task queue of the lifecycle worker (default hardtech-lifecycle)',
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
  NOTIFY_WEBHOOK_URL: 'worker: http(s) URL that receives reminders and escalations (optional)',
  NOTIFY_WEBHOOK_SECRET: 'worker: HMAC-SHA256 secret of the webhook, 16+ characters (with the URL)',
  SMTP_URL: 'worker: SMTP server for e-mail reminders, smtp(s)://user:password@host:port (optional)',
  SMTP_FROM: 'worker: sender of e-mail reminders (default 帮扶库 <noreply@localhost>)',
  ...CORP_APP_VARIABLES,
  FILE_STORE_DIR: 'API: where evidence files are stored on disk (default data/files)',
  MAX_UPLOAD_MB: 'API: largest evidence file accepted, in MB (default 10)',
  WEB_ROOT: 'directory of the built web UI (default apps/web/dist)',
  BODY_LIMIT: 'largest JSON body (default 1mb)',
  TRUST_PROXY:
    'API: proxies whose X-Forwarded-For is believed: loopback, linklocal, uniquelocal, IPs, CIDRs (default loopback)',
  SHUTDOWN_DELAY_SECONDS: 'API: on SIGTERM, seconds not-ready before closing the listener (default 0)',
  SHUTDOWN_TIMEOUT_SECONDS: 'API: seconds in-flight requests get on SIGTERM (default 25)',
  WORKER_SHUTDOWN_GRACE_SECONDS: 'worker: seconds running tasks get on SIGTERM (default 20)',
  WORKER_HTTP_PORT: 'worker: port of /health/live, /health/ready, /metrics (default 9464; 0 = any)',
  WORKER_SDK_METRICS_PORT: 'worker: local port of the SDK metrics exporter (default: any free port)',
} as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const DEV_JWT_SECRET = 'dev-only-secret-change-me-0123456789abcdef';
const HOST_PORT = /^[\w.-]+:\d{1,5}$/;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const read = new EnvReader(env);
  const nodeEnv = read.oneOf('NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const production = nodeEnv === 'production';

  const databaseUrl = read.string('DATABASE_URL') ?? '';
  if (!databaseUrl)
    read.problems.push('DATABASE_URL is required (postgres://user:password@host:port/database)');
  else read.check(/^postgres(ql)?:\/\//.test(databaseUrl), 'DATABASE_URL must start with postgres://');

  const jwtSecret = read.string('JWT_SECRET') ?? (production ? '' : DEV_JWT_SECRET);
  if (!jwtSecret) read.problems.push('JWT_SECRET is required in production');
  else if (jwtSecret.length < 32) read.problems.push('JWT_SECRET must have at least 32 characters');
  else if (production && jwtSecret === DEV_JWT_SECRET)
    read.problems.push('JWT_SECRET must not be the development secret');

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

  const port = read.int('PORT', 3000, 1, 65535);
  const config: AppConfig = {
    env: nodeEnv,
    demoMode: read.bool('DEMO_MODE', !production),
    port,
    logLevel,
    database: { url: databaseUrl, poolSize: read.int('DATABASE_POOL_SIZE', 10, 1, 200) },
    temporal,
    auth: {
      jwtSecret,
      tokenTtlSeconds: read.int('JWT_TTL_SECONDS', 8 * 3600, 60, 7 * 24 * 3600),
      adminUsername: read.string('ADMIN_USERNAME'),
      adminPassword,
    },
    notifications: { webhookUrl, webhookSecret, smtpUrl, smtpFrom, ...readCorpApps(read, port) },
    files: { dir: fileStoreDir, maxBytes: maxUploadMb * 1024 * 1024 },

    webRoot: read.string('WEB_ROOT') ?? 'apps/web/dist',
    bodyLimit: read.string('BODY_LIMIT') ?? '1mb',
    trustProxy: readTrustProxy(read),
    shutdown: {
      delaySeconds: read.int('SHUTDOWN_DELAY_SECONDS', 0, 0, 300),
      timeoutSeconds: read.int('SHUTDOWN_TIMEOUT_SECONDS', 25, 1, 3600),
    },
    worker: {
      shutdownGraceSeconds: read.int('WORKER_SHUTDOWN_GRACE_SECONDS', 20, 1, 3600),
      httpPort: read.int('WORKER_HTTP_PORT', 9464, 0, 65535),
      sdkMetricsPort: read.int('WORKER_SDK_METRICS_PORT', 0, 0, 65535),
    },
  };
  if (read.problems.length) throw new ConfigError(read.problems);
  return config;
}

const PROXY = /^(loopback|linklocal|uniquelocal|[\d.]+(\/\d{1,2})?|[\da-fA-F:]+(\/\d{1,3})?)$/;

/** The login throttle counts per client address: behind a proxy it must be the proxy's caller. */
function readTrustProxy(read: EnvReader): string[] {
  const items = (read.string('TRUST_PROXY') ?? 'loopback').split(',').map((s) => s.trim());
  for (const item of items.filter((i) => !PROXY.test(i))) {
    read.problems.push(`TRUST_PROXY has "${item}": use loopback, linklocal, uniquelocal, an IP or a CIDR`);
  }
  return items;
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
    tls: tlsWanted ? { certPath, keyPath, caPath, serverName } : null,
    apiKey,
  };
}

/** The gateway in front of several API processes (apps/gateway). */
export interface GatewayConfig {
  port: number;
  logLevel: LogLevel;
  /** Base URLs of the API processes; a host name stands for every address it resolves to. */
  backends: URL[];
  healthPath: string;
  probeIntervalMs: number;
  shutdown: { delaySeconds: number; timeoutSeconds: number };
}

export const GATEWAY_VARIABLES = {
  PORT: 'gateway: public HTTP port (default 3000)',
  GATEWAY_BACKENDS: 'comma-separated API base URLs, e.g. http://127.0.0.1:3001,http://127.0.0.1:3002',
  GATEWAY_HEALTH_PATH: 'readiness path probed on each backend (default /api/health/ready)',
  GATEWAY_PROBE_INTERVAL_MS: 'milliseconds between readiness probes (default 1000)',
  LOG_LEVEL: CONFIG_VARIABLES.LOG_LEVEL,
  SHUTDOWN_DELAY_SECONDS: CONFIG_VARIABLES.SHUTDOWN_DELAY_SECONDS,
  SHUTDOWN_TIMEOUT_SECONDS: CONFIG_VARIABLES.SHUTDOWN_TIMEOUT_SECONDS,
} as const;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const read = new EnvReader(env);
  const backends: URL[] = [];
  const raw = read.string('GATEWAY_BACKENDS');
  if (!raw) read.problems.push('GATEWAY_BACKENDS is required (comma-separated http:// URLs of the API)');
  for (const item of raw?.split(',').map((s) => s.trim()) ?? []) {
    try {
      const url = new URL(item);
      if (url.protocol !== 'http:') throw new Error();
      backends.push(url);
    } catch {
      read.problems.push(`GATEWAY_BACKENDS has an entry that is not an http:// URL: "${item}"`);
    }
  }
  const healthPath = read.string('GATEWAY_HEALTH_PATH') ?? '/api/health/ready';
  read.check(healthPath.startsWith('/'), `GATEWAY_HEALTH_PATH must start with / (got "${healthPath}")`);
  const config: GatewayConfig = {
    port: read.int('PORT', 3000, 1, 65535),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    backends,
    healthPath,
    probeIntervalMs: read.int('GATEWAY_PROBE_INTERVAL_MS', 1000, 100, 60000),
    shutdown: {
      delaySeconds: read.int('SHUTDOWN_DELAY_SECONDS', 0, 0, 300),
      timeoutSeconds: read.int('SHUTDOWN_TIMEOUT_SECONDS', 25, 1, 3600),
    },
  };
  if (read.problems.length) throw new ConfigError(read.problems);
  return config;
}
