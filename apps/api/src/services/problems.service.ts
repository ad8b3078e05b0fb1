import { Injectable } from '@nestjs/common';
import type { Actor } from '@hardtech/domain';
import { ProblemFilter, ProblemsRepository } from '../repositories/problems.repository';

@Injectable()
export class ProblemsService {
  constructor(private readonly problems: ProblemsRepository) {}

  async list(actor: Actor, filter: ProblemFilter) {
    const { items, total } = await this.problems.list(actor, filter);
    return {
      items: items.map(({ problem: p, enterpriseName }) => ({
        id: p.id,
        creditCode: p.creditCode,
        enterpriseName,
        title: p.title,
        category: p.category,
        measures: p.measures,
        target: p.target,
        ownerDepartment: p.ownerDepartment,
        dueAt: p.dueAt,
        status: p.status,
        special: p.special,
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
