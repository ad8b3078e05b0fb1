import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// deploy/temporal/certificates.sh is the one recipe for Temporal's mTLS certificates: the cluster
// profile runs it (scripts/lib/certificates.mjs) and so does docker compose's certs job. Here it
// runs for real with this machine's openssl, and openssl checks what it made.
const SCRIPT = join(__dirname, '../../deploy/temporal/certificates.sh');
let tmp: string;
beforeAll(() => (tmp = mkdtempSync(join(tmpdir(), 'temporal-certs-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(dir: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync('sh', [SCRIPT, dir, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  expect([r.status, r.stderr]).toEqual([0, expect.any(String)]);
  return r.stdout;
}
const verify = (ca: string, cert: string) =>
  spawnSync('openssl', ['verify', '-CAfile', ca, cert], { encoding: 'utf8' });
const x509 = (file: string, ...args: string[]) =>
  execFileSync('openssl', ['x509', '-in', file, '-noout', ...args]).toString();
const PEMS = ['ca.pem', 'server.pem', 'server.key', 'client.pem', 'client.key'];

describe('deploy/temporal/certificates.sh', () => {
  it('makes a CA, a server and a client certificate that openssl verifies, then reuses them', () => {
    const dir = join(tmp, 'compose');
    expect(run(dir, ['temporal'])).toContain('creating');
    for (const cert of ['server.pem', 'client.pem']) {
      const r = verify(join(dir, 'ca.pem'), join(dir, cert));
      expect([cert, r.status, r.stdout.trim()]).toEqual([cert, 0, `${join(dir, cert)}: OK`]);
    }
    expect(x509(join(dir, 'server.pem'), '-ext', 'subjectAltName,extendedKeyUsage')).toMatch(
      /DNS:temporal\n[\s\S]*TLS Web Server Authentication, TLS Web Client Authentication/,
    );
    expect(x509(join(dir, 'client.pem'), '-ext', 'extendedKeyUsage')).toMatch(
      /Extended Key Usage: \n\s+TLS Web Client Authentication\n/,
    );
    // P-256 keys in PKCS#8, which both Temporal's server (Go) and the SDK (rustls) read.
    for (const key of ['ca.key', 'server.key', 'client.key']) {
      expect(readFileSync(join(dir, key), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    }
    expect(
      execFileSync('openssl', ['pkey', '-in', join(dir, 'client.key'), '-noout', '-text']).toString(),
    ).toContain('NIST CURVE: P-256');

    const before = Object.fromEntries(PEMS.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    expect(run(dir, ['temporal'])).toContain('reusing');
    expect(Object.fromEntries(PEMS.map((f) => [f, readFileSync(join(dir, f), 'utf8')]))).toEqual(before);
  });

  it('signs nothing another run’s CA accepts: each installation has its own CA', () => {
    const other = join(tmp, 'other');
    run(other, ['temporal']);
    const r = verify(join(tmp, 'compose', 'ca.pem'), join(other, 'client.pem'));
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/unable to get local issuer certificate/);
  });

  it('puts the extra names in the server certificate (the cluster profile: localhost, 127.0.0.1)', () => {
    const dir = join(tmp, 'cluster');
    run(dir, ['localhost', 'IP:127.0.0.1']);
    expect(x509(join(dir, 'server.pem'), '-ext', 'subjectAltName')).toContain(
      'DNS:localhost, IP Address:127.0.0.1',
    );
    // Only its user can enter the folder or read any file in it.
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(dir)) expect([f, statSync(join(dir, f)).mode & 0o777]).toEqual([f, 0o600]);
  });

  it('with CERT_OWNER, lets the runtime user read the keys and no one else, the CA key stays private', () => {
    const dir = join(tmp, 'owned');
    const owner = `${process.getuid!()}:${process.getgid!()}`;
    run(dir, ['temporal'], { CERT_OWNER: owner });
    const modes = Object.fromEntries(
      [...PEMS, 'ca.key', '.'].map((f) => [f, (statSync(join(dir, f)).mode & 0o777).toString(8)]),
    );
    expect(modes).toEqual({
      '.': '750',
      'ca.pem': '444',
      'server.pem': '444',
      'client.pem': '444',
      'server.key': '440',
      'client.key': '440',
      'ca.key': '600',
    });
    for (const f of ['.', ...PEMS])
      expect(`${statSync(join(dir, f)).uid}:${statSync(join(dir, f)).gid}`).toBe(owner);
    // A second start (the job runs at every `up`) keeps them so.
    expect(run(dir, ['temporal'], { CERT_OWNER: owner })).toContain('reusing');
    expect((statSync(join(dir, 'client.key')).mode & 0o777).toString(8)).toBe('440');
  });
});
