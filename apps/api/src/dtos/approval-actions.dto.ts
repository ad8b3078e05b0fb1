import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { COUNTERSIGN_MODES, RETURN_REASON_MAX, STAGES } from '@hardtech/domain';
import type { CountersignMode, Stage } from '@hardtech/domain';
import { CountersignViewDto } from './approval-views.dto';
import { OpenedTaskDto } from './task.dto';

/** 退回 (issue 17.1). */
export class ReturnTaskDto {
  @ApiProperty({ example: '请补充核实研发投入数据后重新筛选', maxLength: RETURN_REASON_MAX })
  @IsString()
  @MinLength(1)
  @MaxLength(RETURN_REASON_MAX)
  reason: string;
}

/** 加签/会签 (issue 17.4). */
export class CountersignDto {
  @ApiProperty({
    type: [String],
    example: ['industry-t2'],
    description: 'see GET /api/tasks/:id/countersigners',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(64, { each: true })
  users: string[];

  @ApiProperty({ enum: COUNTERSIGN_MODES, description: 'all: 会签, every answer; any: 或签, one answer' })
  @IsIn(COUNTERSIGN_MODES)
  mode: CountersignMode;

  @ApiProperty({ example: '请牵头处室对技术先进性出具意见', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  note: string;
}

export class CountersignResultDto {
  @ApiProperty({ type: CountersignViewDto }) countersign: CountersignViewDto;
  @ApiProperty({
    type: [OpenedTaskDto],
    description: 'one COUNTERSIGN task per named user, already in the inbox',
  })
  tasks: OpenedTaskDto[];
}

export class WithdrawResultDto {
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty({ type: OpenedTaskDto, description: 'the task, open again and claimed by the caller' })
  task: OpenedTaskDto;
  @ApiProperty({
    type: [String],
    description: 'the tasks the withdrawn completion had opened, now cancelled',
  })
  cancelled: string[];
}
