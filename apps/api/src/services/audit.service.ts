import { Injectable } from '@nestjs/common';
import { AuditFilter, AuditRepository } from '@hardtech/persistence';

/** The audit log for auditors: filtered pages, newest first, and the chain's verification. */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  async list(filter: AuditFilter) {
    const { items, total } = await this.audit.list(filter);
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  verify() {
    return this.audit.verify();
  }
}
