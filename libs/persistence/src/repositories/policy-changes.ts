import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig, CONFIG } from '@hardtech/config';

/** The channel the triggers on policy_versions, calendar_days and calendar_years notify (migration 1765720000000). */
export const POLICY_CHANNEL = 'policy_changed';

/** A connection lost is tried again after this long; meanwhile every read checks the version. */
const RECONNECT_MS = 1000;

/**
 * Whether the policy (its versions, the working-day calendar) may have changed since a moment:
 * `generation` grows on every change this process makes (at once), on every notification from
 * PostgreSQL (another process's change, delivered on commit), and whenever the listening
 * connection is lost or made again (what happened meanwhile is unknown). `listening` is false
 * while there is no connection: then nobody may trust a cache, and readers check the version.
 */
@Injectable()
export class PolicyChanges implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PolicyChanges');
  private client: Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;
  generation = 0;
  listening = false;

  constructor(@Inject(CONFIG) private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    void this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.drop();
  }

  /** This process changed the policy or the calendar: its own next read has the change. */
  changed(): void {
    this.generation += 1;
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.database.url, keepAlive: true });
    this.client = client;
    client.on('notification', () => this.changed());
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${POLICY_CHANNEL}`);
      if (this.client !== client) return;
      this.changed();
      this.listening = true;
    } catch (e) {
      this.lost(client, e as Error);
    }
  }

  private lost(client: Client, e?: Error): void {
    if (this.client !== client) return;
    this.client = null;
    this.listening = false;
    this.changed();
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn(`policy change notices lost${e ? `: ${e.message}` : ''}; listening again shortly`);
    this.retry = setTimeout(() => void this.listen(), RECONNECT_MS);
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.listening = false;
    await client?.end().catch(() => undefined);
  }
}
