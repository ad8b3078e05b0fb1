import { Body, Controller, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { clusterCodeTaken, clusterRename, divisionNames, newCluster, NotFound, t } from '@hardtech/domain';
import { ClusterEntity, ClustersRepository } from '@hardtech/persistence';
import { Roles } from '../auth/decorators';
import { ClusterDivisionDto, ClusterDto, ClusterNamesDto, NewClusterDto } from '../dtos/reference.dto';
import { ApiDoc } from '../openapi/api-doc';

const notFound = () => new NotFound('CLUSTER_NOT_FOUND', t('集群不存在', 'no such cluster'));
const found = (cluster: ClusterEntity | null): ClusterEntity => {
  if (!cluster) throw notFound();
  return cluster;
};

/** The "33618" taxonomy as the system administrator keeps it (the list is GET /api/reference's). */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('system_admin')
@Controller('admin/clusters')
export class ClustersController {
  constructor(private readonly clusters: ClustersRepository) {}

  @Post()
  @ApiDoc({
    summary: '新增产业集群 Add a cluster to the taxonomy',
    description:
      'The 18 新星 clusters are added here (any tier may be). The code (N1: a capital, then capitals or digits, 2–16) is never changed nor reused, also after the cluster is retired (422 CLUSTER_CODE_TAKEN); tier, Chinese and English names are required, neither another cluster’s (422 CLUSTER_INVALID naming each field). The new cluster is active: nominations, ADMIT’s lead cluster and industry officers’ scopes accept it at once.',
    ok: ClusterDto,
    status: 201,
    errors: [400, 401, 403, 413, 422],
  })
  async add(@Body() dto: NewClusterDto) {
    // Every cluster, retired ones included, in one read: their codes are taken, their names too.
    const named = await this.clusters.names();
    const cluster = newCluster({ ...dto }, new Set(named.map((c) => c.code)), named);
    const added = await this.clusters.add(cluster);
    if (added) return added;
    // Another administrator added the same code between the check and the insert.
    throw clusterCodeTaken(cluster.code);
  }

  @Patch(':code')
  @ApiDoc({
    summary: '集群更名 Rename a cluster',
    description:
      'Both names are required, neither another cluster’s (422 CLUSTER_INVALID); the code stays, so every enterprise, task and problem naming the cluster reads the new names.',
    ok: ClusterDto,
    errors: [400, 401, 403, 404, 413, 422],
  })
  async rename(@Param('code') code: string, @Body() dto: ClusterNamesDto) {
    const others = (await this.clusters.names()).filter((c) => c.code !== code);
    return found(await this.clusters.rename(code, clusterRename({ ...dto }, others)));
  }

  @Post(':code/retire')
  @ApiDoc({
    summary: '停用产业集群 Retire a cluster',
    description:
      'A retired cluster is offered for no new nomination, admission (lead cluster) or user scope (422 with the field), and stays named wherever it is used (enterprises, tasks, problems, filters). Its code is never reused. Retiring a retired cluster changes nothing.',
    ok: ClusterDto,
    errors: [400, 401, 403, 404],
  })
  async retire(@Param('code') code: string) {
    return found(await this.clusters.retire(code));
  }

  @Put(':code/division')
  @ApiDoc({
    summary: '设置集群牵头行业处室 Name the industry division that leads a cluster',
    description:
      '各行业处室牵头: every problem of the cluster’s enterprises names it as 责任部门 when owned by the industry side, from now on. Both names null or blank unset it (行业处室（cluster） is shown); an English name needs the Chinese one (422 DIVISION_NAME_REQUIRED).',
    ok: ClusterDto,
    errors: [400, 401, 403, 404, 413, 422],
  })
  async setDivision(@Param('code') code: string, @Body() dto: ClusterDivisionDto) {
    const { name, en } = divisionNames(dto.name, dto.en);
    return found(await this.clusters.setDivision(code, name, en));
  }
}
