import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActivePolicy, shanghaiDate } from '@hardtech/domain';
import { CalendarRepository } from './calendar.repository';
import { PolicyChanges } from './policy-changes';
import { PolicyRepository } from './policy.repository';

/**
 * A cached policy is trusted without a look at the database for this long while change notices
 * arrive; a notice lost on a connection that still looks alive is caught within it.
 */
export const POLICY_TRUST_MS = 30_000;

interface Cached {
  key: string;
  policy: Promise<ActivePolicy>;
  /** PolicyChanges.generation when the key was read: a later change makes it stale. */
  generation: number;
  checkedAt: number;
}

/**
 * The active policy as the lifecycle computes deadlines from it: with the working-day calendar for
 * the next two years, which every SLA needs (working days count on it, and a calendar-day period
 * whose last day is a rest day ends with the next working day); a calendar edit applies to tasks
 * created afterwards.
 */
@Injectable()
export class ActivePolicyRepository {
  private cached: Cached | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly policies: PolicyRepository,
    private readonly calendar: CalendarRepository,
    private readonly changes: PolicyChanges,
  ) {}

  async read(): Promise<ActivePolicy> {
    const policy = await this.policies.active();
    const today = shanghaiDate(new Date());
    const until = shanghaiDate(new Date(Date.now() + 2 * 366 * 86_400_000));
    return { ...policy, calendar: await this.calendar.calendar(today, until) };
  }

  /**
   * The same, cached by version (issues 9 and 21): callers that carry the policy to a workflow
   * (completions, the quarterly dispatch) and the worker's lifecycles read it once per version.
   * While PolicyChanges listens, a cached policy is used without a query until a change is noticed
   * (this process's at once, another's when PostgreSQL delivers the notice, milliseconds after its
   * commit) or for POLICY_TRUST_MS at most; a new day (the calendar window starts today) reads again.
   * Without the notices, every call checks the version with one small query, as before.
   */
  async current(): Promise<ActivePolicy> {
    const now = Date.now();
    const today = shanghaiDate(new Date(now));
    const generation = this.changes.generation;
    const c = this.cached;
    if (
      c &&
      this.changes.listening &&
      c.generation === generation &&
      now - c.checkedAt < POLICY_TRUST_MS &&
      c.key.endsWith(`|${today}`)
    ) {
      return c.policy;
    }
    const key = `${await this.versionKey()}|${today}`;
    if (this.cached?.key !== key) {
      const policy = this.read();
      this.cached = { key, policy, generation, checkedAt: now };
      // A failed read is not kept: the next call reads again.
      policy.catch(() => this.cached?.policy === policy && (this.cached = null));
    } else {
      this.cached = { ...this.cached, generation, checkedAt: now };
    }
    return this.cached.policy;
  }

  /** One small query: the newest version, and what says whether the calendar was edited. */
  private async versionKey(): Promise<string> {
    const [{ version, calendar }] = await this.ds.query(
      `SELECT (SELECT max(version) FROM policy_versions) AS version,
              (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM calendar_days)
                || '/' || (SELECT count(*) FROM calendar_years) AS calendar`,
    );
    return `${version}|${calendar}`;
  }
}
