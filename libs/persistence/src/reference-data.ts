import { DataSource } from 'typeorm';
import { BUILTIN_CLUSTERS, DEFAULT_POLICY, parsePolicy, Policy } from '@hardtech/domain';

/**
 * Installs what the system cannot run without: policy version 1 and the built-in clusters.
 * Idempotent; kept out of the migrations because these values are code that evolves.
 * `initialPolicy` (INITIAL_POLICY, JSON) changes version 1 of a new database, e.g. its capacity;
 * an existing database keeps its versions.
 */
export async function ensureReferenceData(
  ds: DataSource,
  initialPolicy: Partial<Policy> = {},
): Promise<void> {
  const first: Policy = { ...parsePolicy({ ...DEFAULT_POLICY, ...initialPolicy }), version: 1 };
  await ds.query(
    `INSERT INTO policy_versions (version, body, created_by) VALUES (1, $1, 'system') ON CONFLICT DO NOTHING`,
    [JSON.stringify(first)],
  );
  for (const c of BUILTIN_CLUSTERS) {
    await ds.query(
      `INSERT INTO clusters (code, tier, name, en) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING`,
      [c.code, c.tier, c.name, c.en],
    );
  }
}
