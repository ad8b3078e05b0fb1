import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DISTRICTS, ROLE_LABELS, STAGE_LABELS, TASK_LABELS } from '@hardtech/domain';
import { ClustersRepository } from '../repositories/clusters.repository';

@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceController {
  constructor(private readonly clusters: ClustersRepository) {}

  @Get()
  @ApiOperation({ summary: '基础数据 Districts, clusters, stages, task types and roles with their labels' })
  async all() {
    return {
      districts: DISTRICTS,
      clusters: await this.clusters.list(),
      stages: STAGE_LABELS,
      taskTypes: TASK_LABELS,
      roles: ROLE_LABELS,
    };
  }
}
