import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, InvalidInput, t } from '@hardtech/domain';
import { READ_ONLY_ROLES } from '../access/access.service';
import { CurrentActor } from '../auth/decorators';
import { CommentDto, CompleteTaskDto, DelegateDto, TaskQueryDto } from '../dtos/task.dto';
import { TasksService } from '../services/tasks.service';
import { TaskIdPipe } from './params';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOperation({
    summary: '待办任务 The inbox',
    description: 'Only tasks within the caller’s scope; totals count the same.',
  })
  list(@CurrentActor() actor: Actor, @Query() q: TaskQueryDto) {
    const view =
      q.mine === 'true' ? 'mine' : (q.view ?? (READ_ONLY_ROLES.includes(actor.role) ? 'all' : 'inbox'));
    return this.tasks.list(actor, {
      view,
      candidateGroup: q.candidateGroup,
      type: q.type,
      status: q.status,
      creditCode: q.creditCode,
      district: q.district,
      cluster: q.cluster,
      dueBefore: q.dueBefore ? new Date(q.dueBefore) : undefined,
      overdue: q.overdue === 'true',
      sort: q.sort ?? 'dueAt',
      page: q.page ?? 1,
      pageSize: q.pageSize ?? 20,
    });
  }

  @Get(':id')
  @ApiOperation({ summary: '任务详情 A task with its form' })
  detail(@CurrentActor() actor: Actor, @Param('id', TaskIdPipe) id: string) {
    return this.tasks.detail(actor, id);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'a retry with the same key returns the first answer',
  })
  @ApiOperation({
    summary: '办理任务 Complete a task',
    description:
      'A Temporal Update validated by the workflow; answers {stage, nextTasks} once they are in the inbox.',
  })
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', TaskIdPipe) id: string,
    @Body() dto: CompleteTaskDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
      throw new InvalidInput([
        {
          field: 'Idempotency-Key',
          text: t('应为1-200个可见ASCII字符', 'must be 1-200 visible ASCII characters'),
        },
      ]);
    }
    return this.tasks.complete(actor, id, { outcome: dto.outcome, data: dto.data ?? {} }, idempotencyKey);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOperation({ summary: '认领 Claim' })
  claim(@CurrentActor() actor: Actor, @Param('id', TaskIdPipe) id: string) {
    return this.tasks.assign(actor, id, 'claim');
  }

  @Post(':id/unclaim')
  @HttpCode(200)
  @ApiOperation({ summary: '退回认领 Unclaim' })
  unclaim(@CurrentActor() actor: Actor, @Param('id', TaskIdPipe) id: string) {
    return this.tasks.assign(actor, id, 'unclaim');
  }

  @Post(':id/delegate')
  @HttpCode(200)
  @ApiOperation({ summary: '转办 Delegate to a user who may do the task' })
  delegate(@CurrentActor() actor: Actor, @Param('id', TaskIdPipe) id: string, @Body() dto: DelegateDto) {
    return this.tasks.assign(actor, id, 'delegate', dto.to);
  }

  @Post(':id/comments')
  @ApiOperation({ summary: '评论 Comment on a task' })
  comment(@CurrentActor() actor: Actor, @Param('id', TaskIdPipe) id: string, @Body() dto: CommentDto) {
    return this.tasks.comment(actor, id, dto.text);
  }
}
