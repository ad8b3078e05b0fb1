import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CORP_USER_ID, ROLES } from '@hardtech/domain';
import type { Role } from '@hardtech/domain';
import { PageDto, PageQueryDto, QUERY_BOOLEAN, QueryBoolean } from './common.dto';

/** The person at the unified identity service: single sign-on opens this account for that subject. */
const OIDC_SUBJECT = {
  example: 'gov-3f9a1c',
  description: 'the subject (sub) of this person at the unified identity service, for single sign-on',
};
/**
 * The contract's `admin` (docs/api.md) is the system administrator since 三员分立: clients written
 * against it keep working, and the user is stored as `system_admin`.
 */
const ContractRole = () =>
  Transform(({ value }: { value: unknown }) => (value === 'admin' ? 'system_admin' : value));
const ROLE_DOC = '`admin` is accepted for `system_admin`';

export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export class ScopeDto {
  @ApiPropertyOptional({ type: [String], example: ['500112'], description: 'district codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(16, { each: true })
  districts?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['T2'],
    description: 'cluster codes of the "33618" system',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(16, { each: true })
  clusters?: string[];

  @ApiPropertyOptional({ type: [String], description: 'credit codes (enterprise users)' })
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

const ROLE_VALUES = ROLES as unknown as string[];

const WECOM_ID = { description: '企业微信 UserID, for application messages', pattern: CORP_USER_ID.source };
const DINGTALK_ID = { description: '钉钉 userid, for work notices', pattern: CORP_USER_ID.source };
const CORP_ID_MESSAGE = { message: '1-64 of A-Z a-z 0-9 _ . @ -' };

export class CreateUserDto {
  @ApiProperty({ example: 'district-500113', pattern: USERNAME.source })
  @IsString()
  @Matches(USERNAME, { message: 'username: 3-64 of a-z 0-9 . _ -' })
  username: string;

  @ApiProperty({ description: 'at least 10 characters with letters and digits, not the username' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password: string;

  @ApiProperty({ example: '巴南区经信委 王五' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName: string;

  @ApiProperty({ enum: ROLES, description: ROLE_DOC }) @ContractRole() @IsIn(ROLE_VALUES) role: Role;

  @ApiProperty({ type: ScopeDto }) @IsObject() @ValidateNested() @Type(() => ScopeDto) scope: ScopeDto;

  @ApiPropertyOptional({ ...WECOM_ID, type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(CORP_USER_ID, CORP_ID_MESSAGE)
  wecomUserId?: string | null;

  @ApiPropertyOptional({ ...DINGTALK_ID, type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(CORP_USER_ID, CORP_ID_MESSAGE)
  dingtalkUserId?: string | null;
}

/** Every field optional; at least one must be given. */
export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) displayName?: string;
  @ApiPropertyOptional({ enum: ROLES, description: ROLE_DOC })
  @IsOptional()
  @ContractRole()
  @IsIn(ROLE_VALUES)
  role?: Role;
  @ApiPropertyOptional({ type: ScopeDto, description: 'replaces the whole scope' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ScopeDto)
  scope?: ScopeDto;
  @ApiPropertyOptional({ description: 'false deactivates: no login, current tokens stop working' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
  @ApiPropertyOptional({ description: 'a new password (reset); ends the user’s sessions' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password?: string;
  @ApiPropertyOptional({ enum: [true], description: 'lifts a lockout after failed logins' })
  @IsOptional()
  @Equals(true)
  unlock?: true;
  @ApiPropertyOptional({
    ...WECOM_ID,
    type: String,
    nullable: true,
    description: `${WECOM_ID.description}; null clears it`,
  })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @Matches(CORP_USER_ID, CORP_ID_MESSAGE)
  wecomUserId?: string | null;
  @ApiPropertyOptional({
    ...DINGTALK_ID,
    type: String,
    nullable: true,
    description: `${DINGTALK_ID.description}; null clears it`,
  })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @Matches(CORP_USER_ID, CORP_ID_MESSAGE)
  dingtalkUserId?: string | null;
  @ApiPropertyOptional({
    ...OIDC_SUBJECT,
    type: String,
    nullable: true,
    description: `${OIDC_SUBJECT.description}; null clears it`,
  })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @Matches(/^[\x21-\x7e]{1,255}$/, { message: 'oidcSubject: 1 to 255 visible ASCII characters' })
  oidcSubject?: string | null;
}

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLE_VALUES) role?: Role;
  @ApiPropertyOptional({ description: 'username or display name contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ enum: QUERY_BOOLEAN }) @IsOptional() @IsIn(QUERY_BOOLEAN) active?: QueryBoolean;
}

export class UserDto {
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: ScopeDto }) scope: ScopeDto;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'set while locked after failed logins' })
  lockedUntil: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ ...WECOM_ID, type: String, nullable: true }) wecomUserId: string | null;
  @ApiProperty({ ...DINGTALK_ID, type: String, nullable: true }) dingtalkUserId: string | null;
  @ApiProperty({ ...OIDC_SUBJECT, type: String, nullable: true }) oidcSubject: string | null;
}

export class UserListDto extends PageDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
}
