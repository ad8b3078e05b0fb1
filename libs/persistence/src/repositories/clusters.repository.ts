import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ClusterEntity } from '../entities';

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
}
