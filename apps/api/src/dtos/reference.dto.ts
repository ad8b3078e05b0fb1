import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DIVISION_EN_MAX, DIVISION_NAME_MAX } from '@hardtech/domain';

const map = (description: string) =>
  ApiProperty({ type: 'object', additionalProperties: { type: 'object' }, description });

/** 各行业处室牵头: the division a cluster's enterprises are led by; both null (or blank) unset it. */
export class ClusterDivisionDto {
  @ApiProperty({ type: String, nullable: true, maxLength: DIVISION_NAME_MAX, example: '电子信息处' })
  @IsOptional()
  @IsString()
  @MaxLength(DIVISION_NAME_MAX)
  name: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    maxLength: DIVISION_EN_MAX,
    example: 'Electronic Information Division',
  })
  @IsOptional()
  @IsString()
  @MaxLength(DIVISION_EN_MAX)
  en: string | null;
}

/** A cluster of the taxonomy, with the division that leads it. */
export class ClusterDto {
  @ApiProperty({ example: 'T2' }) code: string;
  @ApiProperty({ enum: ['leading', 'pillar', 'featured', 'new_star'] }) tier: string;
  @ApiProperty() name: string;
  @ApiProperty() en: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'the lead 行业处室 (null: unset)' })
  divisionName: string | null;
  @ApiProperty({ type: String, nullable: true }) divisionEn: string | null;
}

export class ReferenceDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: '区县: {code, name, en (pinyin), kind}',
  })
  districts: unknown[];
  @ApiProperty({ type: [ClusterDto], description: '"33618" clusters, each with its lead 行业处室' })
  clusters: ClusterDto[];
  @map('stage → {zh, en}') stages: unknown;
  @map('task type → {zh, en}') taskTypes: unknown;
  @map('role → {zh, en}') roles: unknown;
}

export class CalendarHealthDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 2026,
    description: 'the last year whose holiday schedule is known; later deadlines are provisional',
  })
  coveredThrough: number | null;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'] }) status: string;
  @ApiProperty({ enum: ['ok', 'down'] }) temporal: string;
  @ApiProperty({ enum: ['ok', 'down'] }) database: string;
  @ApiProperty({ type: CalendarHealthDto }) calendar: CalendarHealthDto;
}

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status: string;
}

export class ReadinessDto extends HealthDto {
  @ApiProperty({ description: 'shutting down: balancers should stop sending requests' }) draining: boolean;
}
