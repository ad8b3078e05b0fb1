import { DataSource } from 'typeorm';
import { BUILTIN_CLUSTERS, DEFAULT_POLICY } from '@hardtech/domain';

/**
 * Installs what the system cannot run without: policy version 1 and the built-in clusters.
 * Idempotent; kept out of the migrations because these values are code that evolves.
 */
export async function ensureReferenceData(ds: DataSource): Promise<void> {
  await ds.query(
    `INSERT INTO policy_versions (version, body, created_by) VALUES (1, $1, 'system') ON CONFLICT DO NOTHING`,
    [JSON.stringify(DEFAULT_POLICY)],
  );
  for (const c of BUILTIN_CLUSTERS) {
    await ds.query(
      `INSERT INTO clusters (code, tier, name, en) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING`,
      [c.code, c.tier, c.name, c.en],
    );
  }
}
