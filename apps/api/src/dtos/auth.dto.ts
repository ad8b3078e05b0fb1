import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'coordinator' }) @IsString() @MinLength(1) @MaxLength(64) username: string;
  @ApiProperty({ example: 'demo123456' }) @IsString() @MinLength(1) @MaxLength(128) password: string;
}
