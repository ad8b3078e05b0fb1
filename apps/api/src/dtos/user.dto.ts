import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ROLES } from '@hardtech/domain';
import type { Role } from '@hardtech/domain';

export class ScopeDto {
  @ApiPropertyOptional({ type: [String], example: ['500112'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(16, { each: true })
  districts?: string[];

  @ApiPropertyOptional({ type: [String], example: ['T2'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(16, { each: true })
  clusters?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(18, { each: true })
  creditCodes?: string[];

  @ApiPropertyOptional({
    example: 'sme',
    description: 'owner department of ledger problems (sme, finance, …)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  department?: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'district-500113' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, { message: 'username: 3-64 of a-z 0-9 . _ -' })
  username: string;

  @ApiProperty({ description: 'at least 10 characters with letters and digits' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password: string;

  @ApiProperty({ example: '巴南区经信委 王五' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName: string;

  @ApiProperty({ enum: ROLES }) @IsIn(ROLES as unknown as string[]) role: Role;

  @ApiProperty({ type: ScopeDto }) @IsObject() @ValidateNested() @Type(() => ScopeDto) scope: ScopeDto;
}
