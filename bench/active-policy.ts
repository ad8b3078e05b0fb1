import type { AppConfig } from '@hardtech/config';
import type { ActivePolicy } from '@hardtech/domain';
import {
  ActivePolicyRepository,
  CalendarRepository,
  createDataSource,
  PolicyRepository,
} from '@hardtech/persistence';
import { PolicyChanges } from '@hardtech/persistence/repositories/policy-changes';

/**
 * The active policy as the API reads it before a completion (ActivePolicyRepository, with the
 * working-day calendar), read once on a connection of the bench's own: the members' Updates carry
 * it as the API's do, so the workflow reads none (issue 9).
 */
export async function readActivePolicy(): Promise<ActivePolicy> {
  const config = { database: { url: process.env.DATABASE_URL!, poolSize: 1 } } as AppConfig;
  const ds = await createDataSource(config).initialize();
  try {
    // Not listening for changes: one read, nothing cached.
    const changes = new PolicyChanges(config);
    const policies = new ActivePolicyRepository(
      ds,
      new PolicyRepository(ds, changes),
      new CalendarRepository(ds, changes),
      changes,
    );
    return await policies.read();
  } finally {
    await ds.destroy();
  }
}
