import type { Policy } from '@hardtech/domain';
import { Api } from './api';
import { createUser } from './cast';
import { closeDb, db } from './db';
import { expectOk } from './lifecycle';
import { closeTemporal } from './temporal';

/** The active policy, as the workflows read it. */
export async function activePolicy(): Promise<Policy> {
  const { rows } = await db().query(
    `SELECT version, body FROM policy_versions ORDER BY version DESC LIMIT 1`,
  );
  return { ...rows[0].body, version: rows[0].version };
}

/**
 * Stores a new policy version with some values changed; returns a function that stores the
 * previous values again as the next version (versions only ever grow). Serial tests only.
 */
export async function withPolicy(change: (p: Policy) => Policy): Promise<() => Promise<void>> {
  const before = await activePolicy();
  await store(change(before));
  return () => store(before);
}

async function store(p: Policy): Promise<void> {
  await db().query(
    `INSERT INTO policy_versions (version, body, created_by)
     SELECT max(version) + 1, $1, 'test' FROM policy_versions`,
    [JSON.stringify(p)],
  );
}

/**
 * For a serial test file that changes the policy through the API: a city coordinator to change it
 * with, and the policy as it was when the file started, stored again when the file ends (after
 * which the file's connections close). Read both inside tests and hooks, after `beforeAll`.
 */
export function keepPolicy(): { readonly coordinator: Api; readonly original: Policy } {
  const kept = {} as { coordinator: Api; original: Policy };
  beforeAll(async () => {
    kept.coordinator = (await createUser('city_coordinator', {})).api;
    kept.original = await expectOk(kept.coordinator.get('/api/admin/policy'));
  });
  afterAll(async () => {
    await kept.coordinator.put('/api/admin/policy', kept.original);
    await closeTemporal();
    await closeDb();
  });
  return kept;
}
