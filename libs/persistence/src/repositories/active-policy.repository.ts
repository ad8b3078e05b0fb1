import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActivePolicy, shanghaiDate } from '@hardtech/domain';
import { CalendarRepository } from './calendar.repository';
import { PolicyRepository } from './policy.repository';

/**
 * The active policy as the lifecycle computes deadlines from it: with the working-day calendar for
 * the next two years when an SLA counts working days (a calendar edit applies to tasks created
 * afterwards).
 */
@Injectable()
export class ActivePolicyRepository {
  private cached: { key: string; policy: Promise<ActivePolicy> } | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly policies: PolicyRepository,
    private readonly calendar: CalendarRepository,
  ) {}

  async read(): Promise<ActivePolicy> {
    const policy = await this.policies.active();
    const needsCalendar = Object.values(policy.sla).some((s) => typeof s.due !== 'string');
    if (!needsCalendar) return { ...policy, calendar: null };
    const today = shanghaiDate(new Date());
    const until = shanghaiDate(new Date(Date.now() + 2 * 366 * 86_400_000));
    return { ...policy, calendar: await this.calendar.calendar(today, until) };
  }

  /**
   * The same, cached by version (issue 9): callers that carry the policy to a workflow (completions,
   * the quarterly dispatch) save the workflow a local activity. One small query per call says
   * whether a new policy version, a calendar edit or a new day (the calendar window starts today)
   * has come since, so every process sees a change at once.
   */
  async current(): Promise<ActivePolicy> {
    const [{ version, calendar }] = await this.ds.query(
      `SELECT (SELECT max(version) FROM policy_versions) AS version,
              (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM calendar_days)
                || '/' || (SELECT count(*) FROM calendar_years) AS calendar`,
    );
    const key = `${version}|${calendar}|${shanghaiDate(new Date())}`;
    if (this.cached?.key !== key) {
      const policy = this.read();
      this.cached = { key, policy };
      // A failed read is not kept: the next call reads again.
      policy.catch(() => this.cached?.policy === policy && (this.cached = null));
    }
    return this.cached.policy;
  }
}
