import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, DEFAULT_PREFERENCES, groupsOf, NotificationPreferences } from '@hardtech/domain';

/** One delivery target of a notification. */
export interface Channel {
  channel: 'webhook' | 'email' | 'wecom' | 'dingtalk';
  target: string;
  recipient: string | null;
}

@Injectable()
export class PreferencesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async get(username: string): Promise<NotificationPreferences> {
    const [row] = await this.ds.query(`SELECT * FROM notification_preferences WHERE username = $1`, [
      username,
    ]);
    return row ? toPreferences(row) : { ...DEFAULT_PREFERENCES };
  }

  async set(username: string, p: NotificationPreferences): Promise<NotificationPreferences> {
    await this.ds.query(
      `INSERT INTO notification_preferences (username, email, email_enabled, wecom_webhook, dingtalk_webhook, dingtalk_secret, digest, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (username) DO UPDATE SET email = EXCLUDED.email, email_enabled = EXCLUDED.email_enabled,
         wecom_webhook = EXCLUDED.wecom_webhook, dingtalk_webhook = EXCLUDED.dingtalk_webhook,
         dingtalk_secret = EXCLUDED.dingtalk_secret, digest = EXCLUDED.digest, updated_at = now()`,
      [username, p.email, p.emailEnabled, p.wecomWebhook, p.dingtalkWebhook, p.dingtalkSecret, p.digest],
    );
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
      .flatMap((p) => channelsOf(p.actor.username, p.prefs));
  }

  /** Active users with preferences beyond the inbox, for digests and audiences. */
  async people(): Promise<{ actor: Actor; prefs: NotificationPreferences }[]> {
    const rows = await this.ds.query(
      `SELECT u.username, u.role, u.scope, u.display_name, p.*
       FROM users u JOIN notification_preferences p ON p.username = u.username
       WHERE u.active AND ((p.email_enabled AND p.email IS NOT NULL) OR p.wecom_webhook IS NOT NULL OR p.dingtalk_webhook IS NOT NULL)`,
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

export function channelsOf(username: string, p: NotificationPreferences): Channel[] {
  const out: Channel[] = [];
  if (p.emailEnabled && p.email) out.push({ channel: 'email', target: p.email, recipient: username });
  if (p.wecomWebhook) out.push({ channel: 'wecom', target: p.wecomWebhook, recipient: username });
  if (p.dingtalkWebhook) out.push({ channel: 'dingtalk', target: p.dingtalkWebhook, recipient: username });
  return out;
}

export function toPreferences(r: any): NotificationPreferences {
  return {
    email: r.email,
    emailEnabled: r.email_enabled,
    wecomWebhook: r.wecom_webhook,
    dingtalkWebhook: r.dingtalk_webhook,
    dingtalkSecret: r.dingtalk_secret,
    digest: r.digest,
  };
}
