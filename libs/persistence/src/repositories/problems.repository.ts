import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor, LedgerStatus, ProblemCategory, ProblemPlan, ProblemStatus, Stage } from '@hardtech/domain';
import { ProblemEntity } from '../entities';
import { AccessService } from '../access/access.service';
import { inClusterSql } from './in-cluster';
import { ledgerOrder, ledgerStatus, lifecycleRunning } from './lifecycle-running';

export interface ProblemFilter {
  owner?: string;
  /** As the ledger counts it: `ended` for the unresolved problems of an ended lifecycle. */
  status?: LedgerStatus;
  category?: ProblemCategory;
  creditCode?: string;
  district?: string;
  /** The problem's lifecycle's nomination or lead cluster, as the enterprise list's `cluster`. */
  cluster?: string;
  /** Part of the enterprise's name (the ledger page's search box). */
  q?: string;
  overdue?: boolean;
  page: number;
  pageSize: number;
}

export interface LedgerRow {
  problem: ProblemEntity;
  enterpriseName: string;
  /** Whether the lifecycle that works the problem still runs (problemWorkEnded). */
  enterpriseStage: Stage;
}

interface EnterpriseColumns {
  enterprise_name: string;
  enterprise_stage: Stage;
}

const rowOf = (problem: ProblemEntity, raw: EnterpriseColumns): LedgerRow => ({
  problem,
  enterpriseName: raw.enterprise_name,
  enterpriseStage: raw.enterprise_stage,
});

/** 化解问题台账: problems of the current lifecycles, within the caller's scope. */
@Injectable()
export class ProblemsRepository {
  constructor(
    @InjectRepository(ProblemEntity) private readonly repo: Repository<ProblemEntity>,
    private readonly access: AccessService,
  ) {}

  /**
   * A ledger problem if the caller may see it (the same rule as the ledger list). One of an earlier
   * lifecycle (the enterprise nominated again) is as that lifecycle left it: its stage is that
   * lifecycle's final one, so its work is refused as the ledger refused it then (problemWorkEnded),
   * not offered to the next lifecycle, which never had the problem.
   */
  async findVisible(actor: Actor, id: string): Promise<LedgerRow | null> {
    const scope = this.access.problems(actor, 'p', 'e');
    const { entities, raw } = await this.repo
      .createQueryBuilder('p')
      .innerJoin('enterprises', 'e', 'e.credit_code = p.credit_code')
      .leftJoin('lifecycles', 'l', 'l.credit_code = p.credit_code AND l.lifecycle_no = p.lifecycle_no')
      .addSelect('e.name', 'enterprise_name')
      .addSelect(
        'CASE WHEN e.lifecycle_no = p.lifecycle_no THEN e.stage ELSE l.final_stage END',
        'enterprise_stage',
      )
      .where('p.id = :id', { id })
      .andWhere(scope.sql, scope.params)
      .getRawAndEntities<EnterpriseColumns>();
    return entities.length ? rowOf(entities[0], raw[0]) : null;
  }

  /**
   * What a task about the problem needs of it, by its id, in one read: its plan (what the answer to a
   * whistle on a new problem sets) and its status (a task about it offers no 加签 once it is resolved).
   */
  async workState(id: string): Promise<(ProblemPlan & { status: ProblemStatus }) | null> {
    const row = await this.repo
      .createQueryBuilder('p')
      .select(['p.measures AS measures', 'p.target AS target', 'p.status AS status'])
      .where('p.id = :id', { id })
      .getRawOne<ProblemPlan & { status: ProblemStatus }>();
    return row ?? null;
  }

  /** The ids of the enterprise's problems the caller may see, of every lifecycle (the ledger scope). */
  async readableIdsOf(actor: Actor, creditCode: string): Promise<string[]> {
    const scope = this.access.problems(actor, 'p', 'e');
    const rows = await this.repo
      .createQueryBuilder('p')
      .innerJoin('enterprises', 'e', 'e.credit_code = p.credit_code')
      .select('p.id', 'id')
      .where('p.credit_code = :creditCode', { creditCode })
      .andWhere(scope.sql, scope.params)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /**
   * The problems of one lifecycle the caller may see: in the ledger's order (the case file's ledger),
   * or oldest first (`created`, the enterprise page's, as EnterprisesRepository.problemsOf).
   */
  ofLifecycle(
    actor: Actor,
    creditCode: string,
    lifecycleNo: number,
    order: 'ledger' | 'created' = 'ledger',
  ): Promise<ProblemEntity[]> {
    const scope = this.access.problems(actor, 'p', 'e');
    const query = this.repo
      .createQueryBuilder('p')
      .innerJoin('enterprises', 'e', 'e.credit_code = p.credit_code')
      .where('p.credit_code = :creditCode AND p.lifecycle_no = :lifecycleNo', { creditCode, lifecycleNo })
      .andWhere(scope.sql, scope.params);
    const ordered =
      order === 'ledger'
        ? query
            .addSelect(ledgerOrder('p', 'e'), 'ledger_order')
            .orderBy('ledger_order', 'ASC')
            .addOrderBy('p.dueAt', 'ASC')
        : query.orderBy('p.createdAt', 'ASC');
    return ordered.addOrderBy('p.id', 'ASC').getMany();
  }

  async list(actor: Actor, f: ProblemFilter): Promise<{ items: LedgerRow[]; total: number }> {
    const scope = this.access.problems(actor, 'p', 'e');
    const qb = this.repo
      .createQueryBuilder('p')
      .innerJoin('enterprises', 'e', 'e.credit_code = p.credit_code AND e.lifecycle_no = p.lifecycle_no')
      .addSelect('e.name', 'enterprise_name')
      .addSelect('e.stage', 'enterprise_stage')
      .where(scope.sql, scope.params);
    if (f.owner) qb.andWhere('p.owner_department = :owner', { owner: f.owner });
    if (f.status) qb.andWhere(`${ledgerStatus('p', 'e')} = :status`, { status: f.status });
    if (f.category) qb.andWhere('p.category = :category', { category: f.category });
    if (f.creditCode) qb.andWhere('p.credit_code = :creditCode', { creditCode: f.creditCode });
    if (f.district) qb.andWhere('p.district = :district', { district: f.district });
    if (f.cluster) qb.andWhere(inClusterSql('p.nomination_cluster', 'p.cluster'), { cluster: f.cluster });
    if (f.q) qb.andWhere(`e.name ILIKE :q ESCAPE '\\'`, { q: `%${f.q.replace(/[\\%_]/g, '\\$&')}%` });
    if (f.overdue)
      qb.andWhere(
        `p.status NOT IN ('resolved') AND p.due_at < (now() AT TIME ZONE 'Asia/Shanghai')::date
         AND ${lifecycleRunning('p', 'e')}`,
      );
    const total = await qb.getCount();
    const { entities, raw } = await qb
      .addSelect(ledgerOrder('p', 'e'), 'ledger_order')
      .orderBy('ledger_order', 'ASC')
      .addOrderBy('p.dueAt', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .offset((f.page - 1) * f.pageSize)
      .limit(f.pageSize)
      .getRawAndEntities<EnterpriseColumns>();
    return {
      items: entities.map((problem, i) => rowOf(problem, raw[i])),
      total,
    };
  }
}
