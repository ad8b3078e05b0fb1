import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, COPY_RECIPIENT_ROLES } from '@hardtech/domain';
import { CaseWork, CurrentActor, ReadersMay, Roles } from '../auth/decorators';
import {
  CcDto,
  CcResultDto,
  PeopleDto,
  PeopleQueryDto,
  UrgeDto,
  UrgeResultDto,
} from '../dtos/urge-cc-proxy.dto';
import { ApiDoc, ApiIdempotencyKey } from '../openapi/api-doc';
import { TaskActionsService } from '../services/task-actions.service';
import { IdempotencyKey, TaskIdPipe } from './params';

/** Issue 17's 催办 and 抄送 on a task; each is an Update of the lifecycle, in its history and the audit log. */
@ApiTags('tasks')
@ApiBearerAuth()
@CaseWork()
@Controller('tasks')
export class TaskActionsController {
  constructor(private readonly actions: TaskActionsService) {}

  @Post(':id/urge')
  @ApiIdempotencyKey()
  @ReadersMay('leader')
  @ApiDoc({
    summary: '催办 Urge whoever can do an open task',
    description:
      'The assignee, else every candidate, is notified on their channels. Anyone who can see the task and works cases may urge (a city leader too; an auditor or one of the three administrators: 403 READ_ONLY_ROLE), except its assignee and, while it is unclaimed, its candidates (403 URGE_OWN_TASK); at most once per task and person per 4 working hours (429 URGE_TOO_SOON with Retry-After in seconds).',
    ok: UrgeResultDto,
    status: 201,
    errors: [400, 401, 403, 404, 409, 413, 429],
  })
  urge(
    @CurrentActor() actor: Actor,
    @Param('id', TaskIdPipe) id: string,
    @Body() dto: UrgeDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.urge(actor, id, dto.message, key);
  }

  @Post(':id/cc')
  @ApiIdempotencyKey()
  @ApiDoc({
    summary: '抄送 Copy an open task to colleagues, read-only',
    description:
      'By an officer who may do the task (an enterprise user: 403 CC_BY_OFFICERS). Each named user must be allowed to see the enterprise (422 USERS_MAY_NOT_SEE naming them); they are notified and may open the task and its case file read-only; GET /api/tasks?view=cc lists what was copied to me.',
    ok: CcResultDto,
    status: 201,
    errors: [400, 401, 403, 404, 409, 413, 422],
  })
  cc(
    @CurrentActor() actor: Actor,
    @Param('id', TaskIdPipe) id: string,
    @Body() dto: CcDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.cc(actor, id, dto.users, dto.note, key);
  }

  @Get(':id/cc-candidates')
  // Officers copy to officers; an enterprise's users are not shown the officials' directory.
  @Roles(...COPY_RECIPIENT_ROLES, 'system_admin')
  @ApiDoc({
    summary: '抄送候选人 Whom the task could be copied to',
    description:
      "Active officers and city leaders whose username or name contains `q` and who may see the enterprise (the rule POST /cc checks), not the caller; at most 20, by username. 404 outside the caller's scope.",
    ok: PeopleDto,
    errors: [400, 401, 403, 404],
  })
  ccCandidates(
    @CurrentActor() actor: Actor,
    @Param('id', TaskIdPipe) id: string,
    @Query() query: PeopleQueryDto,
  ) {
    return this.actions.ccCandidates(actor, id, query.q);
  }
}
