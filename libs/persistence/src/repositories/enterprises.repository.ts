import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { Actor, Nomination, shanghaiDate, Stage } from '@hardtech/domain';
import {
  EnterpriseEntity,
  LifecycleEntity,
  MembershipPeriodEntity,
  ProblemEntity,
  QuarterlyReportEntity,
} from '../entities';
import { AccessService } from '../access/access.service';
import {
  hasLeftFilter,
  hasMemberFilter,
  LeftFilter,
  leftPoolOf,
  MemberFilter,
  memberOf,
} from './pool-members';
import { inClusterSql } from './in-cluster';
import { stageOnSql } from './stage-on';

export interface EnterpriseFilter extends MemberFilter, LeftFilter {
  stage?: Stage;
  /**
   * `stage` when this day (YYYY-MM-DD) ended rather than now (today or later: now); alone: had a
   * stage that day.
   */
  stageOn?: string;
  district?: string;
  cluster?: string;
  q?: string;
  page: number;
  pageSize: number;
}

@Injectable()
export class EnterprisesRepository {
  constructor(
    @InjectRepository(EnterpriseEntity) private readonly repo: Repository<EnterpriseEntity>,
    @InjectRepository(ProblemEntity) private readonly problems: Repository<ProblemEntity>,
    @InjectRepository(QuarterlyReportEntity) private readonly reports: Repository<QuarterlyReportEntity>,
    @InjectRepository(MembershipPeriodEntity) private readonly periods: Repository<MembershipPeriodEntity>,
    @InjectRepository(LifecycleEntity) private readonly lifecycles: Repository<LifecycleEntity>,
    private readonly access: AccessService,
  ) {}

  /** Unscoped: for the system's own checks (one active lifecycle per credit code). */
  findRow(creditCode: string): Promise<EnterpriseEntity | null> {
    return this.repo.findOne({ where: { creditCode } });
  }

  /** Credit codes of the pool's members being supported, in order, after the cursor: one page. */
  async supportingAfter(after: string | null, limit: number): Promise<string[]> {
    const qb = this.repo
      .createQueryBuilder('e')
      .select('e.creditCode')
      .where(`e.stage = 'supporting'`)
      .orderBy('e.creditCode', 'ASC')
      .limit(limit);
    if (after !== null) qb.andWhere('e.credit_code > :after', { after });
    return (await qb.getMany()).map((e) => e.creditCode);
  }

  /** The enterprise if the caller may see it; null otherwise (the API answers 404 either way). */
  findVisible(actor: Actor, creditCode: string): Promise<EnterpriseEntity | null> {
    const scope = this.access.enterprises(actor, 'e');
    return this.repo
      .createQueryBuilder('e')
      .where('e.credit_code = :creditCode', { creditCode })
      .andWhere(scope.sql, scope.params)
      .getOne();
  }

  async list(actor: Actor, f: EnterpriseFilter): Promise<{ items: EnterpriseEntity[]; total: number }> {
    const scope = this.access.enterprises(actor, 'e');
    const qb = this.repo.createQueryBuilder('e').where(scope.sql, scope.params);
    // A day not yet over counts the stage now, as the KPI of this year does (ReportsRepository.stages).
    if (f.stageOn !== undefined && f.stageOn < shanghaiDate(new Date())) {
      const stageOn = stageOnSql('e', ':stageOn');
      if (f.stage) qb.andWhere(`${stageOn} = :stage`, { stageOn: f.stageOn, stage: f.stage });
      else qb.andWhere(`${stageOn} IS NOT NULL`, { stageOn: f.stageOn });
    } else if (f.stage) qb.andWhere('e.stage = :stage', { stage: f.stage });
    if (f.district) qb.andWhere('e.district = :district', { district: f.district });
    if (f.cluster) qb.andWhere(inClusterSql('e.cluster', 'e.lead_cluster'), { cluster: f.cluster });
    if (hasMemberFilter(f)) {
      const member = memberOf('e', f);
      qb.andWhere(member.sql, member.params);
    }
    if (hasLeftFilter(f)) {
      const left = leftPoolOf('e', f);
      qb.andWhere(left.sql, left.params);
    }
    if (f.q) {
      qb.andWhere(`(e.name ILIKE :q ESCAPE '\\' OR e.credit_code ILIKE :q ESCAPE '\\')`, {
        q: `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    const [items, total] = await qb
      .orderBy('e.updatedAt', 'DESC')
      .addOrderBy('e.creditCode', 'ASC')
      .skip((f.page - 1) * f.pageSize)
      .take(f.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  problemsOf(creditCode: string, lifecycleNo: number): Promise<ProblemEntity[]> {
    return this.problems.find({ where: { creditCode, lifecycleNo }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The lifecycle's quarterly reports that count: one sent back (退回) counts again once sent again. */
  reportsOf(creditCode: string, lifecycleNo: number): Promise<QuarterlyReportEntity[]> {
    return this.reports.find({
      where: { creditCode, lifecycleNo, returnedAt: IsNull() },
      order: { quarter: 'ASC' },
    });
  }

  /** Every membership period of the enterprise, across lifecycles. */
  membershipOf(creditCode: string): Promise<MembershipPeriodEntity[]> {
    return this.periods.find({ where: { creditCode }, order: { fromDate: 'ASC' } });
  }

  /**
   * When the lifecycle entered the stage it is at (stage_history, as the projection records it);
   * null when its last recorded stage is another one (transitions from before the history).
   */
  async stageSince(creditCode: string, lifecycleNo: number, stage: Stage): Promise<Date | null> {
    const rows: { stage: string; at: Date }[] = await this.repo.query(
      `SELECT stage, at FROM stage_history WHERE credit_code = $1 AND lifecycle_no = $2 ORDER BY seq DESC LIMIT 1`,
      [creditCode, lifecycleNo],
    );
    return rows[0]?.stage === stage ? rows[0].at : null;
  }

  lifecyclesOf(creditCode: string): Promise<LifecycleEntity[]> {
    return this.lifecycles.find({ where: { creditCode }, order: { lifecycleNo: 'ASC' } });
  }

  /** The nomination a lifecycle kept (lifecycles.writer.ts); null when it kept none. */
  async nominationOf(creditCode: string, lifecycleNo: number): Promise<Nomination | null> {
    const row = await this.lifecycles.findOne({ where: { creditCode, lifecycleNo }, select: ['nomination'] });
    return row?.nomination ?? null;
  }

  /**
   * The numbers of the enterprise's lifecycles the caller may read (AccessService.ofLifecycle): the
   * current one within their scope, an earlier one by the district and clusters that served it.
   */
  async lifecyclesSeen(actor: Actor, creditCode: string): Promise<number[]> {
    const scope = this.access.ofLifecycle(actor, 'e', 'l.credit_code', 'l.lifecycle_no');
    const rows = await this.lifecycles
      .createQueryBuilder('l')
      .select('l.lifecycle_no', 'lifecycleNo')
      .innerJoin(EnterpriseEntity, 'e', 'e.credit_code = l.credit_code')
      .where('l.credit_code = :creditCode', { creditCode })
      .andWhere(scope.sql, scope.params)
      .orderBy('l.lifecycle_no', 'ASC')
      .getRawMany<{ lifecycleNo: number }>();
    return rows.map((r) => r.lifecycleNo);
  }
}
