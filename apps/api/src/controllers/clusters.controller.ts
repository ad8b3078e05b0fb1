import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { divisionNames, NotFound, t } from '@hardtech/domain';
import { ClustersRepository } from '@hardtech/persistence';
import { Roles } from '../auth/decorators';
import { ClusterDivisionDto, ClusterDto } from '../dtos/reference.dto';
import { ApiDoc } from '../openapi/api-doc';

/** The "33618" taxonomy as the system administrator keeps it (the list is GET /api/reference's). */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('system_admin')
@Controller('admin/clusters')
export class ClustersController {
  constructor(private readonly clusters: ClustersRepository) {}

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
    const cluster = await this.clusters.setDivision(code, name, en);
    if (!cluster) throw new NotFound('CLUSTER_NOT_FOUND', t('集群不存在', 'no such cluster'));
    return cluster;
  }
}
