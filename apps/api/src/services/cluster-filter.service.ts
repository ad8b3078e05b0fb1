import { Injectable } from '@nestjs/common';
import { assertClusterFilter } from '@hardtech/domain';
import { ClustersRepository } from '@hardtech/persistence';

/**
 * The `cluster` query of the lists that take one (GET /api/enterprises, /tasks, /problems,
 * /reports/kpi and their exports), checked before anything is read: an unknown code is a 400
 * naming `cluster`, a retired one filters as any other (assertClusterFilter).
 */
@Injectable()
export class ClusterFilterService {
  constructor(private readonly clusters: ClustersRepository) {}

  async check(cluster: string | undefined): Promise<void> {
    if (cluster) assertClusterFilter(cluster, await this.clusters.allCodes());
  }
}
