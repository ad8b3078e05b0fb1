/**
 * Configuration comes from the environment only (12-factor). loadConfig validates everything at
 * start-up and names each missing or wrong value, so a process never starts half-configured.
 */
export interface AppConfig {
  env: 'development' | 'test' | 'production';
  demoMode: boolean;
  port: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  database: { url: string; poolSize: number };
  temporal: {
    address: string;
    namespace: string;
    taskQueue: string;
    tls: { certPath?: string; keyPath?: string; caPath?: string; serverName?: string } | null;
    apiKey?: string;
  };
  auth: { jwtSecret: string; tokenTtlSeconds: number; adminUsername?: string; adminPassword?: string };
  /** Optional webhook for reminders and escalations: signed with HMAC-SHA256, retried. */
  notifications: { webhookUrl?: string; webhookSecret?: string };
  /** Where the API serves the built web UI from. */
  webRoot: string;
  bodyLimit: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const DEV_JWT_SECRET = 'dev-only-secret-change-me-0123456789abcdef';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = (env.NODE_ENV ?? 'development') as AppConfig['env'];
  if (!['development', 'test', 'production'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, test or production (got "${env.NODE_ENV}")`);
  }
  const production = nodeEnv === 'production';

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const databaseUrl = env.DATABASE_URL ?? '';
  if (!databaseUrl) problems.push('DATABASE_URL is required (postgres://user:password@host:port/database)');
  else if (!/^postgres(ql)?:\/\//.test(databaseUrl))
    problems.push('DATABASE_URL must start with postgres://');

  const jwtSecret = env.JWT_SECRET ?? (production ? '' : DEV_JWT_SECRET);
  if (!jwtSecret) problems.push('JWT_SECRET is required in production');
  else if (jwtSecret.length < 32) problems.push('JWT_SECRET must have at least 32 characters');
  else if (production && jwtSecret === DEV_JWT_SECRET)
    problems.push('JWT_SECRET must not be the development secret');

  const logLevel = (env.LOG_LEVEL ?? 'info') as AppConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    problems.push(`LOG_LEVEL must be debug, info, warn or error (got "${env.LOG_LEVEL}")`);
  }

  const address = env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  if (!/^[\w.-]+:\d+$/.test(address)) problems.push(`TEMPORAL_ADDRESS must be host:port (got "${address}")`);
  const certPath = env.TEMPORAL_TLS_CERT;
  const keyPath = env.TEMPORAL_TLS_KEY;
  if (!!certPath !== !!keyPath) problems.push('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY must be set together');
  const tlsWanted = bool('TEMPORAL_TLS', !!(certPath || env.TEMPORAL_API_KEY));

  const webhookUrl = env.NOTIFY_WEBHOOK_URL || undefined;
  const webhookSecret = env.NOTIFY_WEBHOOK_SECRET || undefined;
  if (webhookUrl && !/^https?:\/\/\S+$/.test(webhookUrl))
    problems.push('NOTIFY_WEBHOOK_URL must be an http(s) URL');
  if (webhookUrl && (!webhookSecret || webhookSecret.length < 16)) {
    problems.push('NOTIFY_WEBHOOK_SECRET (16+ characters) is required with NOTIFY_WEBHOOK_URL');
  }

  const adminPassword = env.ADMIN_PASSWORD;
  if (adminPassword !== undefined && adminPassword.length < 10) {
    problems.push('ADMIN_PASSWORD must have at least 10 characters');
  }

  const config: AppConfig = {
    env: nodeEnv,
    demoMode: bool('DEMO_MODE', !production),
    port: int('PORT', 3000, 1, 65535),
    logLevel,
    database: { url: databaseUrl, poolSize: int('DATABASE_POOL_SIZE', 10, 1, 200) },
    temporal: {
      address,
      namespace: env.TEMPORAL_NAMESPACE ?? 'default',
      taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'hardtech-lifecycle',
      tls: tlsWanted
        ? { certPath, keyPath, caPath: env.TEMPORAL_TLS_CA, serverName: env.TEMPORAL_TLS_SERVER_NAME }
        : null,
      apiKey: env.TEMPORAL_API_KEY || undefined,
    },
    auth: {
      jwtSecret,
      tokenTtlSeconds: int('JWT_TTL_SECONDS', 8 * 3600, 60, 7 * 24 * 3600),
      adminUsername: env.ADMIN_USERNAME || undefined,
      adminPassword,
    },
    notifications: { webhookUrl, webhookSecret },
    webRoot: env.WEB_ROOT ?? 'apps/web/dist',

    bodyLimit: env.BODY_LIMIT ?? '1mb',
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
