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
  // A built-in cluster keeps what administrators made of it; an English name still as seeded before
  // December 2026 (lower case) takes the proper one.
  for (const c of BUILTIN_CLUSTERS) {
    await ds.query(
      `INSERT INTO clusters (code, tier, name, en) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET en = EXCLUDED.en WHERE clusters.en = $5`,
      [c.code, c.tier, c.name, c.en, FORMER_ENGLISH_NAMES[c.code] ?? c.en],
    );
  }
}

/** The English names the built-in clusters were seeded with before December 2026. */
const FORMER_ENGLISH_NAMES: Record<string, string> = {
  T1: 'intelligent connected new-energy vehicles',
  T2: 'new-generation electronic information manufacturing',
  T3: 'advanced materials',
  P1: 'intelligent equipment and manufacturing',
  P2: 'food and agricultural product processing',
  P3: 'software and information services',
  F1: 'new displays',
  F2: 'high-end motorcycles',
  F3: 'light-alloy materials',
  F4: 'light industry and textiles',
  F5: 'biomedicine',
  F6: 'new energy and new energy storage',
};
