import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config';

const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hardtech' };

function problems(env: NodeJS.ProcessEnv, load: (env: NodeJS.ProcessEnv) => unknown = loadConfig): string[] {
  try {
    load(env);
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.problems;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'config-spec-'));
const file = (name: string) => {
  const path = join(dir, name);
  writeFileSync(path, '-----BEGIN CERTIFICATE-----\n');
  return path;
};

describe('configuration', () => {
  it('keys the audit chain with AUDIT_HMAC_KEY (SM3 by default), never the development key in production', () => {
    expect(loadConfig(base).audit).toMatchObject({
      hmacAlg: 'sm3',
      checkpointDir: 'data/audit-checkpoints',
      checkpointIntervalSeconds: 900,
    });
    expect(
      loadConfig({ ...base, AUDIT_HMAC_ALG: 'sha256', AUDIT_HMAC_KEY: 'k'.repeat(32) }).audit,
    ).toMatchObject({
      hmacAlg: 'sha256',
      hmacKey: 'k'.repeat(32),
    });
    const production = { ...base, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };
    expect(problems({ ...production, AUDIT_HMAC_KEY: 'short' })).toEqual([
      'AUDIT_HMAC_KEY must have at least 32 characters',
    ]);
    expect(problems({ ...production, AUDIT_HMAC_KEY: loadConfig(base).audit.hmacKey })).toEqual([
      'AUDIT_HMAC_KEY must not be the development key',
    ]);
    expect(problems({ ...base, AUDIT_HMAC_ALG: 'md5', AUDIT_CHECKPOINT_INTERVAL: '0' })).toEqual([
      'AUDIT_HMAC_ALG must be sm3 or sha256 (got "md5")',
      'AUDIT_CHECKPOINT_INTERVAL must be an integer between 1 and 86400 (got "0")',
    ]);
  });

  it('migrates as the owner of MIGRATION_DATABASE_URL, else as DATABASE_URL (issue 20.2)', () => {
    expect(loadConfig(base).database.migrationUrl).toBe(base.DATABASE_URL);
    const owner = 'postgres://owner:x@127.0.0.1:5432/hardtech';
    expect(loadConfig({ ...base, MIGRATION_DATABASE_URL: owner }).database).toMatchObject({
      url: base.DATABASE_URL,
      migrationUrl: owner,
    });
    expect(problems({ ...base, MIGRATION_DATABASE_URL: 'mysql://x' })).toEqual([
      'MIGRATION_DATABASE_URL must start with postgres://',
    ]);
  });

  it('has working defaults for development, with demo mode on', () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({ env: 'development', demoMode: true, port: 3000 });
    expect(c.temporal).toMatchObject({ address: '127.0.0.1:7233', namespace: 'default', tls: null });
    expect(c.shutdown).toEqual({ delaySeconds: 0, timeoutSeconds: 25 });
    expect(c.worker).toEqual({
      shutdownGraceSeconds: 20,
      httpPort: 9464,
      sdkMetricsPort: 0,
      workflowStackTraces: false,
      maxCachedWorkflows: 0,
      isolateExecutionTimeoutMs: 30_000,
    });
  });

  it('turns demo mode off in production and demands a real JWT secret', () => {
    expect(problems({ ...base, NODE_ENV: 'production' })).toEqual([
      'JWT_SECRET is required in production',
      'AUDIT_HMAC_KEY is required in production',
    ]);
    const c = loadConfig({
      ...base,
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      AUDIT_HMAC_KEY: 'k'.repeat(40),
    });
    expect(c.demoMode).toBe(false);
    expect(
      problems({
        ...base,
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(40),
        AUDIT_HMAC_KEY: 'k'.repeat(40),
        DEMO_MODE: 'true',
      }),
    ).toEqual(['DEMO_MODE is refused in production']);
    expect(problems({ ...base, NODE_ENV: 'test', DEMO_MODE: 'true' })).toEqual([]);
  });

  it('hashes passwords at argon2id’s default cost, never below OWASP’s minimum in production', () => {
    expect(loadConfig(base).auth.passwordHash).toEqual({ memoryKib: 65536, timeCost: 3 });
    const cheap = { PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_TIME_COST: '1' };
    expect(loadConfig({ ...base, NODE_ENV: 'test', ...cheap }).auth.passwordHash).toEqual({
      memoryKib: 1024,
      timeCost: 1,
    });
    const production = {
      ...base,
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      AUDIT_HMAC_KEY: 'k'.repeat(40),
    };
    const refusal =
      'PASSWORD_HASH_MEMORY_KIB must be at least 19456 and PASSWORD_HASH_TIME_COST at least 2 in production';
    expect(problems({ ...production, ...cheap })).toEqual([refusal]);
    expect(problems({ ...production, PASSWORD_HASH_TIME_COST: '1' })).toEqual([refusal]);
    expect(
      problems({ ...production, PASSWORD_HASH_MEMORY_KIB: '19456', PASSWORD_HASH_TIME_COST: '2' }),
    ).toEqual([]);
    expect(problems({ ...base, PASSWORD_HASH_MEMORY_KIB: '512' })).toEqual([
      'PASSWORD_HASH_MEMORY_KIB must be an integer between 1024 and 4194304 (got "512")',
    ]);
  });

  it('names every wrong value at once', () => {
    expect(
      problems({
        DATABASE_URL: 'mysql://x',
        PORT: '70000',
        LOG_LEVEL: 'loud',
        TEMPORAL_TLS_CERT: file('c.pem'),
        DATABASE_POOL_SIZE: '0',
        WORKER_SHUTDOWN_GRACE_SECONDS: 'soon',
        WORKER_ACTIVATION_TIMEOUT_MS: '0',
      }),
    ).toEqual([
      'DATABASE_URL must start with postgres://',
      'LOG_LEVEL must be debug, info, warn or error (got "loud")',
      'TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY must be set together',
      'PORT must be an integer between 1 and 65535 (got "70000")',
      'DATABASE_POOL_SIZE must be an integer between 1 and 200 (got "0")',
      'WORKER_SHUTDOWN_GRACE_SECONDS must be an integer between 1 and 3600 (got "soon")',
      'WORKER_ACTIVATION_TIMEOUT_MS must be an integer between 1 and 600000 (got "0")',
    ]);
  });

  it('says which required value is missing', () => {
    expect(problems({ NODE_ENV: 'staging' })).toEqual([
      'NODE_ENV must be development, test or production (got "staging")',
      'DATABASE_URL is required (postgres://user:password@host:port/database)',
    ]);
  });

  it('checks certificate files when it starts, not at the first connection', () => {
    expect(
      problems({ ...base, TEMPORAL_TLS_CERT: join(dir, 'missing.pem'), TEMPORAL_TLS_KEY: file('k.pem') }),
    ).toEqual([
      `TEMPORAL_TLS_CERT names a file that does not exist or is not readable: ${join(dir, 'missing.pem')}`,
    ]);
    const c = loadConfig({
      ...base,
      TEMPORAL_ADDRESS: 'temporal.internal:7233',
      TEMPORAL_TLS_CERT: file('client.pem'),
      TEMPORAL_TLS_KEY: file('client.key'),
      TEMPORAL_TLS_CA: file('ca.pem'),
      TEMPORAL_TLS_SERVER_NAME: 'temporal',
    });
    expect(c.temporal.tls).toEqual({
      certPath: join(dir, 'client.pem'),
      keyPath: join(dir, 'client.key'),
      caPath: join(dir, 'ca.pem'),
      serverName: 'temporal',
    });
  });

  it('configures Temporal Cloud from an API key, and refuses one without TLS', () => {
    const c = loadConfig({ ...base, TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_API_KEY: 'key' });
    expect(c.temporal.tls).not.toBeNull();
    expect(c.temporal.apiKey).toBe('key');
    expect(problems({ ...base, TEMPORAL_API_KEY: 'key', TEMPORAL_TLS: 'false' })).toEqual([
      'TEMPORAL_API_KEY needs TLS: remove TEMPORAL_TLS=false',
    ]);
  });

  it('refuses a namespace or address Temporal would refuse later', () => {
    expect(problems({ ...base, TEMPORAL_NAMESPACE: 'my namespace', TEMPORAL_ADDRESS: 'temporal' })).toEqual([
      'TEMPORAL_ADDRESS must be host:port (got "temporal")',
      'TEMPORAL_NAMESPACE must be 2-255 letters, digits, ".", "_" or "-" (got "my namespace")',
    ]);
  });

  it('believes X-Forwarded-For only from the proxies it is told', () => {
    expect(loadConfig(base).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ ...base, TRUST_PROXY: 'loopback, uniquelocal, 10.0.0.0/8' }).trustProxy).toEqual([
      'loopback',
      'uniquelocal',
      '10.0.0.0/8',
    ]);
    expect(problems({ ...base, TRUST_PROXY: 'everyone' })).toEqual([
      'TRUST_PROXY has "everyone": use loopback, linklocal, uniquelocal, an IP or a CIDR',
    ]);
    // The issue's name wins over the former one.
    expect(
      loadConfig({ ...base, TRUSTED_PROXIES: '192.0.2.1', TRUST_PROXY: 'uniquelocal' }).trustProxy,
    ).toEqual(['192.0.2.1']);
  });

  it('demands PUBLIC_URL with single sign-on in production, where localhost is no redirect URI', () => {
    const production = {
      ...base,
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      AUDIT_HMAC_KEY: 'k'.repeat(40),
      OIDC_ISSUER: 'https://sso.cq.gov.cn',
      OIDC_CLIENT_ID: 'hardtech-pool',
    };
    expect(problems(production)).toEqual([
      'PUBLIC_URL is required with OIDC_ISSUER in production: the identity service sends the browser back to <PUBLIC_URL>/api/auth/oidc/callback',
    ]);
    expect(loadConfig({ ...production, PUBLIC_URL: 'https://pool.cq.gov.cn/' }).auth.oidc).toMatchObject({
      redirectUri: 'https://pool.cq.gov.cn/api/auth/oidc/callback',
      postLogoutRedirectUri: 'https://pool.cq.gov.cn/login',
    });
    // Development and the tests keep the default, the API's own port.
    expect(loadConfig({ ...production, NODE_ENV: 'development' }).auth.oidc?.redirectUri).toBe(
      'http://localhost:3000/api/auth/oidc/callback',
    );
  });

  it('treats an empty variable as unset, as compose files pass them', () => {
    expect(loadConfig({ ...base, PORT: '', TEMPORAL_NAMESPACE: '' })).toMatchObject({
      port: 3000,
      temporal: { namespace: 'default' },
    });
  });

  it('reads exactly the variables it documents', () => {
    const read = new Set<string>();
    const env = new Proxy({ ...base } as NodeJS.ProcessEnv, {
      get: (target, name: string) => (read.add(name), target[name]),
    });
    loadConfig(env);
    expect([...read].sort()).toEqual(Object.keys(CONFIG_VARIABLES).sort());
  });
});
