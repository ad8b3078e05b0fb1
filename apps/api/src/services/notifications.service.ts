import { Injectable } from '@nestjs/common';
import { Actor, NotFound, notificationText, t, TaskType } from '@hardtech/domain';
import { NotificationFeedRepository } from '@hardtech/persistence';

@Injectable()
export class NotificationsService {
  constructor(private readonly feed: NotificationFeedRepository) {}

  async list(actor: Actor, unreadOnly: boolean, page: number, pageSize: number) {
    const { items, total, unread } = await this.feed.list(actor, unreadOnly, page, pageSize);
    return {
      items: items.map((n) => ({
        id: n.id,
        kind: n.kind,
        text: notificationText(n.kind, n.taskType as TaskType, n.enterpriseName, n.dueAt.toISOString()),
        taskId: n.taskId,
        taskType: n.taskType,
        creditCode: n.creditCode,
        enterpriseName: n.enterpriseName,
        dueAt: n.dueAt.toISOString(),
        createdAt: n.createdAt.toISOString(),
        read: n.read,
      })),
      total,
      unread,
      page,
      pageSize,
    };
  }

  async markRead(actor: Actor, id: string): Promise<{ id: string; read: true }> {
    if (!(await this.feed.markRead(actor, id))) {
      throw new NotFound('NOTIFICATION_NOT_FOUND', t('通知不存在', 'no such notification'));
    }
    return { id, read: true };
  }

  async markAllRead(actor: Actor): Promise<{ marked: number }> {
    return { marked: await this.feed.markAllRead(actor) };
  }
}
