import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { NotificationKind } from '@hardtech/domain';
import type { Channel } from './preferences.repository';

/** A new-task notice, reminder or escalation of a task, or a person's digest (no task; figures in data). */
export interface StoredNotification {
  id: string;
  kind: NotificationKind | 'digest' | 'briefing' | 'calendar';
  taskId?: string | null;
  taskType?: string | null;
  creditCode?: string | null;
  enterpriseName?: string | null;
  dueAt?: string | null;
  audienceGroups: string[];
  at: string;
  data?: unknown;
}

export interface Delivery {
  id: number;
  notificationId: string;
  channel: Channel['channel'];
  target: string;
  recipient: string | null;
  attempts: number;
  payload: StoredNotification;
}

/** After this many failed attempts a delivery is given up (and stays visible as failed). */
export const MAX_DELIVERY_ATTEMPTS = 12;

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Records a notification once (its id says what it is about), marks the task it follows up,
   * and queues one delivery per channel. Retried activities change nothing the second time.
   */
  record(n: StoredNotification, channels: Channel[]): Promise<void> {
    return this.ds.transaction(async (m) => {
      const inserted = await m.query(
        `INSERT INTO notifications (id, kind, task_id, task_type, credit_code, enterprise_name, due_at, audience_groups, created_at, data)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          n.id,
          n.kind,
          n.taskId ?? null,
          n.taskType ?? null,
          n.creditCode ?? null,
          n.enterpriseName ?? null,
          n.dueAt ?? null,
          n.audienceGroups,
          n.at,
          n.data === undefined ? null : JSON.stringify(n.data),
        ],
      );
      // Only reminders and escalations mark the task: they are sent once per task.
      if (n.taskId && (n.kind === 'reminder' || n.kind === 'escalation')) {
        const column = n.kind === 'reminder' ? 'reminded_at' : 'escalated_at';
        await m.query(`UPDATE tasks SET ${column} = $2 WHERE id = $1 AND ${column} IS NULL`, [
          n.taskId,
          n.at,
        ]);
      }
      if (!inserted.length) return;
      for (const { channel, target, recipient } of channels) {
        await m.query(
          `INSERT INTO notification_deliveries (notification_id, channel, target, recipient) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING`,
          [n.id, channel, target, recipient],
        );
      }
    });
  }

  /** Takes due deliveries for sending; SKIP LOCKED lets several workers share the outbox. */
  claimDue(limit: number): Promise<Delivery[]> {
    return this.ds.transaction(async (m) => {
      // For UPDATE ... RETURNING the postgres driver answers [rows, affected].
      const [rows] = await m.query(
        `UPDATE notification_deliveries d SET next_attempt_at = now() + interval '5 minutes'
         FROM notifications n
         WHERE d.id IN (
           SELECT id FROM notification_deliveries
           WHERE status = 'pending' AND next_attempt_at <= now()
           ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
           AND n.id = d.notification_id
         RETURNING d.id, d.notification_id, d.channel, d.target, d.recipient, d.attempts, n.kind, n.task_id,
           n.task_type, n.credit_code, n.enterprise_name, n.due_at, n.audience_groups, n.created_at, n.data`,
        [limit],
      );
      return rows.map((r: any) => ({
        id: Number(r.id),
        notificationId: r.notification_id,
        channel: r.channel,
        target: r.target,
        recipient: r.recipient,
        attempts: r.attempts,
        payload: {
          id: r.notification_id,
          kind: r.kind,
          taskId: r.task_id,
          taskType: r.task_type,
          creditCode: r.credit_code,
          enterpriseName: r.enterprise_name,
          dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
          audienceGroups: r.audience_groups,
          at: new Date(r.created_at).toISOString(),
          data: r.data,
        },
      }));
    });
  }

  async delivered(id: number): Promise<void> {
    await this.ds.query(
      `UPDATE notification_deliveries SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = $1`,
      [id],
    );
  }

  /** Exponential backoff from 2 s to 10 min; failed for good after MAX_DELIVERY_ATTEMPTS. */
  async failed(id: number, error: string): Promise<void> {
    await this.ds.query(
      `UPDATE notification_deliveries SET attempts = attempts + 1, last_error = $2,
         status = CASE WHEN attempts + 1 >= $3 THEN 'failed' ELSE 'pending' END,
         next_attempt_at = now() + least(interval '10 minutes', interval '1 second' * power(2, attempts + 1))
       WHERE id = $1`,
      [id, error.slice(0, 1000), MAX_DELIVERY_ATTEMPTS],
    );
  }
}
