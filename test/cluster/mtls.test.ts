import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';

// Issue 20 item 8: the workflow trusts the actor in an Update, so Temporal's frontend must not be
// an open door. The cluster profile runs it with mTLS (certificates of a CA made at first start)
// and on 127.0.0.1 only; our processes present client certificates (TEMPORAL_TLS_*).
const address = process.env.TEMPORAL_ADDRESS!;
const ca = readFileSync(process.env.TEMPORAL_TLS_CA!);
const serverNameOverride = process.env.TEMPORAL_TLS_SERVER_NAME!;

async function refused(options: Parameters<typeof Connection.connect>[0]): Promise<string> {
  try {
    const connection = await Connection.connect({ ...options, connectTimeout: 5000 });
    await connection.workflowService.getSystemInfo({});
    await connection.close();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the connection was accepted');
}

describe('cluster profile: Temporal frontend with mTLS', () => {
  let otherCa: string;
  beforeAll(() => {
    otherCa = mkdtempSync(join(tmpdir(), 'other-ca-'));
    execFileSync(process.execPath, [
      '--input-type=module',
      '-e',
      `import(${JSON.stringify(join(__dirname, '../../scripts/lib/certificates.mjs'))}).then((m) => m.ensureTemporalCertificates(${JSON.stringify(otherCa)}))`,
    ]);
  });
  afterAll(() => rmSync(otherCa, { recursive: true, force: true }));

  it('accepts a client with the profile’s client certificate (as the API and workers connect)', async () => {
    const connection = await Connection.connect({
      address,
      tls: {
        serverRootCACertificate: ca,
        serverNameOverride,
        clientCertPair: {
          crt: readFileSync(process.env.TEMPORAL_TLS_CERT!),
          key: readFileSync(process.env.TEMPORAL_TLS_KEY!),
        },
      },
    });
    const info = await connection.workflowService.getSystemInfo({});
    expect(info.serverVersion).toMatch(/^1\./);
    await connection.close();
  });

  it('refuses a client without TLS, one without a certificate, and one whose certificate another CA signed', async () => {
    expect(await refused({ address })).toBeTruthy();
    expect(await refused({ address, tls: { serverRootCACertificate: ca, serverNameOverride } })).toBeTruthy();
    expect(
      await refused({
        address,
        tls: {
          serverRootCACertificate: ca,
          serverNameOverride,
          clientCertPair: {
            crt: readFileSync(join(otherCa, 'client.pem')),
            key: readFileSync(join(otherCa, 'client.key')),
          },
        },
      }),
    ).toBeTruthy();
  });

  it('refuses the Temporal CLI without the certificate (an Update by hand is not possible)', () => {
    const env = { ...process.env };
    for (const name of [
      'TEMPORAL_TLS_CA',
      'TEMPORAL_TLS_CERT',
      'TEMPORAL_TLS_KEY',
      'TEMPORAL_TLS_SERVER_NAME',
    ])
      delete env[name];
    const withoutCert = spawnSync(
      process.env.TEMPORAL_CLI!,
      ['workflow', 'list', '--address', address, '--namespace', process.env.TEMPORAL_NAMESPACE!, '--tls-ca-path', process.env.TEMPORAL_TLS_CA!, '--tls-server-name', serverNameOverride],
      { env, encoding: 'utf8', timeout: 30_000 },
    ); // prettier-ignore
    expect(withoutCert.status).not.toBe(0);
    const withCert = spawnSync(
      process.env.TEMPORAL_CLI!,
      ['workflow', 'list', '--limit', '1', '--address', address, '--namespace', process.env.TEMPORAL_NAMESPACE!],
      { encoding: 'utf8', timeout: 30_000 },
    ); // prettier-ignore
    expect(withCert.stderr).toBe('');
    expect(withCert.status).toBe(0);
  });

  it('listens on 127.0.0.1 only', async () => {
    const port = Number(address.split(':')[1]);
    expect(address.startsWith('127.0.0.1:')).toBe(true);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return; // no other interface to try from
    const outcome = await new Promise<string>((resolve) => {
      const socket = createConnection({ host: external.address, port });
      socket.once('connect', () => (socket.destroy(), resolve('connected')));
      socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(outcome).toBe('ECONNREFUSED');
  });
});
