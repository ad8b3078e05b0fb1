import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, groupsOf, NotificationKind } from '@hardtech/domain';

/** A reminder or escalation of a task, or a person's digest (no task, no due date; its text in data). */
export interface FeedRow {
  id: string;
  kind: NotificationKind | 'digest' | 'briefing' | 'calendar';
  taskId: string | null;
  taskType: string | null;
  creditCode: string | null;
  enterpriseName: string | null;
  dueAt: Date | null;
  data: unknown;
  createdAt: Date;
  /** Read by the caller, or about a task that is no longer open (nothing left to act on). */
  read: boolean;
  /** Whether the task it is about is still open; null when it is about no task. */
  taskOpen: boolean | null;
  /** The task's status: done, or cancelled (退回, 撤回 of what opened it); null when about no task. */
  taskStatus: 'open' | 'done' | 'cancelled' | null;
}

/**
 * The caller's notifications: those addressed to a group they belong to — task notices, reminders
 * and escalations, and their own digests (addressed to `user:<name>`, no task, text in data).
 */
@Injectable()
export class NotificationFeedRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(actor: Actor, unreadOnly: boolean, page: number, pageSize: number) {
    const groups = groupsOf(actor);
    // A notice about a task that is done or cancelled asks nothing more of anyone: it counts as read.
    const unreadNow = `r.notification_id IS NULL AND (t.id IS NULL OR t.status = 'open')`;
    const where = `n.audience_groups && $1::text[] ${unreadOnly ? `AND ${unreadNow}` : ''}`;
    const from = `FROM notifications n LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.username = $2
      LEFT JOIN tasks t ON t.id = n.task_id`;
    const [rows, [{ total, unread }]] = await Promise.all([
      this.ds.query(
        `SELECT n.id, n.kind, n.task_id, n.task_type, n.credit_code, n.enterprise_name, n.due_at, n.created_at,
           n.data, NOT (${unreadNow}) AS read, t.status AS task_status
         ${from} WHERE ${where} ORDER BY n.created_at DESC, n.id LIMIT $3 OFFSET $4`,
        [groups, actor.username, pageSize, (page - 1) * pageSize],
      ),
      this.ds.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE ${unreadNow})::int AS unread
         ${from} WHERE n.audience_groups && $1::text[]`,
        [groups, actor.username],
      ),
    ]);
    const items: FeedRow[] = rows.map((r: any) => ({
      id: r.id,
      kind: r.kind,
      taskId: r.task_id,
      taskType: r.task_type,
      creditCode: r.credit_code,
      enterpriseName: r.enterprise_name,
      dueAt: r.due_at,
      data: r.data,
      createdAt: r.created_at,
      read: r.read,
      taskOpen: r.task_status == null ? null : r.task_status === 'open',
      taskStatus: r.task_status ?? null,
    }));
    return { items, total: unreadOnly ? unread : total, unread };
  }

  /** Marks one notification read; false when it is not the caller's. */
  async markRead(actor: Actor, id: string): Promise<boolean> {
    const rows = await this.ds.query(
      `INSERT INTO notification_reads (notification_id, username)
       SELECT id, $2 FROM notifications WHERE id = $1 AND audience_groups && $3::text[]
       ON CONFLICT DO NOTHING RETURNING notification_id`,
      [id, actor.username, groupsOf(actor)],
    );
    if (rows.length) return true;
    const mine = await this.ds.query(
      `SELECT 1 FROM notifications WHERE id = $1 AND audience_groups && $2::text[]`,
      [id, groupsOf(actor)],
    );
    return mine.length > 0;
  }

  async markAllRead(actor: Actor): Promise<number> {
    const rows = await this.ds.query(
      `INSERT INTO notification_reads (notification_id, username)
       SELECT id, $1 FROM notifications WHERE audience_groups && $2::text[]
       ON CONFLICT DO NOTHING RETURNING notification_id`,
      [actor.username, groupsOf(actor)],
    );
    return rows.length;
  }
}
