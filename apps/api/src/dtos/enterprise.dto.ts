import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { STAGES } from '@hardtech/domain';
import type { Stage } from '@hardtech/domain';

export class EnterpriseQueryDto {
  @ApiPropertyOptional({ enum: STAGES }) @IsOptional() @IsIn(STAGES as unknown as string[]) stage?: Stage;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(16) district?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(16) cluster?: string;
  @ApiPropertyOptional({ description: 'name or credit code contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
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
