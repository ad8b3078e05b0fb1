import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, CONFIG } from '@hardtech/config';
import {
  MembershipRepository,
  NotificationsRepository,
  PolicyRepository,
  ProjectionRepository,
} from '@hardtech/persistence';
import type { Policy } from '@hardtech/domain';
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
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  activePolicy(): Promise<Policy> {
    return this.policies.active();
  }

  project(delta: ProjectionDelta): Promise<void> {
    return this.projections.apply(delta);
  }

  /** Reminders and escalations: recorded once, delivered through the outbox (webhook when set). */
  notify(notification: TaskNotification): Promise<void> {
    const { webhookUrl } = this.config.notifications;
    return this.notifications.record(
      notification,
      webhookUrl ? [{ channel: 'webhook', target: webhookUrl }] : [],
    );
  }

  /** 纳入库中 within the pool capacity: the seat is taken before the admission transition. */
  reservePoolSeat(req: SeatRequest): Promise<SeatResult> {
    return this.membership.reserve(req);
  }
}
