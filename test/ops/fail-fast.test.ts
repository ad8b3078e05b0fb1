import { freePort, killAll, spawnApp } from './processes';

// A misconfigured process must stop at once and say what is wrong, each problem on its own line,
// instead of starting half-configured or retrying forever in a restart loop without a word.
jest.setTimeout(60_000);

describe('processes refuse a wrong configuration at start-up, naming every problem', () => {
  afterAll(killAll);

  const WRONG = {
    DATABASE_URL: 'mysql://db/hardtech',
    LOG_LEVEL: 'loud',
    TEMPORAL_TLS_CERT: '/nonexistent/client.pem',
    TEMPORAL_TLS_KEY: '/nonexistent/client.key',
    DATABASE_POOL_SIZE: '0',
  };

  it.each(['api', 'worker'] as const)('the %s', async (kind) => {
    const p = spawnApp(kind, WRONG);
    const { code } = await p.exited;
    expect(code).toBe(1);
    expect(p.stderr()).toBe(
      [
        `${kind}: invalid configuration:`,
        '  - DATABASE_URL must start with postgres://',
        '  - LOG_LEVEL must be debug, info, warn or error (got "loud")',
        '  - TEMPORAL_TLS_CERT names a file that does not exist or is not readable: /nonexistent/client.pem',
        '  - TEMPORAL_TLS_KEY names a file that does not exist or is not readable: /nonexistent/client.key',
        '  - DATABASE_POOL_SIZE must be an integer between 1 and 200 (got "0")',
        '',
      ].join('\n'),
    );
  });

  it('the migration names itself and every problem too', async () => {
    const p = spawnApp('migrate', WRONG);
    expect((await p.exited).code).toBe(1);
    expect(p.stderr()).toMatch(
      /^migrate: invalid configuration:\n {2}- DATABASE_URL must start with postgres:\/\/\n/,
    );
  });

  it('a migration that cannot reach PostgreSQL says where it looked, without the password', async () => {
    const closed = await freePort();
    const url = `postgres://owner:s3cret@127.0.0.1:${closed}/hardtech`;
    const p = spawnApp('migrate', { MIGRATION_DATABASE_URL: url });
    expect((await p.exited).code).toBe(1);
    expect(p.stderr()).toBe(
      `migrate: cannot connect to PostgreSQL at owner@127.0.0.1:${closed}/hardtech (MIGRATION_DATABASE_URL): connect ECONNREFUSED 127.0.0.1:${closed}\n`,
    );
  });

  it('a worker that cannot reach Temporal says where it looked', async () => {
    const closed = await freePort();
    const p = spawnApp('worker', { TEMPORAL_ADDRESS: `127.0.0.1:${closed}`, WORKER_HTTP_PORT: '0' });
    expect((await p.exited).code).toBe(1);
    expect(p.stderr()).toMatch(new RegExp(`^worker: cannot reach Temporal at 127\\.0\\.0\\.1:${closed}: `));
  });

  it('a worker for a namespace that does not exist says which', async () => {
    const p = spawnApp('worker', { TEMPORAL_NAMESPACE: 'no-such-namespace', WORKER_HTTP_PORT: '0' });
    expect((await p.exited).code).toBe(1);
    expect(p.stderr()).toMatch(/^worker: cannot start polling no-such-namespace\/\S+ at \S+: .*not found/i);
  });
});
