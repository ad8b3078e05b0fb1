import { Injectable } from '@nestjs/common';
import { Actor, ledgerRowFacts, problemWorkKinds, Role, Stage, visibleHandling } from '@hardtech/domain';
import type { DivisionOf, ProblemEntity } from '@hardtech/persistence';
import { ClustersRepository, ProblemFilter, ProblemsRepository } from '@hardtech/persistence';

/**
 * The ledger work the reader may do on a ledger row now (`workKinds`): the rule the lifecycle's
 * Update applies, read from what the row keeps of its lifecycle, so 办理 is offered where it succeeds.
 */
export function workKindsOf(actor: Actor, p: ProblemEntity, enterpriseStage: Stage) {
  return problemWorkKinds(actor, p, ledgerRowFacts(p), enterpriseStage);
}

/**
 * A ledger problem (化解问题台账) as the enterprise page and the ledger show it to the reader, with
 * its lead cluster and that cluster's 行业处室 (各行业处室牵头), the 责任部门 of an industry-owned one.
 */
export function problemView(p: ProblemEntity, role: Role, divisionOf: DivisionOf) {
  return {
    id: p.id,
    title: p.title,
    category: p.category,
    measures: p.measures,
    target: p.target,
    ownerDepartment: p.ownerDepartment,
    leadCluster: p.cluster,
    leadDivision: divisionOf(p.cluster),
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
  constructor(
    private readonly problems: ProblemsRepository,
    private readonly clusters: ClustersRepository,
  ) {}

  async list(actor: Actor, filter: ProblemFilter) {
    const [{ items, total }, divisionOf] = await Promise.all([
      this.problems.list(actor, filter),
      this.clusters.divisions(),
    ]);
    return {
      items: items.map(({ problem: p, enterpriseName, enterpriseStage }) => ({
        ...problemView(p, actor.role, divisionOf),
        creditCode: p.creditCode,
        enterpriseName,
        enterpriseStage,
        district: p.district,
        cluster: p.cluster,
        updatedAt: p.updatedAt.toISOString(),
        workKinds: workKindsOf(actor, p, enterpriseStage),
      })),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }
}
