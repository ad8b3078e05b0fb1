import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';

export class AnnualReviewQueryDto {
  @ApiPropertyOptional({ example: '2026', description: 'the review year (required): this year or last' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  year?: string;
}

/** The same year in the body, as the quarterly dispatch takes its quarter (`{"year": 2026}`). */
export class AnnualReviewBodyDto {
  @ApiPropertyOptional({ example: 2026, description: 'the review year, instead of `?year=`' })
  @IsOptional()
  @IsInt()
  year?: number;
}

export class AnnualReviewResultDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ description: 'members of the pool the run reached' }) members: number;
  @ApiProperty({ description: 'ANNUAL_UPDATE tasks this run opened (0 when all had the year)' })
  opened: number;
  @ApiProperty() workflowId: string;
}

export class CalendarCoverageDto {
  @ApiProperty({ example: 2026, description: 'the last year whose holiday schedule is known' })
  coveredThrough: number;
  @ApiProperty({ example: 2026, description: 'the last year the maintained package covers' })
  packageLastYear: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 2027,
    description: 'the year whose schedule must be entered now (from 1 November: next year), or null',
  })
  missingYear: number | null;
}

export class CalendarYearConfirmedDto {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty({ example: 2027 }) coveredThrough: number;
  @ApiProperty({ description: 'lifecycles whose provisional deadlines were recomputed' }) lifecycles: number;
  @ApiProperty({ description: 'tasks whose deadlines were recomputed' }) recomputed: number;
  @ApiProperty({ description: 'of those, tasks still provisional (a later year is still missing)' })
  stillProvisional: number;
}
