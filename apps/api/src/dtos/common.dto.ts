import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/**
 * The `cluster` query of every list that takes one. Its code is checked against the taxonomy
 * (ClusterFilterService): a retired one filters, an unknown one is a 400 naming `cluster`.
 */
export function ClusterQuery(matches: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      example: 'T2',
      description:
        `${matches}; a retired cluster too. Within the caller’s scope: a cluster outside it lists nothing. ` +
        'A code the taxonomy does not have is 400 VALIDATION_FAILED naming `cluster`.',
    }),
    IsOptional(),
    IsString(),
    MaxLength(16),
  );
}

/** `page` and `pageSize` of a list whose pages hold at most `maxPageSize` rows. */
export function PageQueryOf(maxPageSize: number, defaultPageSize = 20) {
  class PageQuery {
    @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 100000 })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(100000)
    page?: number;

    @ApiPropertyOptional({ default: defaultPageSize, minimum: 1, maximum: maxPageSize })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(maxPageSize)
    pageSize?: number;
  }
  return PageQuery;
}

/** `page` and `pageSize` of every list (100 rows a page at most). */
export class PageQueryDto extends PageQueryOf(100) {}

export class PageDto {
  @ApiProperty({ description: 'all matches in the caller’s scope, not only this page' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class TextDto {
  @ApiProperty({ example: '城市筛选' }) zh: string;
  @ApiProperty({ example: 'City screening' }) en: string;
}

export const QUERY_BOOLEAN = ['true', 'false'] as const;
export type QueryBoolean = (typeof QUERY_BOOLEAN)[number];
