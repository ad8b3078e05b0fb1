import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_ANNUAL_REVIEW, DEFAULT_POLICY, Policy } from '@hardtech/domain';
import { PolicyChanges } from './policy-changes';

/**
 * A version stored before a task type or setting existed gets the default for it (e.g. the
 * ANNUAL_UPDATE SLA and the annualReview dates), so the policy page can save it back whole.
 */
function withNewerDefaults(policy: Policy): Policy {
  return {
    ...policy,
    annualReview: policy.annualReview ?? DEFAULT_ANNUAL_REVIEW,
    sla: { ...DEFAULT_POLICY.sla, ...policy.sla },
  };
}

@Injectable()
export class PolicyRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly changes: PolicyChanges,
  ) {}

  /** The newest version; its body carries its own version number. */
  async active(): Promise<Policy> {
    const rows: { version: number; body: Policy }[] = await this.ds.query(
      `SELECT version, body FROM policy_versions ORDER BY version DESC LIMIT 1`,
    );
    if (!rows.length) throw new Error('no policy version installed: run the migrations');
    return withNewerDefaults({ ...rows[0].body, version: rows[0].version });
  }

  /** Stores the policy as the next version; versions are never edited, so tasks keep theirs. */
  async save(policy: Omit<Policy, 'version'>, createdBy: string): Promise<Policy> {
    const saved = await this.ds.transaction(async (m) => {
      await m.query(`LOCK TABLE policy_versions IN EXCLUSIVE MODE`);
      const [{ next }] = await m.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM policy_versions`);
      const stored: Policy = { ...policy, version: next };
      await m.query(`INSERT INTO policy_versions (version, body, created_by) VALUES ($1, $2, $3)`, [
        next,
        JSON.stringify(stored),
        createdBy,
      ]);
      return stored;
    });
    // This process's next completion carries it (the others hear of it from the table's trigger).
    this.changes.changed();
    return saved;
  }

  async versions(): Promise<{ version: number; createdBy: string; createdAt: string }[]> {
    const rows = await this.ds.query(
      `SELECT version, created_by, created_at FROM policy_versions ORDER BY version DESC LIMIT 100`,
    );
    return rows.map((r: any) => ({
      version: r.version,
      createdBy: r.created_by,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }
}
