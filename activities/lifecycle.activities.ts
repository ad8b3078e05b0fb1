import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, CONFIG } from '@hardtech/config';
import {
  MembershipRepository,
  NotificationsRepository,
  PolicyRepository,
  ProjectionRepository,
} from '@hardtech/persistence';
import { notificationText, Policy } from '@hardtech/domain';
import type {
  LifecycleActivities,
  NotificationReceipt,
  ProjectionDelta,
  ProjectionReceipt,
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

  /** Applies the transition and returns its receipt, which the history of the workflow keeps. */
  project(delta: ProjectionDelta): Promise<ProjectionReceipt> {
    return this.projections.apply(delta);
  }

  /** Reminders and escalations: recorded once, delivered through the outbox (webhook when set). */
  async notify(notification: TaskNotification): Promise<NotificationReceipt> {
    const { webhookUrl } = this.config.notifications;
    await this.notifications.record(
      notification,
      webhookUrl ? [{ channel: 'webhook', target: webhookUrl }] : [],
    );
    const n = notification;
    return {
      kind: 'notification',
      action: n.kind === 'reminder' ? 'task.reminded' : 'task.escalated',
      id: n.id,
      taskId: n.taskId,
      taskType: n.taskType,
      audienceGroups: n.audienceGroups,
      dueAt: n.dueAt,
      label: notificationText(n.kind, n.taskType, n.enterpriseName, n.dueAt),
    };
  }

  /** 纳入库中 within the pool capacity: the seat is taken before the admission transition. */
  reservePoolSeat(req: SeatRequest): Promise<SeatResult> {
    return this.membership.reserve(req);
  }
}
