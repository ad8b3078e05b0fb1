import { ApiProperty } from '@nestjs/swagger';

/** The figures of a quarterly report (季度报告), as the enterprise sent them. */
export class QuarterlyFiguresDto {
  @ApiProperty({ example: '2026Q3' }) quarter: string;
  @ApiProperty({ description: 'integer yuan' }) revenue: number;
  @ApiProperty({ description: 'integer yuan' }) rdExpense: number;
  @ApiProperty() headcount: number;
  @ApiProperty() newClassOneIp: number;
  @ApiProperty({ description: 'integer yuan' }) financing: number;
}
