import { Body, Controller, Get, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiExtraModels, ApiTags } from '@nestjs/swagger';
import { Actor, listsAllTasks, parseInstant } from '@hardtech/domain';
import { CaseWork, CurrentActor } from '../auth/decorators';
import {
  AssignResultDto,
  CandidateDto,
  CommentDto,
  CompleteResultDto,
  CompleteTaskDto,
  DelegateDto,
  TaskCommentDto,
  TaskCountsDto,
  TaskDetailDto,
  TaskItemDto,
  TaskListDto,
  TaskQueryDto,
} from '../dtos/task.dto';
import { ApiDoc, ApiIdempotencyKey } from '../openapi/api-doc';
import { PrintoutsService } from '../services/printouts.service';
import { TasksService } from '../services/tasks.service';
import { ClusterFilterService } from '../services/cluster-filter.service';
import { IdempotencyKey, TaskIdPipe } from './params';
import { PDF, pdfInline } from './pdf';

/** The inbox, as users of Camunda Tasklist know it: list, detail, claim, delegate, complete, comment. */
@ApiTags('tasks')
@ApiBearerAuth()
// A task item as every list carries it: a schema of its own in the contract, though each answer
// now extends it (the inbox's with `copied`, the enterprise page's with names).
@ApiExtraModels(TaskItemDto)
@CaseWork()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly printouts: PrintoutsService,
    private readonly clusterFilter: ClusterFilterService,
  ) {}

  @Get()
  @ApiDoc({
    summary: '待办任务 The inbox',
    description: 'Only tasks within the caller’s scope; `total` counts the same. Status defaults to open.',
    ok: TaskListDto,
    errors: [400, 401],
  })
  async list(@CurrentActor() actor: Actor, @Query() q: TaskQueryDto) {
    await this.clusterFilter.check(q.cluster);
    const view = q.mine === 'true' ? 'mine' : (q.view ?? (listsAllTasks(actor.role) ? 'all' : 'inbox'));
    return this.tasks.list(actor, {
      view,
      candidateGroup: q.candidateGroup,
      type: q.type,
      status: q.status ?? 'open',
      creditCode: q.creditCode,
      district: q.district,
      department: q.department,
      cluster: q.cluster,
      dueBefore: q.dueBefore ? parseInstant(q.dueBefore)! : undefined,
      overdue: q.overdue === 'true',
      sort: q.sort ?? 'dueAt',
      page: q.page ?? 1,
      pageSize: q.pageSize ?? 20,
    });
  }

  // Before :id, which would read `counts` as a task id.
  @Get('counts')
  @ApiDoc({
    summary: '待办计数 The inbox’s figures in one request',
    description:
      'Open tasks in the caller’s scope per view, each the `total` GET /api/tasks answers for it (`status=open`): inbox, mine and overdue among the inbox; for a role that lists all (leader, auditor, audit and system administrators) all and overdue among all; what a role does not count is null. One statement.',
    ok: TaskCountsDto,
    errors: [401],
  })
  counts(@CurrentActor() actor: Actor) {
    return this.tasks.counts(actor);
  }

  @Get(':id')
  @ApiDoc({
    summary: '任务详情 A task with its form, the enterprise’s summary and the comments',
    ok: TaskDetailDto,
    errors: [400, 401, 404],
  })
  detail(@CurrentActor() actor: Actor, @Param('id', TaskIdPipe) id: string) {
    return this.tasks.detail(actor, id);
  }

  @Get(':id/approval-sheet.pdf')
  @ApiDoc({
    summary: '打印审批单 The task’s 审批单 as an A4 PDF',
    description:
      'The case file the task is decided on and, once done, its outcome: the same scope and redaction as GET /api/tasks/:id. Named by the task’s 编号 (sheetNoText): 审批单-渝硬科审〔2026〕128号.pdf, approval-sheet-2026-128.pdf for a client without RFC 5987.',
    ok: { file: PDF },
    errors: [400, 401, 404],
  })
  async approvalSheet(
    @CurrentActor() actor: Actor,
    @Param('id', TaskIdPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    // Named by its 编号: 审批单-渝硬科审〔2026〕128号.pdf, approval-sheet-2026-128.pdf for old clients.
    const sheet = await this.printouts.approvalSheet(actor, id);
    return pdfInline(
      res,
      `approval-sheet-${sheet.sheetYear}-${sheet.sheetNo}.pdf`,
      `审批单-${sheet.sheetNoText}.pdf`,
      sheet.file,
    );
  }

  @Get(':id/candidates')
  @ApiDoc({
    summary: '可办理人 Who may do the task (to pick a delegate)',
    ok: [CandidateDto],
    errors: [400, 401, 404],
  })
  candidates(@CurrentActor() actor: Actor, @Param('id', TaskIdPipe) id: string) {
    return this.tasks.candidates(actor, id);
  }

  @Post(':id/complete')
  @ApiIdempotencyKey(
    '1–200 visible ASCII characters. A retry with the same key and body returns the first answer; the same key with another body is a 409.',
  )
  @ApiDoc({
    summary: '办理任务 Complete a task',
    description:
      'A Temporal Update validated by the workflow (task open, caller allowed, outcome known, data valid); answers {stage, nextTasks} once they are in the inbox. 409 when the task is done, being completed, or claimed by someone else.',
    ok: CompleteResultDto,
    errors: [400, 401, 403, 404, 409, 413, 422],
  })
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', TaskIdPipe) id: string,
    @Body() dto: CompleteTaskDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.tasks.complete(actor, id, { outcome: dto.outcome, data: dto.data ?? {} }, key);
  }

  @Post(':id/claim')
  @ApiIdempotencyKey()
  @ApiDoc({
    summary: '认领 Claim',
    description: 'Candidates only; 409 when someone else holds it.',
    ok: AssignResultDto,
    errors: [400, 401, 403, 404, 409],
  })
  claim(@CurrentActor() actor: Actor, @Param('id', TaskIdPipe) id: string, @IdempotencyKey() key?: string) {
    return this.tasks.assign(actor, id, 'claim', undefined, undefined, key);
  }

  @Post(':id/unclaim')
  @ApiIdempotencyKey()
  @ApiDoc({
    summary: '取消认领 Unclaim',
    description: 'The assignee, or a city coordinator; 409 when nobody holds it.',
    ok: AssignResultDto,
    errors: [400, 401, 403, 404, 409],
  })
  unclaim(@CurrentActor() actor: Actor, @Param('id', TaskIdPipe) id: string, @IdempotencyKey() key?: string) {
    return this.tasks.assign(actor, id, 'unclaim', undefined, undefined, key);
  }

  @Post(':id/delegate')
  @ApiIdempotencyKey()
  @ApiDoc({
    summary: '转办 Delegate to a user who may do the task',
    description:
      'The assignee (or, unclaimed, a candidate) or a city coordinator; the delegate must be a candidate (422 otherwise), picked from /candidates. An optional `reason` is recorded in the history and shown with the task.',
    ok: AssignResultDto,
    errors: [400, 401, 403, 404, 409, 413, 422],
  })
  delegate(
    @CurrentActor() actor: Actor,
    @Param('id', TaskIdPipe) id: string,
    @Body() dto: DelegateDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.tasks.assign(actor, id, 'delegate', dto.to, dto.reason, key);
  }

  @Post(':id/comments')
  @ApiDoc({
    summary: '评论 Comment on a task',
    description:
      'Kept with the task, stored verbatim. Only while the task is open: 409 TASK_ALREADY_COMPLETED / TASK_CANCELLED after.',
    ok: TaskCommentDto,
    status: 201,
    errors: [400, 401, 403, 404, 409, 413],
  })
  comment(@CurrentActor() actor: Actor, @Param('id', TaskIdPipe) id: string, @Body() dto: CommentDto) {
    return this.tasks.comment(actor, id, dto.text);
  }
}
