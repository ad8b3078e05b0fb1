import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Role, SecurityPolicy } from '@hardtech/domain';
import { ROLES } from '@hardtech/domain';
import { PageDto, PageQueryDto } from './common.dto';

/** The whole security policy, as GET answers it and PUT takes it; bounds are checked by the domain. */
export class SecurityPolicyDto implements SecurityPolicy {
  @ApiProperty({ example: 5, description: 'wrong passwords (login or own-password change) that lock, 3–10' })
  @IsInt()
  maxFailedLogins: number;

  @ApiProperty({ example: 15, description: 'minutes a lockout lasts, 1–1440' }) @IsInt() lockMinutes: number;

  @ApiProperty({ example: 30, description: 'a session unused this many minutes ends, 1–1440' })
  @IsInt()
  idleTimeoutMinutes: number;

  @ApiProperty({ example: 480, description: 'a session ends this many minutes after login, 5–1440' })
  @IsInt()
  sessionLifetimeMinutes: number;

  @ApiProperty({ example: 10, description: '8–64; letters and digits are always required' })
  @IsInt()
  passwordMinLength: number;

  @ApiProperty({ example: false }) @IsBoolean() passwordRequireMixedCase: boolean;
  @ApiProperty({ example: false }) @IsBoolean() passwordRequireSymbol: boolean;

  @ApiProperty({ example: 0, description: 'days until a password must be changed at next login; 0: never' })
  @IsInt()
  passwordMaxAgeDays: number;

  @ApiProperty({
    type: [String],
    example: ['loopback'],
    description:
      'proxies whose X-Forwarded-For is believed: loopback, linklocal, uniquelocal, an IP or a CIDR',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  trustedProxies: string[];

  @ApiProperty({
    type: [String],
    example: [],
    description: 'host names webhook and robot URLs may use besides the documented robot hosts',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(253, { each: true })
  outboundHosts: string[];
}

/** 在线会话 a page at a time (20 by default): one row per sign-in grew long on a phone. */
export class SessionQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, description: 'only this user’s sessions' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  username?: string;
}

export class SessionDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: String }) clientAddress: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() lastSeenAt: string;
  @ApiProperty({ description: 'when it ends unless used again (idle timeout) or at the latest (lifetime)' })
  endsAt: string;
}

export class SessionListDto extends PageDto {
  @ApiProperty({ type: [SessionDto] }) items: SessionDto[];
}

export class LockoutDto {
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() lockedUntil: string;
}

export class LockoutListDto {
  @ApiProperty({ type: [LockoutDto] }) items: LockoutDto[];
}
