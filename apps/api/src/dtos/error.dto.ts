import { ApiProperty } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'data.judgments.C2.note' }) field: string;
  @ApiProperty({ example: '必填' }) message: string;
}

/** The error body of docs/api.md, for every 4xx and 5xx. */
export class ErrorBodyDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'machine code, stable across languages' })
  code: string;
  @ApiProperty({
    example: 'data.judgments.C2.note: 必填',
    description: 'human text in the language of Accept-Language (Chinese unless en)',
  })
  message: string;
  @ApiProperty({ type: [FieldErrorDto], description: 'one entry per invalid field; empty otherwise' })
  details: FieldErrorDto[];
}
