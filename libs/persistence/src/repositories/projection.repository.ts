import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProjectionDelta, ProjectionReceipt, projectionReceipt } from '@hardtech/temporal/lifecycle.contract';
import { AppConfig, CONFIG } from '@hardtech/config';
import type { ProjectionContext } from '../projection/writer';
import { writeProjection } from '../projection/writers';
import { auditChainKeyOf } from './audit.repository';

/**
 * Applies a workflow transition to the read model: one transaction, one writer per table
 * (projection/writers.ts), each writing what the transition changed. Every statement is idempotent
 * (keyed by task, problem, quarter and transition), because activities are retried; the
 * enterprise row only moves forward by (lifecycle, seq).
 */
@Injectable()
export class ProjectionRepository {
  private readonly context: ProjectionContext;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.context = { auditChain: auditChainKeyOf(config) };
  }

  /** Applies the transition and logs it in the audit trail, in one transaction; answers the receipt. */
  async apply(delta: ProjectionDelta): Promise<ProjectionReceipt> {
    await this.ds.transaction((m) => writeProjection(m, delta, this.context));
    return projectionReceipt(delta);
  }
}
