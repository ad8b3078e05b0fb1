import { ApiProperty } from '@nestjs/swagger';

const map = (description: string) =>
  ApiProperty({ type: 'object', additionalProperties: { type: 'object' }, description });

export class ReferenceDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: '区县: {code, name, en (pinyin), kind}',
  })
  districts: unknown[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: '"33618" clusters' })
  clusters: unknown[];
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
