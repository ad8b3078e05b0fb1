// The cluster profile's private CA for Temporal's mTLS (issue 20: the engine is not a back door):
// generated with openssl at first start into data/…/certs (never committed), reused afterwards.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ok, step } from './log.mjs';

/** The name in the server certificate; clients verify it (the frontend listens on 127.0.0.1). */
export const TEMPORAL_SERVER_NAME = 'localhost';

function openssl(args, cwd) {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
}

/** A P-256 key in PKCS#8, which Go (the server) and rustls (the SDK's core) both read. */
const ecKey = (dir, file) =>
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file], dir);

/** An EC key and a certificate signed by the CA, with the given extensions. */
function issue(dir, name, subject, extensions) {
  writeFileSync(join(dir, `${name}.ext`), `${extensions.join('\n')}\n`);
  ecKey(dir, `${name}.key`);
  openssl(['req', '-new', '-key', `${name}.key`, '-subj', subject, '-out', `${name}.csr`], dir);
  openssl(
    ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial',
      '-days', '825', '-sha256', '-extfile', `${name}.ext`, '-out', `${name}.pem`],
    dir,
  ); // prettier-ignore
}

/**
 * CA, server and client certificates under `dir`: { ca, server: {cert, key}, client: {cert, key},
 * serverName }. The server certificate also authenticates Temporal's services to each other.
 */
export function ensureTemporalCertificates(dir) {
  const files = {
    ca: join(dir, 'ca.pem'),
    server: { cert: join(dir, 'server.pem'), key: join(dir, 'server.key') },
    client: { cert: join(dir, 'client.pem'), key: join(dir, 'client.key') },
    serverName: TEMPORAL_SERVER_NAME,
  };
  if ([files.ca, files.server.cert, files.client.cert].every((f) => existsSync(f))) return files;
  step(`Temporal mTLS: creating a CA and certificates in ${dir}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  ecKey(dir, 'ca.key');
  openssl(
    ['req', '-x509', '-new', '-key', 'ca.key', '-subj', '/O=hardtech-pool/CN=hardtech Temporal CA',
      '-days', '3650', '-sha256', '-out', 'ca.pem'],
    dir,
  ); // prettier-ignore
  issue(dir, 'server', `/O=hardtech-pool/CN=${TEMPORAL_SERVER_NAME}`, [
    `subjectAltName=DNS:${TEMPORAL_SERVER_NAME},IP:127.0.0.1`,
    'extendedKeyUsage=serverAuth,clientAuth',
  ]);
  issue(dir, 'client', '/O=hardtech-pool/CN=hardtech-app', ['extendedKeyUsage=clientAuth']);
  ok('Temporal mTLS: certificates ready (the frontend accepts only clients this CA signed)');
  return files;
}

/** What a client of the profile's Temporal needs: the variables libs/config and the CLI both read. */
export const temporalTlsEnv = (certs) => ({
  TEMPORAL_TLS_CA: certs.ca,
  TEMPORAL_TLS_CERT: certs.client.cert,
  TEMPORAL_TLS_KEY: certs.client.key,
  TEMPORAL_TLS_SERVER_NAME: certs.serverName,
});
