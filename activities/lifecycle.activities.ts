import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, CONFIG } from '@hardtech/config';
import {
  ActivePolicy,
  carriedText,
  NotificationKind,
  notificationText,
  problemOverdueText,
} from '@hardtech/domain';
import {
  ActivePolicyRepository,
  Channel,
  PreferencesRepository,
  MembershipRepository,
  NotificationsRepository,
  ProjectionRepository,
  systemChannels,
} from '@hardtech/persistence';
import type {
  LifecycleActivities,
  NotificationReceipt,
  ProblemNotification,
  ProjectionDelta,
  ProjectionReceipt,
  SeatRequest,
  SeatResult,
  TaskNotification,
} from '@hardtech/temporal/lifecycle.contract';

/** How the history names what `notify` sent (催办 and 抄送 of issue 17 beside reminders). */
const NOTICE_ACTIONS: Partial<Record<NotificationKind, NotificationReceipt['action']>> = {
  reminder: 'task.reminded',
  escalation: 'task.escalated',
  urge: 'task.urged',
  cc: 'task.copied',
};

/** The lifecycle's side effects: the active policy, projecting transitions, pool seats. */
@Injectable()
export class LifecycleActivitiesService implements LifecycleActivities {
  constructor(
    private readonly policies: ActivePolicyRepository,
    private readonly projections: ProjectionRepository,
    private readonly membership: MembershipRepository,
    private readonly notifications: NotificationsRepository,
    private readonly preferences: PreferencesRepository,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The active policy with its calendar: the workflow computes deadlines from it deterministically
   * (the result is in history). A workflow asks only where no caller carried it; cached by version
   * like the API's (ActivePolicyRepository.current: a new version or calendar edit is seen as soon
   * as PostgreSQL's notice of it arrives).
   */
  activePolicy(): Promise<ActivePolicy> {
    return this.policies.current();
  }

  /** Applies the transition and returns its receipt, which the history of the workflow keeps. */
  project(delta: ProjectionDelta): Promise<ProjectionReceipt> {
    return this.projections.apply(delta);
  }

  /**
   * Reminders and escalations: recorded once, delivered through the outbox to the system webhook
   * (when set) and to the channels each person in the audience chose (e-mail, WeCom, DingTalk).
   * The receipt it returns is what the workflow history keeps of it.
   */
  async notify(notification: TaskNotification | ProblemNotification): Promise<NotificationReceipt> {
    const channels: Channel[] = [
      ...systemChannels(this.config.notifications.webhookUrl),
      ...(await this.preferences.channelsFor(notification.audienceGroups)),
    ];
    if ('problemId' in notification) return this.notifyOverdueProblem(notification, channels);
    await this.notifications.record(notification, channels);
    const n = notification;
    return {
      kind: 'notification',
      action: NOTICE_ACTIONS[n.kind] ?? 'task.escalated',
      id: n.id,
      taskId: n.taskId,
      taskType: n.taskType,
      audienceGroups: n.audienceGroups,
      dueAt: n.dueAt,
      label: carriedText(n.data) ?? notificationText(n.kind, n.taskType, n.enterpriseName, n.dueAt),
    };
  }

  /** An overdue ledger problem: no task to follow up, so its text travels in the notice's data. */
  private async notifyOverdueProblem(
    n: ProblemNotification,
    channels: Channel[],
  ): Promise<NotificationReceipt> {
    const label = problemOverdueText(n.kind, n.enterpriseName, n.problemTitle, n.dueAt);
    await this.notifications.record(
      {
        id: n.id,
        kind: n.kind,
        creditCode: n.creditCode,
        enterpriseName: n.enterpriseName,
        audienceGroups: n.audienceGroups,
        at: n.at,
        data: { text: label, problemId: n.problemId, problemDueAt: n.dueAt },
      },
      channels,
    );
    return {
      kind: 'notification',
      action: n.kind === 'reminder' ? 'problem.reminded' : 'problem.escalated',
      id: n.id,
      taskId: null,
      taskType: null,
      problemId: n.problemId,
      audienceGroups: n.audienceGroups,
      dueAt: n.dueAt,
      label,
    };
  }

  /** 纳入库中 within the pool capacity: the seat is taken before the admission transition. */
  reservePoolSeat(req: SeatRequest): Promise<SeatResult> {
    return this.membership.reserve(req);
  }
}
