import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES } from '@hardtech/domain';
import type { Role } from '@hardtech/domain';
import { ScopeDto } from './user.dto';

export class LoginDto {
  @ApiProperty({ example: 'coordinator' }) @IsString() @MinLength(1) @MaxLength(64) username: string;
  @ApiProperty({ example: 'demo123456' }) @IsString() @MinLength(1) @MaxLength(128) password: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(128) currentPassword: string;
  @ApiProperty({ description: 'at least 10 characters with letters and digits, not the username' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  newPassword: string;
}

/** The caller as the server knows them (GET /api/me) and as login returns them. */
export class ActorDto {
  @ApiProperty({ example: 'district-500112' }) username: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: ScopeDto }) scope: ScopeDto;
  @ApiPropertyOptional({ example: '渝北区经信委' }) displayName?: string;
  @ApiPropertyOptional({
    enum: [true],
    description:
      'present when the account must change its password before anything else (403 PASSWORD_CHANGE_REQUIRED)',
  })
  mustChangePassword?: true;
}

export class LoginResultDto {
  @ApiProperty({ description: 'Bearer token (JWT, HS256)' }) accessToken: string;
  @ApiProperty({ description: 'seconds until the token expires (JWT_TTL_SECONDS)' }) expiresIn: number;
  @ApiProperty({ type: ActorDto }) user: ActorDto;
}
