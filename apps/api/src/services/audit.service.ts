import { Injectable } from '@nestjs/common';
import { AuditFilter, AuditRepository } from '@hardtech/persistence';
import type { AuditVerification } from '@hardtech/domain';
import { AuditCheckpoints } from '../audit/audit-checkpoints.service';

/** The audit log for auditors: filtered pages, newest first, and the chain's verification. */
@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly checkpoints: AuditCheckpoints,
  ) {}

  async list(filter: AuditFilter) {
    const { items, total } = await this.audit.list(filter);
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  /** The whole chain, against the last signed checkpoint. */
  async verify(): Promise<AuditVerification> {
    const checkpoint = await this.checkpoints.latest();
    const check = await this.audit.verify(checkpoint);
    return {
      ok: check.ok,
      checked: check.checked,
      firstBrokenAt: check.firstBrokenAt,
      reason: check.reason,
      head: check.head,
      checkpoint: checkpoint && { seq: checkpoint.seq, hash: checkpoint.hash, at: checkpoint.at },
    };
  }
}
