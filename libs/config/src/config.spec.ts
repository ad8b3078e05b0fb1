import { ConfigError, loadConfig } from './config';

const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hardtech' };

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    return (e as ConfigError).problems;
  }
}

describe('configuration', () => {
  it('has working defaults for development, with demo mode on', () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({ env: 'development', demoMode: true, port: 3000 });
    expect(c.temporal).toMatchObject({ address: '127.0.0.1:7233', namespace: 'default', tls: null });
  });

  it('turns demo mode off in production and demands a real JWT secret', () => {
    expect(problems({ ...base, NODE_ENV: 'production' })).toEqual(['JWT_SECRET is required in production']);
    const c = loadConfig({ ...base, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(c.demoMode).toBe(false);
  });

  it('names every wrong value at once', () => {
    expect(
      problems({ DATABASE_URL: 'mysql://x', PORT: '70000', LOG_LEVEL: 'loud', TEMPORAL_TLS_CERT: '/c.pem' }),
    ).toEqual([
      'DATABASE_URL must start with postgres://',
      'LOG_LEVEL must be debug, info, warn or error (got "loud")',
      'TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY must be set together',
      'PORT must be an integer between 1 and 65535 (got "70000")',
    ]);
  });

  it('configures Temporal Cloud from an API key', () => {
    const c = loadConfig({ ...base, TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_API_KEY: 'key' });
    expect(c.temporal.tls).not.toBeNull();
    expect(c.temporal.apiKey).toBe('key');
  });
});
