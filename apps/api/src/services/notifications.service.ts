import { Injectable } from '@nestjs/common';
import { Actor, carriedText, NotFound, notificationText, t, TaskType, Text } from '@hardtech/domain';
import { FeedRow, NotificationFeedRepository } from '@hardtech/persistence';

/** A digest and a briefing carry their own text (written when sent); the task notices are built. */
function feedText(n: FeedRow): Text {
  const carried = carriedText(n.data);
  if (carried) return carried;
  if (n.kind === 'digest' || n.kind === 'briefing' || n.kind === 'calendar' || !n.dueAt) {
    const text = (n.data as { text?: Text } | null)?.text;
    if (text && typeof text.zh === 'string') return text;
    return n.kind === 'briefing' ? t('调度会材料', 'Dispatch meeting pack') : t('待办汇总', 'Task digest');
  }
  return notificationText(n.kind, n.taskType as TaskType, n.enterpriseName ?? '', n.dueAt.toISOString());
}

@Injectable()
export class NotificationsService {
  constructor(private readonly feed: NotificationFeedRepository) {}

  async list(actor: Actor, unreadOnly: boolean, page: number, pageSize: number) {
    const { items, total, unread } = await this.feed.list(actor, unreadOnly, page, pageSize);
    return {
      items: items.map((n) => ({
        id: n.id,
        kind: n.kind,
        text: feedText(n),
        taskId: n.taskId,
        taskType: n.taskType,
        creditCode: n.creditCode,
        enterpriseName: n.enterpriseName,
        dueAt: n.dueAt?.toISOString() ?? null,
        quarter: n.kind === 'briefing' ? ((n.data as { quarter?: string } | null)?.quarter ?? null) : null,
        createdAt: n.createdAt.toISOString(),
        read: n.read,
        taskOpen: n.taskOpen,
        taskStatus: n.taskStatus,
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
