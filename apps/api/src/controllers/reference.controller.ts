import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DISTRICTS, ROLE_LABELS, STAGE_LABELS, TASK_LABELS } from '@hardtech/domain';
import { ClustersRepository } from '@hardtech/persistence';
import { ReferenceDto } from '../dtos/reference.dto';
import { ApiDoc } from '../openapi/api-doc';

@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceController {
  constructor(private readonly clusters: ClustersRepository) {}

  @Get()
  @ApiDoc({
    summary: '基础数据 Districts, clusters, stages, task types and roles with their labels',
    ok: ReferenceDto,
    errors: [401],
  })
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
