import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, CONFIG } from '@hardtech/config';
import { ActivePolicy, shanghaiDate } from '@hardtech/domain';
import {
  CalendarRepository,
  Channel,
  PreferencesRepository,
  MembershipRepository,
  NotificationsRepository,
  PolicyRepository,
  ProjectionRepository,
} from '@hardtech/persistence';
import type {
  LifecycleActivities,
  ProjectionDelta,
  SeatRequest,
  SeatResult,
  TaskNotification,
} from '@hardtech/temporal/lifecycle.contract';

/** The lifecycle's side effects: the active policy, projecting transitions, pool seats. */
@Injectable()
export class LifecycleActivitiesService implements LifecycleActivities {
  constructor(
    private readonly policies: PolicyRepository,
    private readonly projections: ProjectionRepository,
    private readonly membership: MembershipRepository,
    private readonly notifications: NotificationsRepository,
    private readonly calendar: CalendarRepository,
    private readonly preferences: PreferencesRepository,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The active policy, with the working-day calendar for the next two years when an SLA counts
   * working days: the workflow computes deadlines from it deterministically (the result is in
   * history), and a calendar edit applies to tasks created afterwards.
   */
  async activePolicy(): Promise<ActivePolicy> {
    const policy = await this.policies.active();
    const needsCalendar = Object.values(policy.sla).some((s) => typeof s.due !== 'string');
    if (!needsCalendar) return { ...policy, calendar: null };
    const today = shanghaiDate(new Date());
    const until = shanghaiDate(new Date(Date.now() + 2 * 366 * 86_400_000));
    return { ...policy, calendar: await this.calendar.calendar(today, until) };
  }

  project(delta: ProjectionDelta): Promise<void> {
    return this.projections.apply(delta);
  }

  /**
   * Reminders and escalations: recorded once, delivered through the outbox to the system webhook
   * (when set) and to the channels each person in the audience chose (e-mail, WeCom, DingTalk).
   */
  async notify(notification: TaskNotification): Promise<void> {
    const { webhookUrl } = this.config.notifications;
    const channels: Channel[] = [
      ...(webhookUrl ? [{ channel: 'webhook' as const, target: webhookUrl, recipient: null }] : []),
      ...(await this.preferences.channelsFor(notification.audienceGroups)),
    ];
    await this.notifications.record(notification, channels);
  }

  /** 纳入库中 within the pool capacity: the seat is taken before the admission transition. */
  reservePoolSeat(req: SeatRequest): Promise<SeatResult> {
    return this.membership.reserve(req);
  }
}
