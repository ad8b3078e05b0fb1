import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { DISTRICTS } from '@hardtech/domain';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

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

/**
 * The `district` query of every list that takes one: a code of the districts' reference (GB/T 2260
 * and the three zones). An unknown code is a 400 naming `district`, as an unknown cluster is: an
 * empty list would read as "nothing in that district" when the code is a typo.
 */
export function DistrictQuery(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      example: '500112',
      description:
        'a district code (reference/districts); within the caller’s scope. ' +
        'A code the reference does not have is 400 VALIDATION_FAILED naming `district`.',
    }),
    IsOptional(),
    IsString(),
    IsIn(
      DISTRICTS.map((d) => d.code),
      { message: 'district must be a district code of Chongqing' },
    ),
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
