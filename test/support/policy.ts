import type { Policy } from '@hardtech/domain';
import { db } from './db';

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
