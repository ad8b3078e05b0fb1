import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SlaEntry, TaskType } from '@hardtech/domain';

/** The reads of the yearly cycle (issue 19): the pool's members, and the provisional deadlines. */
@Injectable()
export class YearlyCycleRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Members of the pool (admitted, not ended: diagnosis, supporting, graduation_review), in order. */
  async membersAfter(after: string | null, limit: number): Promise<string[]> {
    const rows: { credit_code: string }[] = await this.ds.query(
      `SELECT credit_code FROM enterprises
        WHERE stage IN ('diagnosis', 'supporting', 'graduation_review') AND ($1::text IS NULL OR credit_code > $1)
        ORDER BY credit_code LIMIT $2`,
      [after, limit],
    );
    return rows.map((r) => r.credit_code);
  }

  /** Enterprises with open tasks whose deadlines are provisional, and those tasks' policy versions. */
  async provisionalTasks(): Promise<{ creditCode: string; versions: number[] }[]> {
    const rows: { credit_code: string; versions: number[] }[] = await this.ds.query(
      `SELECT credit_code, array_agg(DISTINCT policy_version) AS versions FROM tasks
        WHERE provisional AND status = 'open' GROUP BY credit_code ORDER BY credit_code`,
    );
    return rows.map((r) => ({ creditCode: r.credit_code, versions: r.versions.map(Number) }));
  }

  /** The SLA of each of the policy versions named (versions are never edited). */
  async slaByVersion(versions: number[]): Promise<Record<number, Partial<Record<TaskType, SlaEntry>>>> {
    const rows: { version: number; sla: Partial<Record<TaskType, SlaEntry>> }[] = await this.ds.query(
      `SELECT version, body->'sla' AS sla FROM policy_versions WHERE version = ANY($1)`,
      [versions],
    );
    return Object.fromEntries(rows.map((r) => [r.version, r.sla]));
  }
}
