import { createHmac } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, CONFIG } from '@hardtech/config';
import { notificationText } from '@hardtech/domain';
import { Delivery, NotificationsRepository } from '@hardtech/persistence';

const POLL_MS = 1000;
const BATCH = 20;
const TIMEOUT_MS = 10_000;

/** The signature a receiver checks: HMAC-SHA256 over `<timestamp>.<body>` with the shared secret. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Drains the notification outbox to the webhook: signed, retried with backoff until delivered
 * (notifications_deliveries keeps every attempt's outcome). Several workers share the outbox.
 */
@Injectable()
export class WebhookDeliverer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookDeliverer');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly outbox: NotificationsRepository,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.notifications.webhookUrl) return;
    this.timer = setInterval(() => {
      this.running ??= this.drain().finally(() => (this.running = null));
    }, POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async drain(): Promise<void> {
    try {
      for (const delivery of await this.outbox.claimDue(BATCH)) await this.send(delivery);
    } catch (e) {
      this.logger.warn(`outbox: ${(e as Error).message}`);
    }
  }

  private async send(d: Delivery): Promise<void> {
    const p = d.payload;
    const body = JSON.stringify({
      notification: p,
      text: notificationText(p.kind, p.taskType, p.enterpriseName, p.dueAt),
      attempt: d.attempts + 1,
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    try {
      const res = await fetch(d.target, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'x-hardtech-event': p.kind,
          'x-hardtech-delivery': String(d.id),
          'x-hardtech-timestamp': timestamp,
          'x-hardtech-signature': signature(this.config.notifications.webhookSecret!, timestamp, body),
        },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      await this.outbox.delivered(d.id);
    } catch (e) {
      await this.outbox.failed(d.id, (e as Error).message);
    }
  }
}
