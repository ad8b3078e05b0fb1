import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { clusterDivision, ClusterNames, NamedCluster, NewCluster, Text } from '@hardtech/domain';
import { ClusterEntity } from '../entities';

/** The lead division of a cluster code (各行业处室牵头), as the taxonomy names it now. */
export type DivisionOf = (cluster: string) => Text;

/** The editable "33618" taxonomy. */
@Injectable()
export class ClustersRepository {
  constructor(@InjectRepository(ClusterEntity) private readonly repo: Repository<ClusterEntity>) {}

  /** Retired codes (停用): named where used, chosen for nothing new. */
  async retiredCodes(): Promise<Set<string>> {
    return (await this.codes()).retired;
  }

  /** The active and the retired codes in one read (a completion that chooses a cluster needs both). */
  async codes(): Promise<{ active: Set<string>; retired: Set<string> }> {
    const rows = await this.repo.find({ select: { code: true, active: true } });
    return {
      active: new Set(rows.filter((r) => r.active).map((r) => r.code)),
      retired: new Set(rows.filter((r) => !r.active).map((r) => r.code)),
    };
  }

  /** Every cluster's code and names, retired ones included (a new name is compared with them). */
  names(): Promise<NamedCluster[]> {
    return this.repo.find({ select: { code: true, name: true, en: true } });
  }

  /** Every code ever used, retired ones too: a code is never given to a second cluster. */
  async allCodes(): Promise<Set<string>> {
    const rows = await this.repo.find({ select: { code: true } });
    return new Set(rows.map((r) => r.code));
  }

  /** Adds a cluster (active); false when its code was taken meanwhile (the primary key refuses it). */
  async add(cluster: NewCluster): Promise<ClusterEntity | null> {
    const { identifiers } = await this.repo
      .createQueryBuilder()
      .insert()
      .values({ ...cluster, active: true })
      .orIgnore()
      .returning('code')
      .execute();
    return identifiers.length ? this.repo.findOneBy({ code: cluster.code }) : null;
  }

  /** 更名: the code stays, so everything naming the cluster reads the new names. */
  async rename(code: string, names: ClusterNames): Promise<ClusterEntity | null> {
    const { affected } = await this.repo.update({ code }, names);
    return affected ? this.repo.findOneBy({ code }) : null;
  }

  /** 停用: offered for no new nomination, admission or scope; still named wherever it is used. */
  async retire(code: string): Promise<ClusterEntity | null> {
    const { affected } = await this.repo.update({ code }, { active: false });
    return affected ? this.repo.findOneBy({ code }) : null;
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
