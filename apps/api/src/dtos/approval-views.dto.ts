import { TextDto } from './common.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUNTERSIGN_MODES, TASK_TYPES } from '@hardtech/domain';
import type { CountersignMode, TaskType } from '@hardtech/domain';

// How tasks show 退回 and 加签 (issue 17): in task.dto's items and details, so no import of it here.

export class ReturnedDto {
  @ApiProperty() reason: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'who sent it back; null for an enterprise, which never learns which officer decided',
  })
  by: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'GET /api/tasks/:id only: who sent it back, by name (the username when unknown)',
  })
  byName?: string | null;
  @ApiProperty() at: string;
  @ApiProperty({ format: 'uuid' }) fromTaskId: string;
  @ApiProperty({ enum: TASK_TYPES }) fromType: TaskType;
}

export class CountersignAnswerDto {
  @ApiProperty() user: string;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ enum: ['agree', 'disagree'] }) outcome: string;
  @ApiProperty() at: string;
}

export class CountersignViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() requestedBy: string;
  @ApiPropertyOptional({
    type: String,
    description: '委托代理: the principal a proxy asked it for (the task stays theirs)',
  })
  onBehalfOf?: string;
  @ApiPropertyOptional({
    type: String,
    description: 'GET /api/tasks/:id only: who asked, by name: 王五（代 张三） for a proxy',
  })
  requestedByName?: string;
  @ApiProperty() at: string;
  @ApiProperty({ enum: COUNTERSIGN_MODES }) mode: CountersignMode;
  @ApiProperty() note: string;
  @ApiProperty({ type: [String] }) users: string[];
  @ApiPropertyOptional({
    type: [String],
    description: 'GET /api/tasks/:id only: `users` by name, in their order (the username when unknown)',
  })
  userNames?: string[];
  @ApiProperty({ type: [CountersignAnswerDto] }) answers: CountersignAnswerDto[];
}

export class CountersignOfDto {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ format: 'uuid' }) countersignId: string;
  @ApiProperty({ enum: COUNTERSIGN_MODES }) mode: CountersignMode;
  @ApiProperty() note: string;
  @ApiProperty({ type: String, nullable: true, description: 'who asked it (null: the round is gone)' })
  requestedBy: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the asker by name, 王五（代 张三） for a proxy',
  })
  requestedByName: string | null;
}

/** Why the caller's 撤回 would be refused now: the task page shows it beside the disabled button. */
export class WithdrawnDraftDto {
  @ApiProperty({
    description:
      'the outcome the task had been completed with; its data is the task’s `data`, the draft the form starts from',
  })
  outcome: string;
}

export class WithdrawBlockedDto {
  @ApiProperty({
    description: 'WITHDRAW_TOO_LATE (the next step was acted on), WITHDRAW_OVERTAKEN, LIFECYCLE_ENDED',
  })
  code: string;
  @ApiProperty({ type: TextDto }) message: TextDto;
}

/** Which approval actions the caller may take now (STEP_ACTIONS and the caller's part in the task). */
export class ApprovalActionsDto {
  @ApiProperty({ description: '退回' }) return: boolean;
  @ApiProperty({ description: '撤回' }) withdraw: boolean;
  @ApiProperty({ description: '催办' }) urge: boolean;
  @ApiProperty({ description: '加签' }) countersign: boolean;
  @ApiProperty({ description: '抄送' }) cc: boolean;
  @ApiProperty({ description: '转办' }) delegate: boolean;
}
