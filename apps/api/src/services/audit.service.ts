import { Injectable } from '@nestjs/common';
import { AuditFilter, AuditRepository, UsersRepository } from '@hardtech/persistence';
import type { AuditVerification, NamedAuditEvent } from '@hardtech/domain';
import { AuditCheckpoints } from '../audit/audit-checkpoints.service';

/** The audit log for auditors: filtered pages, newest first, and the chain's verification. */
@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly checkpoints: AuditCheckpoints,
    private readonly users: UsersRepository,
  ) {}

  /** A page of events, each actor by name beside the account (one query for the page's names). */
  async list(filter: AuditFilter) {
    const { items, total } = await this.audit.list(filter);
    const names = await this.users.displayNames(items.map((e) => e.actor).filter((a) => a !== null));
    const named: NamedAuditEvent[] = items.map((e) => ({
      ...e,
      actorName: (e.actor && names.get(e.actor)) ?? null,
    }));
    return { items: named, total, page: filter.page, pageSize: filter.pageSize };
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
