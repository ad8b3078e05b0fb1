import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { clusterDivision, Text } from '@hardtech/domain';
import { ClusterEntity } from '../entities';

/** The lead division of a cluster code (各行业处室牵头), as the taxonomy names it now. */
export type DivisionOf = (cluster: string) => Text;

/** The editable "33618" taxonomy. */
@Injectable()
export class ClustersRepository {
  constructor(@InjectRepository(ClusterEntity) private readonly repo: Repository<ClusterEntity>) {}

  async activeCodes(): Promise<Set<string>> {
    const rows = await this.repo.find({ select: { code: true }, where: { active: true } });
    return new Set(rows.map((r) => r.code));
  }

  list(): Promise<ClusterEntity[]> {
    return this.repo.find({ order: { code: 'ASC' } });
  }

  /** Every cluster's lead division, read once for a page of problems. */
  async divisions(): Promise<DivisionOf> {
    const byCode = new Map((await this.list()).map((c) => [c.code, c]));
    return (code) => clusterDivision(byCode.get(code), code);
  }

  /** Names (or, with nulls, unnames) the cluster's lead division; null when there is no such cluster. */
  async setDivision(code: string, name: string | null, en: string | null): Promise<ClusterEntity | null> {
    const { affected } = await this.repo.update({ code }, { divisionName: name, divisionEn: en });
    return affected ? this.repo.findOneBy({ code }) : null;
  }
}
