import { Body, Controller, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '@hardtech/domain';
import { CaseWork, CurrentActor } from '../auth/decorators';
import { BulkAnswerDto, BulkTaskDto } from '../dtos/bulk.dto';
import { localeOf } from '../errors/locale';
import { ApiDoc } from '../openapi/api-doc';
import { BulkTasksService } from '../services/bulk-tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@CaseWork()
@Controller('tasks/bulk')
export class BulkTasksController {
  constructor(private readonly bulk: BulkTasksService) {}

  @Post()
  @ApiDoc({
    summary: '批量办理 Claim, unclaim, reassign or complete many tasks',
    description:
      'Up to 100 tasks; each one succeeds or fails on its own (never half-done), with its own status and message. ' +
      'complete: only outcomes the task form allows in bulk, e.g. DISTRICT_FEEDBACK support.',
    ok: BulkAnswerDto,
    errors: [400, 401, 403, 413],
  })
  run(@CurrentActor() actor: Actor, @Body() dto: BulkTaskDto, @Req() req: Request) {
    return this.bulk.run(actor, dto, localeOf(req));
  }
}
