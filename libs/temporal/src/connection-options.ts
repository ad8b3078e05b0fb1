import { readFileSync } from 'node:fs';
import type { AppConfig } from '@hardtech/config';
import type { TLSConfig } from '@temporalio/common/lib/internal-non-workflow';

/**
 * Connection options shared by the client (API) and the worker: plain for the dev server,
 * mTLS for a self-hosted cluster, API key + TLS for Temporal Cloud.
 */
export function temporalConnectionOptions(config: Pick<AppConfig, 'temporal'>): {
  address: string;
  tls?: TLSConfig | boolean;
  apiKey?: string;
} {
  const { address, tls, apiKey } = config.temporal;
  if (!tls) return { address };
  const tlsConfig: TLSConfig = {};
  if (tls.certPath && tls.keyPath) {
    tlsConfig.clientCertPair = { crt: readFileSync(tls.certPath), key: readFileSync(tls.keyPath) };
  }
  if (tls.caPath) tlsConfig.serverRootCACertificate = readFileSync(tls.caPath);
  if (tls.serverName) tlsConfig.serverNameOverride = tls.serverName;
  return { address, tls: Object.keys(tlsConfig).length ? tlsConfig : true, apiKey };
}
