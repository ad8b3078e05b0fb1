import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig, CONFIG } from '@hardtech/config';
import { carriedText, NotificationKind, notificationText, Text, TaskType } from '@hardtech/domain';
import {
  Delivery,
  NotificationsRepository,
  PreferencesRepository,
  ProblemDecisionNoticesRepository,
  SecurityPolicyRepository,
  TaskNoticesRepository,
} from '@hardtech/persistence';
import {
  corpCard,
  dingtalkBody,
  dingtalkSignedUrl,
  Message,
  robotAccepted,
  webhookRequest,
  wecomBody,
} from './channels';
import { postOutbound } from './outbound-request';
import { DingtalkAppClient } from './dingtalk-app.client';
import { WecomAppClient } from './wecom-app.client';

const POLL_MS = 1000;
const BATCH = 20;
/** Opened tasks fanned out per poll: a quarterly dispatch's thousand tasks take seconds, not a stall. */
const NOTICE_BATCH = 100;
const TIMEOUT_MS = 10_000;

/**
 * Fans out the new-task and decision notices the projection queued (TaskNoticesRepository,
 * ProblemDecisionNoticesRepository), then drains the
 * notification outbox: the system webhook (signed), 企业微信 and 钉钉 group robots, 企业微信
 * application messages and 钉钉 work notices to one person, and e-mail, each retried with backoff until delivered; every attempt's outcome stays in
 * notification_deliveries. Several workers share the outbox (rows are claimed with SKIP LOCKED).
 */
@Injectable()
export class NotificationDeliverer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationDeliverer');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private mailer: Transporter | null = null;
  private readonly wecomApp: WecomAppClient | null;
  private readonly dingtalkApp: DingtalkAppClient | null;

  constructor(
    private readonly outbox: NotificationsRepository,
    private readonly notices: TaskNoticesRepository,
    private readonly decisions: ProblemDecisionNoticesRepository,
    private readonly preferences: PreferencesRepository,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly security: SecurityPolicyRepository,
  ) {
    const { wecomApp, dingtalkApp } = config.notifications;
    this.wecomApp = wecomApp ? new WecomAppClient(wecomApp) : null;
    this.dingtalkApp = dingtalkApp ? new DingtalkAppClient(dingtalkApp) : null;
  }

  onApplicationBootstrap(): void {
    if (this.config.notifications.smtpUrl) this.mailer = createTransport(this.config.notifications.smtpUrl);
    this.timer = setInterval(() => {
      this.running ??= this.drain().finally(() => (this.running = null));
    }, POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.mailer?.close();
  }

  private async drain(): Promise<void> {
    try {
      await this.notices.sweep(NOTICE_BATCH);
      await this.decisions.sweep(NOTICE_BATCH);
      for (const delivery of await this.outbox.claimDue(BATCH)) await this.deliver(delivery);
    } catch (e) {
      this.logger.warn(`outbox: ${(e as Error).message}`);
    }
  }

  private async deliver(d: Delivery): Promise<void> {
    try {
      await this.send(d, this.message(d));
      await this.outbox.delivered(d.id);
    } catch (e) {
      await this.outbox.failed(d.id, (e as Error).message);
    }
  }

  private message(d: Delivery): Message {
    const p = d.payload;
    const text: Text =
      // A digest, an urge, a copy and an overdue ledger problem carry their text (no task to word it from).
      carriedText(p.data) ??
      notificationText(
        p.kind as NotificationKind,
        p.taskType as TaskType,
        p.enterpriseName ?? '',
        p.dueAt ?? p.at,
      );
    return { text, payload: p, event: p.kind, deliveryId: d.id, attempt: d.attempts + 1 };
  }

  private async send(d: Delivery, m: Message): Promise<void> {
    // Checked again at send time, with the security policy as it is now.
    const policy = await this.security.outboundPolicy();
    const post = (url: string, body: string, headers: Record<string, string> = {}) =>
      postOutbound(url, body, { 'content-type': 'application/json', ...headers }, policy, TIMEOUT_MS);
    switch (d.channel) {
      case 'webhook': {
        const { body, headers } = webhookRequest(m, this.config.notifications.webhookSecret ?? '');
        const res = await post(d.target, body, headers);
        if (res.status < 200 || res.status >= 300) throw new Error(`HTTP ${res.status}`);
        return;
      }
      case 'wecom':
        return robotAccepted(await post(d.target, wecomBody(m)));
      case 'dingtalk': {
        const secret = d.recipient ? await this.preferences.dingtalkSecret(d.recipient) : null;
        return robotAccepted(
          await post(secret ? dingtalkSignedUrl(d.target, secret) : d.target, dingtalkBody(m)),
        );
      }
      case 'wecom_app':
        if (!this.wecomApp) throw new Error('no 企业微信 application configured (WECOM_CORP_ID)');
        return this.wecomApp.send(d.target, corpCard(d.payload, m.text, this.config.notifications.publicUrl));
      case 'dingtalk_app':
        if (!this.dingtalkApp) throw new Error('no 钉钉 application configured (DINGTALK_APP_KEY)');
        return this.dingtalkApp.send(
          d.target,
          corpCard(d.payload, m.text, this.config.notifications.publicUrl),
        );
      case 'email': {
        if (!this.mailer) throw new Error('no SMTP server configured (SMTP_URL)');
        await this.mailer.sendMail({
          from: this.config.notifications.smtpFrom,
          to: d.target,
          subject: m.text.zh.split('\n')[0].slice(0, 120),
          text: `${m.text.zh}\n\n${m.text.en}`,
        });
        return;
      }
    }
  }
}
