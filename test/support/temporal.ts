import { Client, Connection } from '@temporalio/client';
import { LifecycleClient } from '@hardtech/temporal/lifecycle-client';

let client: Promise<Client> | null = null;

/** A Temporal client on the test server (scripts/test.mjs sets TEMPORAL_ADDRESS). */
export function temporalClient(): Promise<Client> {
  client ??= Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7244' }).then(
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
