import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { TASK_TYPES } from '@hardtech/domain';
import type { TaskType } from '@hardtech/domain';

export class TaskQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'only tasks assigned to me' })
  @IsOptional()
  @IsIn(['true', 'false'])
  mine?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: ['inbox', 'mine', 'all'],
    description:
      'inbox (default for officers): what I can do; all: everything in my scope (default for auditors and leaders)',
  })
  @IsOptional()
  @IsIn(['inbox', 'mine', 'all'])
  view?: 'inbox' | 'mine' | 'all';

  @ApiPropertyOptional({ example: 'district_officer:district:500112' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  candidateGroup?: string;

  @ApiPropertyOptional({ enum: TASK_TYPES })
  @IsOptional()
  @IsIn(TASK_TYPES as unknown as string[])
  type?: TaskType;

  @ApiPropertyOptional({ enum: ['open', 'done', 'cancelled'] })
  @IsOptional()
  @IsIn(['open', 'done', 'cancelled'])
  status?: 'open' | 'done' | 'cancelled';

  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9A-Z]{18}$/) creditCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(16) district?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(16) cluster?: string;
  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueBefore?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) overdue?:
    'true' | 'false';

  @ApiPropertyOptional({ enum: ['dueAt', '-dueAt', 'createdAt', '-createdAt'] })
  @IsOptional()
  @IsIn(['dueAt', '-dueAt', 'createdAt', '-createdAt'])
  sort?: 'dueAt' | '-dueAt' | 'createdAt' | '-createdAt';

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;
  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class CompleteTaskDto {
  @ApiProperty({ example: 'pass', description: 'one of the task type’s outcomes (see the task’s form)' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  outcome: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'the outcome’s form data' })
  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;
}

export class DelegateDto {
  @ApiProperty({ example: 'district-500112-b' }) @IsString() @MinLength(1) @MaxLength(64) to: string;
}

export class CommentDto {
  @ApiProperty({ example: '已电话联系企业核实' }) @IsString() @MinLength(1) @MaxLength(2000) text: string;
}
