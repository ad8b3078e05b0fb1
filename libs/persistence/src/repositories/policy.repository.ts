import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Policy } from '@hardtech/domain';

@Injectable()
export class PolicyRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The newest version; its body carries its own version number. */
  async active(): Promise<Policy> {
    const rows: { version: number; body: Policy }[] = await this.ds.query(
      `SELECT version, body FROM policy_versions ORDER BY version DESC LIMIT 1`,
    );
    if (!rows.length) throw new Error('no policy version installed: run the migrations');
    return { ...rows[0].body, version: rows[0].version };
  }
}
