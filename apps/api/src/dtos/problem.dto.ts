import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { OWNER_DEPARTMENTS, PROBLEM_CATEGORIES, PROBLEM_STATUSES } from '@hardtech/domain';
import type { ProblemCategory, ProblemStatus } from '@hardtech/domain';

const values = (options: { value: string }[]) => options.map((o) => o.value);

export class ProblemQueryDto {
  @ApiPropertyOptional({ enum: values(OWNER_DEPARTMENTS), description: 'owner department' })
  @IsOptional()
  @IsIn(values(OWNER_DEPARTMENTS))
  owner?: string;
  @ApiPropertyOptional({ enum: values(PROBLEM_STATUSES) })
  @IsOptional()
  @IsIn(values(PROBLEM_STATUSES))
  status?: ProblemStatus;
  @ApiPropertyOptional({ enum: values(PROBLEM_CATEGORIES) })
  @IsOptional()
  @IsIn(values(PROBLEM_CATEGORIES))
  category?: ProblemCategory;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9A-Z]{18}$/) creditCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(16) district?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) overdue?:
    'true' | 'false';
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

export class MembershipQueryDto {
  @ApiPropertyOptional({ example: '2026-06-30', description: 'YYYY-MM-DD, Asia/Shanghai; today when absent' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  date?: string;
}
