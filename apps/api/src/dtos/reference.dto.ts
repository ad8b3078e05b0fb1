import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import {
  CLUSTER_CODE,
  CLUSTER_EN_MAX,
  CLUSTER_NAME_MAX,
  CLUSTER_TIERS,
  DIVISION_EN_MAX,
  DIVISION_NAME_MAX,
} from '@hardtech/domain';

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

/** 更名: a cluster's names; both required (422 CLUSTER_INVALID), checked by the domain. */
export class ClusterNamesDto {
  @ApiProperty({ maxLength: CLUSTER_NAME_MAX, example: '生物医药' })
  @IsOptional()
  @IsString()
  name: string;
  @ApiProperty({ maxLength: CLUSTER_EN_MAX, example: 'Biomedicine' })
  @IsOptional()
  @IsString()
  en: string;
}

/** 新增产业集群: a new cluster of the taxonomy (the 18 新星 clusters), optionally with its 行业处室. */
export class NewClusterDto extends ClusterNamesDto {
  @ApiProperty({ pattern: CLUSTER_CODE.source, example: 'N1', description: 'never changed nor reused' })
  @IsOptional()
  @IsString()
  code: string;
  @ApiProperty({ enum: CLUSTER_TIERS, example: 'new_star' })
  @IsOptional()
  @IsString()
  tier: string;
  @ApiProperty({
    type: String,
    nullable: true,
    required: false,
    maxLength: DIVISION_NAME_MAX,
    example: '生物医药处',
  })
  @IsOptional()
  @IsString()
  @MaxLength(DIVISION_NAME_MAX)
  divisionName?: string | null;
  @ApiProperty({ type: String, nullable: true, required: false, maxLength: DIVISION_EN_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(DIVISION_EN_MAX)
  divisionEn?: string | null;
}

/** A cluster of the taxonomy, with the division that leads it. */
export class ClusterDto {
  @ApiProperty({ example: 'T2' }) code: string;
  @ApiProperty({ enum: ['leading', 'pillar', 'featured', 'new_star'] }) tier: string;
  @ApiProperty() name: string;
  @ApiProperty() en: string;
  @ApiProperty({ description: 'false: retired (停用), offered for nothing new, still named' })
  active: boolean;
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
