// The cluster profile's private CA for Temporal's mTLS (issue 20: the engine is not a back door):
// generated with openssl at first start into data/…/certs (never committed), reused afterwards.
// The recipe is deploy/temporal/certificates.sh, which docker compose's `certs` job runs too.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';
import { ok, step } from './log.mjs';

/** The name in the server certificate; clients verify it (the frontend listens on 127.0.0.1). */
export const TEMPORAL_SERVER_NAME = 'localhost';

export const CERTIFICATES_SCRIPT = join(ROOT, 'deploy/temporal/certificates.sh');

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
  const r = spawnSync('sh', [CERTIFICATES_SCRIPT, dir, TEMPORAL_SERVER_NAME, 'IP:127.0.0.1'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${CERTIFICATES_SCRIPT} failed: ${r.stderr}`);
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
