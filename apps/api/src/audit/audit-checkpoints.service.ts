import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { AppConfig, CONFIG } from '@hardtech/config';
import { AuditRepository, auditChainKeyOf } from '@hardtech/persistence';
import { CheckpointFile } from '@hardtech/persistence/audit-chain/checkpoint-file';
import { SignedCheckpoint, signCheckpoint } from '@hardtech/persistence/audit-chain/checkpoint';
import { AuditChainKey } from '@hardtech/persistence/audit-chain/keyed-hash';

/**
 * Signed checkpoints of the audit chain's head (issue 20.2): at start, every
 * AUDIT_CHECKPOINT_INTERVAL seconds (default 15 minutes) and before the API stops, into
 * AUDIT_CHECKPOINT_DIR and the log. A checkpoint is signed only after the rows since the previous
 * one verified: a chain already broken is reported, never vouched for. A head already signed is
 * not signed again.
 */
@Injectable()
export class AuditCheckpoints implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditCheckpoints');
  private readonly key: AuditChainKey;
  private readonly file: CheckpointFile;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<SignedCheckpoint | null> = Promise.resolve(null);

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditRepository,
  ) {
    this.key = auditChainKeyOf(config);
    this.file = new CheckpointFile(config.audit.checkpointDir, this.key);
  }

  latest(): Promise<SignedCheckpoint | null> {
    return this.file.latest();
  }

  onApplicationBootstrap(): void {
    void this.checkpoint();
    this.timer = setInterval(
      () => void this.checkpoint(),
      this.config.audit.checkpointIntervalSeconds * 1000,
    );
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.checkpoint();
  }

  /** Verifies the rows since the last checkpoint and signs the head; one at a time per process. */
  checkpoint(): Promise<SignedCheckpoint | null> {
    this.writing = this.writing.then(
      () => this.write(),
      () => this.write(),
    );
    return this.writing;
  }

  private async write(): Promise<SignedCheckpoint | null> {
    try {
      const last = await this.file.latest();
      const check = await this.audit.verify(last, last ?? undefined);
      if (!check.ok) {
        this.logger.error(
          `audit chain broken at seq ${check.firstBrokenAt} (${check.reason}): no checkpoint signed`,
        );
        return null;
      }
      if (last && last.seq === check.head.seq && last.hash === check.head.hash) {
        return last; // nothing appended since: the last checkpoint still vouches for the head
      }
      const signed = signCheckpoint(this.key, check.head, check.legacyThrough, new Date());
      await this.file.append(signed);
      this.logger.log(`audit.checkpoint ${JSON.stringify(signed)}`);
      return signed;
    } catch (e) {
      this.logger.error(`audit checkpoint not written: ${e instanceof Error ? e.message : e}`);
      return null;
    }
  }
}
