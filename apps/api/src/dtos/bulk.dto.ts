import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';

export const BULK_ACTIONS = ['claim', 'unclaim', 'reassign', 'complete', 'urge'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export class BulkTaskDto {
  @ApiProperty({ enum: BULK_ACTIONS }) @IsIn(BULK_ACTIONS as unknown as string[]) action: BulkAction;

  @ApiProperty({ type: [String], minItems: 1, maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  taskIds: string[];

  @ApiPropertyOptional({ description: 'reassign: the user who receives the tasks (picked from /candidates)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  to?: string;

  @ApiPropertyOptional({ description: 'reassign: why (转办 reason); urge: the message', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({
    description: 'complete: an outcome the task form allows in bulk (e.g. DISTRICT_FEEDBACK support)',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  outcome?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;
}

export class BulkResultDto {
  @ApiProperty() taskId: string;
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'the HTTP status this task alone would have answered' }) status: number;
  @ApiPropertyOptional() code?: string;
  @ApiPropertyOptional() message?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) result?: unknown;
}

export class BulkAnswerDto {
  @ApiProperty({ type: [BulkResultDto] }) results: BulkResultDto[];
  @ApiProperty() succeeded: number;
  @ApiProperty() failed: number;
}
