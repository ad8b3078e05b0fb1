import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ProxySetting } from '@hardtech/domain';

interface ProxyRow {
  principal: string;
  proxy: string;
  starts_at: Date;
  ends_at: Date;
}

const setting = (r: ProxyRow): ProxySetting => ({
  principal: r.principal,
  to: r.proxy,
  from: r.starts_at.toISOString(),
  until: r.ends_at.toISOString(),
});

/** 委托代理 (issue 17.6): one proxy per principal; the access predicates read the same table. */
@Injectable()
export class TaskProxiesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async of(principal: string): Promise<ProxySetting | null> {
    const rows: ProxyRow[] = await this.ds.query(
      `SELECT principal, proxy, starts_at, ends_at FROM task_proxies WHERE principal = $1`,
      [principal],
    );
    return rows[0] ? setting(rows[0]) : null;
  }

  /** Sets or replaces the principal's proxy; answers the one it replaced (for the audit log). */
  async set(p: ProxySetting): Promise<ProxySetting | null> {
    return this.ds.transaction(async (m) => {
      const before: ProxyRow[] = await m.query(
        `SELECT principal, proxy, starts_at, ends_at FROM task_proxies WHERE principal = $1 FOR UPDATE`,
        [p.principal],
      );
      await m.query(
        `INSERT INTO task_proxies (principal, proxy, starts_at, ends_at, updated_at) VALUES ($1,$2,$3,$4, now())
         ON CONFLICT (principal) DO UPDATE SET proxy = $2, starts_at = $3, ends_at = $4, updated_at = now()`,
        [p.principal, p.to, p.from, p.until],
      );
      return before[0] ? setting(before[0]) : null;
    });
  }

  /** Ends the principal's proxy; answers the one ended, null when there was none. */
  async remove(principal: string): Promise<ProxySetting | null> {
    const [rows]: [ProxyRow[], number] = await this.ds.query(
      `DELETE FROM task_proxies WHERE principal = $1 RETURNING principal, proxy, starts_at, ends_at`,
      [principal],
    );
    return rows[0] ? setting(rows[0]) : null;
  }

  /** The principals `proxy` stands in for at `now`. */
  async principalsOf(proxy: string, now: Date): Promise<string[]> {
    const rows: { principal: string }[] = await this.ds.query(
      `SELECT principal FROM task_proxies WHERE proxy = $1 AND starts_at <= $2 AND $2 < ends_at`,
      [proxy, now],
    );
    return rows.map((r) => r.principal);
  }
}
