import { Client, Connection } from '@temporalio/client';
import { loadTemporalConfig } from '@hardtech/config';
import { temporalConnectionOptions } from '@hardtech/temporal/connection-options';
import { LifecycleClient } from '@hardtech/temporal/lifecycle-client';

let client: Promise<Client> | null = null;

/**
 * A Temporal client on the test server, connected as the processes are (scripts/test.mjs sets
 * TEMPORAL_ADDRESS; the cluster profile adds its client certificate).
 */
export function temporalClient(): Promise<Client> {
  client ??= Connection.connect(temporalConnectionOptions({ temporal: loadTemporalConfig() })).then(
    (connection) => new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' }),
  );
  return client;
}

/** The enterprise lifecycles, through the client the API and the activities use. */
export async function lifecycles(): Promise<LifecycleClient> {
  return new LifecycleClient(await temporalClient(), process.env.TEMPORAL_TASK_QUEUE ?? 'hardtech-test');
}

export async function closeTemporal(): Promise<void> {
  if (client) await (await client).connection.close();
  client = null;
}
