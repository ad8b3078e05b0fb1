import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  DEFAULT_PREFERENCES,
  groupsOf,
  NotificationPreferences,
  robotsDelivered,
} from '@hardtech/domain';

/** One delivery target of a notification. */
export interface Channel {
  /** wecom / dingtalk: group robots; wecom_app / dingtalk_app: messages to one person's id. */
  channel: 'webhook' | 'email' | 'wecom' | 'dingtalk' | 'wecom_app' | 'dingtalk_app';
  target: string;
  recipient: string | null;
}

@Injectable()
export class PreferencesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async get(username: string): Promise<NotificationPreferences> {
    const [row] = await this.ds.query(
      `SELECT ${PREFERENCE_COLUMNS} FROM users u LEFT JOIN notification_preferences p ON p.username = u.username
       WHERE u.username = $1`,
      [username],
    );
    return row ? toPreferences(row) : { ...DEFAULT_PREFERENCES };
  }

  /** The ids in the 企业微信 / 钉钉 directories are the user's (users), the rest preferences. */
  async set(username: string, p: NotificationPreferences): Promise<NotificationPreferences> {
    await this.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO notification_preferences (username, email, email_enabled, wecom_webhook, dingtalk_webhook,
           dingtalk_secret, digest, wecom_app, dingtalk_app, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
         ON CONFLICT (username) DO UPDATE SET email = EXCLUDED.email, email_enabled = EXCLUDED.email_enabled,
           wecom_webhook = EXCLUDED.wecom_webhook, dingtalk_webhook = EXCLUDED.dingtalk_webhook,
           dingtalk_secret = EXCLUDED.dingtalk_secret, digest = EXCLUDED.digest, wecom_app = EXCLUDED.wecom_app,
           dingtalk_app = EXCLUDED.dingtalk_app, updated_at = now()`,
        [
          username,
          p.email,
          p.emailEnabled,
          p.wecomWebhook,
          p.dingtalkWebhook,
          p.dingtalkSecret,
          p.digest,
          p.wecomApp,
          p.dingtalkApp,
        ],
      );
      await m.query(`UPDATE users SET wecom_user_id = $2, dingtalk_user_id = $3 WHERE username = $1`, [
        username,
        p.wecomUserId || null, // an emptied field clears the id
        p.dingtalkUserId || null,
      ]);
    });
    return this.get(username);
  }

  /**
   * The channels of every active user in the audience (candidate groups, libs/domain/src/access.ts)
   * who asked for reminders outside the inbox.
   */
  async channelsFor(audienceGroups: readonly string[]): Promise<Channel[]> {
    const wanted = new Set(audienceGroups);
    const people = await this.people();
    return people
      .filter((p) => groupsOf(p.actor).some((g) => wanted.has(g)))
      .flatMap((p) => channelsOf(p.actor, p.prefs));
  }

  /** Active users with preferences beyond the inbox, for digests and audiences. */
  async people(): Promise<{ actor: Actor; prefs: NotificationPreferences }[]> {
    const rows = await this.ds.query(
      `SELECT u.username, u.role, u.scope, u.display_name, ${PREFERENCE_COLUMNS}
       FROM users u LEFT JOIN notification_preferences p ON p.username = u.username
       WHERE u.active AND ((p.email_enabled AND p.email IS NOT NULL) OR p.wecom_webhook IS NOT NULL
         OR p.dingtalk_webhook IS NOT NULL OR u.wecom_user_id IS NOT NULL OR u.dingtalk_user_id IS NOT NULL)`,
    );
    return rows.map((r: any) => ({
      actor: { username: r.username, role: r.role, scope: r.scope, displayName: r.display_name },
      prefs: toPreferences(r),
    }));
  }

  async dingtalkSecret(username: string): Promise<string | null> {
    return (await this.get(username)).dingtalkSecret;
  }
}

/** The system webhook (NOTIFY_WEBHOOK_URL), which receives every notification, when one is set. */
export function systemChannels(webhookUrl: string | undefined): Channel[] {
  return webhookUrl ? [{ channel: 'webhook', target: webhookUrl, recipient: null }] : [];
}

/** Where one person's notices go: the channels they chose, robots only where their role has them. */
export function channelsOf(actor: Pick<Actor, 'username' | 'role'>, p: NotificationPreferences): Channel[] {
  const username = actor.username;
  const robots = robotsDelivered(actor.role);
  const out: Channel[] = [];
  if (p.emailEnabled && p.email) out.push({ channel: 'email', target: p.email, recipient: username });
  if (robots && p.wecomWebhook) out.push({ channel: 'wecom', target: p.wecomWebhook, recipient: username });
  if (robots && p.dingtalkWebhook)
    out.push({ channel: 'dingtalk', target: p.dingtalkWebhook, recipient: username });
  if (p.wecomApp && p.wecomUserId)
    out.push({ channel: 'wecom_app', target: p.wecomUserId, recipient: username });
  if (p.dingtalkApp && p.dingtalkUserId)
    out.push({ channel: 'dingtalk_app', target: p.dingtalkUserId, recipient: username });
  return out;
}

/** The columns toPreferences reads, from users u LEFT JOIN notification_preferences p. */
export const PREFERENCE_COLUMNS = `p.username IS NOT NULL AS has_preferences, p.email, p.email_enabled,
  p.wecom_webhook, p.dingtalk_webhook, p.dingtalk_secret, p.digest, p.wecom_app, p.dingtalk_app,
  u.wecom_user_id, u.dingtalk_user_id`;

/** A row of PREFERENCE_COLUMNS; the defaults where the user has never saved preferences. */
export function toPreferences(r: any): NotificationPreferences {
  const ids = { wecomUserId: r.wecom_user_id ?? null, dingtalkUserId: r.dingtalk_user_id ?? null };
  if (!r.has_preferences) return { ...DEFAULT_PREFERENCES, ...ids };
  return {
    email: r.email,
    emailEnabled: r.email_enabled,
    wecomWebhook: r.wecom_webhook,
    dingtalkWebhook: r.dingtalk_webhook,
    dingtalkSecret: r.dingtalk_secret,
    digest: r.digest,
    wecomApp: r.wecom_app,
    dingtalkApp: r.dingtalk_app,
    ...ids,
  };
}
