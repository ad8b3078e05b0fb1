import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { poolHasRoom } from '@hardtech/domain';
import type { SeatRequest, SeatResult } from '@hardtech/temporal/lifecycle.contract';

/** Lock key that serialises admissions, so two at the last free seat cannot both get it. */
const POOL_LOCK = 7_310_001;

@Injectable()
export class MembershipRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Members now: open membership periods. */
  async members(): Promise<number> {
    const [{ n }] = await this.ds.query(
      `SELECT count(*)::int AS n FROM membership_periods WHERE to_date IS NULL`,
    );
    return n;
  }

  /** The first day (YYYY-MM-DD, Asia/Shanghai) of each enterprise's open membership period. */
  async admittedOn(creditCodes: string[]): Promise<Map<string, string>> {
    const rows: { credit_code: string; from_date: string }[] = await this.ds.query(
      `SELECT credit_code, to_char(from_date, 'YYYY-MM-DD') AS from_date FROM membership_periods
       WHERE to_date IS NULL AND credit_code = ANY($1)`,
      [creditCodes],
    );
    return new Map(rows.map((r) => [r.credit_code, r.from_date]));
  }

  /**
   * Opens the enterprise's membership period if the pool has room. Idempotent: a retried
   * reservation of the same lifecycle finds its seat.
   */
  reserve(req: SeatRequest): Promise<SeatResult> {
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock($1)`, [POOL_LOCK]);
      const mine = await m.query(
        `SELECT 1 FROM membership_periods WHERE credit_code = $1 AND lifecycle_no = $2`,
        [req.creditCode, req.lifecycleNo],
      );
      const [{ n }] = await m.query(
        `SELECT count(*)::int AS n FROM membership_periods WHERE to_date IS NULL`,
      );
      if (mine.length) return { reserved: true, members: n, capacity: req.capacity };
      if (!poolHasRoom(n, req.capacity)) return { reserved: false, members: n, capacity: req.capacity };
      await m.query(
        `INSERT INTO membership_periods (credit_code, lifecycle_no, from_date) VALUES ($1, $2, $3)`,
        [req.creditCode, req.lifecycleNo, req.fromDate],
      );
      return { reserved: true, members: n + 1, capacity: req.capacity };
    });
  }
}
