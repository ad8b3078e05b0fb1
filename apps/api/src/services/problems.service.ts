import { Injectable } from '@nestjs/common';
import { Actor, Role, visibleHandling } from '@hardtech/domain';
import type { ProblemEntity } from '@hardtech/persistence';
import { ProblemFilter, ProblemsRepository } from '@hardtech/persistence';

/** A ledger problem (化解问题台账) as the enterprise page and the ledger show it to the reader. */
export function problemView(p: ProblemEntity, role: Role) {
  return {
    id: p.id,
    title: p.title,
    category: p.category,
    measures: p.measures,
    target: p.target,
    ownerDepartment: p.ownerDepartment,
    dueAt: p.dueAt,
    status: p.status,
    special: visibleHandling(role, p.special),
    whistleStatus: p.whistleStatus,
    whistledAt: p.whistledAt?.toISOString() ?? null,
    // Addressed to the enterprise (class `reply`): by department, never which officer.
    whistleAnswer: p.whistle?.answer ?? null,
  };
}

@Injectable()
export class ProblemsService {
  constructor(private readonly problems: ProblemsRepository) {}

  async list(actor: Actor, filter: ProblemFilter) {
    const { items, total } = await this.problems.list(actor, filter);
    return {
      items: items.map(({ problem: p, enterpriseName, enterpriseStage }) => ({
        ...problemView(p, actor.role),
        creditCode: p.creditCode,
        enterpriseName,
        enterpriseStage,
        district: p.district,
        cluster: p.cluster,
        updatedAt: p.updatedAt.toISOString(),
      })),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }
}
