import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '@hardtech/domain';
import { CaseWork, CurrentActor } from '../auth/decorators';
import {
  CountersignDto,
  CountersignResultDto,
  ReturnTaskDto,
  WithdrawResultDto,
} from '../dtos/approval-actions.dto';
import { CandidateDto, CompleteResultDto } from '../dtos/task.dto';
import { ApiDoc, ApiIdempotencyKey } from '../openapi/api-doc';
import { ApprovalActionsService } from '../services/approval-actions.service';
import { IdempotencyKey, TaskIdPipe } from './params';

/** 退回, 撤回, 加签/会签 (issue 17): the approval actions beside complete, each a workflow Update. */
@ApiTags('tasks')
@ApiBearerAuth()
@CaseWork()
@Controller('tasks')
export class ApprovalActionsController {
  constructor(private readonly actions: ApprovalActionsService) {}

  @Post(':id/return')
  @ApiIdempotencyKey()
  @ApiDoc({
    summary: '退回 Send the task back to the step before',
    description:
      'ADMIT → SCREEN, QUARTERLY_REVIEW → QUARTERLY_REPORT, GRADUATION_REVIEW → QUARTERLY_REVIEW: that step reopens for whoever did it, with `returned` (the reason) on the task and `returnedReason` in its case file. Whoever may complete the task may send it back; elsewhere 422 RETURN_NOT_ALLOWED.',
    ok: CompleteResultDto,
    errors: [400, 401, 403, 404, 409, 413, 422],
  })
  returnTask(
    @CurrentActor() actor: Actor,
    @Param('id', TaskIdPipe) id: string,
    @Body() dto: ReturnTaskDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.returnTask(actor, id, dto.reason, key);
  }

  @Post(':id/withdraw')
  @ApiIdempotencyKey()
  @ApiDoc({
    summary: '撤回 Take back a completion',
    description:
      'By the person who completed the task, while every task that completion opened is untouched (open, unclaimed, uncommented, not countersigned) and nothing else has happened in the lifecycle: those are cancelled and the task is open again, claimed by the caller, with the data as its draft. 409 WITHDRAW_TOO_LATE otherwise; 403 for anyone else; 409 LIFECYCLE_ENDED once the lifecycle ended.',
    ok: WithdrawResultDto,
    errors: [400, 401, 403, 404, 409, 422],
  })
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', TaskIdPipe) id: string,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.withdraw(actor, id, key);
  }

  @Post(':id/countersign')
  @ApiIdempotencyKey()
  @ApiDoc({
    summary: '加签/会签 Ask colleagues to countersign',
    description:
      'Whoever may complete the task (who then holds it) opens a COUNTERSIGN task (agree/disagree with an opinion) for each named user, who must be an officer allowed to see the enterprise (422 naming those who are not); someone who still owes an answer on the task is not asked again (409 COUNTERSIGNER_ALREADY_ASKED naming them). Until answered (`all`: every one; `any`: one) completing the task answers 409 COUNTERSIGN_PENDING. The answers are opinions in the case file.',
    ok: CountersignResultDto,
    status: 201,
    errors: [400, 401, 403, 404, 409, 413, 422],
  })
  countersign(
    @CurrentActor() actor: Actor,
    @Param('id', TaskIdPipe) id: string,
    @Body() dto: CountersignDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.countersign(actor, id, dto, key);
  }

  @Get(':id/countersigners')
  @ApiDoc({
    summary: '可会签人 Who may be asked to countersign the task',
    ok: [CandidateDto],
    errors: [400, 401, 404],
  })
  countersigners(@CurrentActor() actor: Actor, @Param('id', TaskIdPipe) id: string) {
    return this.actions.countersigners(actor, id);
  }
}
