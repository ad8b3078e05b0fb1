import { Injectable } from '@nestjs/common';
import { AuditFilter, AuditRepository, UsersRepository } from '@hardtech/persistence';
import { transitionSummary } from '@hardtech/domain';
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

  /**
   * A page of events, each actor by name and department beside the account, each workflow
   * transition read as the business event it was (one query for the page's people, one for its
   * transitions' tasks and stages).
   */
  async list(filter: AuditFilter) {
    const { items, total } = await this.audit.list(filter);
    const principals = items.flatMap((e) =>
      e.action === 'workflow.transition'
        ? ((e.data.closed as { onBehalfOf?: unknown }[] | undefined) ?? []).flatMap((c) =>
            typeof c?.onBehalfOf === 'string' ? [c.onBehalfOf] : [],
          )
        : [],
    );
    const [people, facts] = await Promise.all([
      this.users.people([...items.flatMap((e) => e.actor ?? []), ...principals]),
      this.audit.transitionFacts(items),
    ]);
    const name = (username: string) => people.get(username)?.displayName ?? null;
    const named: NamedAuditEvent[] = items.map((e) => {
      const person = e.actor ? people.get(e.actor) : undefined;
      return {
        ...e,
        actorName: person?.displayName ?? null,
        actorDepartment: person?.department ?? null,
        transition:
          e.action === 'workflow.transition'
            ? transitionSummary(e.data, facts.get(e.seq) ?? { taskType: null, stageChange: null }, name)
            : null,
      };
    });
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
