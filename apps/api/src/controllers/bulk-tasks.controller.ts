import { Body, Controller, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '@hardtech/domain';
import { CaseWork, CurrentActor } from '../auth/decorators';
import { BulkAnswerDto, BulkTaskDto } from '../dtos/bulk.dto';
import { localeOf } from '../errors/locale';
import { ApiDoc, ApiIdempotencyKey } from '../openapi/api-doc';
import { BulkTasksService } from '../services/bulk-tasks.service';
import { IdempotencyKey } from './params';

@ApiTags('tasks')
@ApiBearerAuth()
@CaseWork()
@Controller('tasks/bulk')
export class BulkTasksController {
  constructor(private readonly bulk: BulkTasksService) {}

  @Post()
  @ApiIdempotencyKey(
    "1–200 visible ASCII characters. Each task's action is keyed as the single action is: sent again with the same key and body (all the tasks, or those that failed), a task done answers its first result, the others are tried again.",
  )
  @ApiDoc({
    summary: '批量办理 Claim, unclaim, reassign or complete many tasks',
    description:
      'Up to 100 tasks; each one succeeds or fails on its own (never half-done), with its own status and message. ' +
      'A task whose workflow task is failing is status 503 WORKFLOW_TASK_RETRYING; tasks not begun within 20 s are 503 BULK_NOT_TRIED: send those again with the same Idempotency-Key. ' +
      'complete: only outcomes the task form allows in bulk, e.g. DISTRICT_FEEDBACK support.',
    ok: BulkAnswerDto,
    errors: [400, 401, 403, 413],
  })
  run(
    @CurrentActor() actor: Actor,
    @Body() dto: BulkTaskDto,
    @Req() req: Request,
    @IdempotencyKey() key?: string,
  ) {
    return this.bulk.run(actor, dto, localeOf(req), key);
  }
}
