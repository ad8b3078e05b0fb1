import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class TriggerDispatchDto {
  @ApiPropertyOptional({
    example: '2026Q3',
    description: 'the quarter to report; by default the previous quarter',
  })
  @IsOptional()
  @Matches(/^\d{4}Q[1-4]$/)
  quarter?: string;
}

export class CalendarQueryDto {
  @ApiPropertyOptional({ example: 2027 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2004)
  @Max(2100)
  year?: number;
}

export class CalendarDayDto {
  @ApiProperty({
    enum: ['workday', 'holiday'],
    description: 'holiday: a weekday off; workday: a weekend day worked (调休)',
  })
  @IsIn(['workday', 'holiday'])
  kind: 'workday' | 'holiday';

  @ApiPropertyOptional({ example: '元旦' }) @IsOptional() @IsString() @MaxLength(100) name?: string;
}

export class NotificationQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) unread?:
    'true' | 'false';
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
