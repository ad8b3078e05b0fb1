import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { MAX_CC_USERS, Role, ROLES } from '@hardtech/domain';
import { IsInstant } from './validators';

// Issue 17's 催办, 抄送 and 委托代理 (退回, 撤回, 加签: approval-actions.dto.ts).

export class UrgeDto {
  @ApiPropertyOptional({ example: '企业反映急需，请尽快办理', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  message?: string;
}

export class UrgeResultDto {
  @ApiProperty({ type: [String], description: 'who was notified: the assignee, else the candidates' })
  notified: string[];
  @ApiProperty({ type: [String], description: 'their display names, in the same order' })
  notifiedNames: string[];
  @ApiProperty({
    description: 'when the caller may urge the task again (4 working hours on), as its urgeableAt says',
  })
  urgeableAt: string;
}

export class CcDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: MAX_CC_USERS, example: ['industry-t2'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CC_USERS)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(64, { each: true })
  users: string[];

  @ApiPropertyOptional({ example: '请知悉', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class CcResultDto {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ type: [String] }) users: string[];
}

export class TaskCopyDto {
  @ApiProperty() username: string;
  @ApiProperty({ description: 'display name (the username when the user is gone)' }) displayName: string;
  @ApiProperty({ description: 'who copied it (username; a proxy for its principal: the proxy)' })
  copiedBy: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: '委托代理: the principal a proxy copied it for; null otherwise',
  })
  copiedOnBehalfOf: string | null;
  @ApiProperty({ description: 'who copied it, by name: 王五（代 张三） for a proxy' }) copiedByName: string;
  @ApiProperty() copiedAt: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

/** A people picker's search (抄送, 委托代理). */
export class PeopleQueryDto {
  @ApiPropertyOptional({ example: '王', maxLength: 50, description: 'username or name contains' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
}

export class PersonDto {
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
}

export class PeopleDto {
  @ApiProperty({ type: [PersonDto] }) items: PersonDto[];
}

export class ProxyDto {
  @ApiProperty({
    example: 'commissioner-b',
    description: 'an active user of your role whose scope covers yours',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  to: string;

  @ApiProperty({ example: '2026-12-07T09:00:00+08:00', description: 'from this instant (inclusive)' })
  @IsInstant()
  from: string;

  @ApiProperty({ example: '2026-12-14T18:00:00+08:00', description: 'until this instant (exclusive)' })
  @IsInstant()
  until: string;
}

export class ProxyViewDto {
  @ApiProperty() principal: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: String, nullable: true }) toName: string | null;
  @ApiProperty() from: string;
  @ApiProperty() until: string;
  @ApiProperty({ description: 'from ≤ now < until' }) active: boolean;
}

export class ProxyAnswerDto {
  @ApiProperty({ type: ProxyViewDto, nullable: true, description: 'null: no proxy set' })
  proxy: ProxyViewDto | null;
  @ApiProperty({ type: [String], description: 'whom I stand in for now' })
  standingInFor: string[];
  @ApiProperty({ type: [String], description: 'their display names, in the same order' })
  standingInForNames: string[];
}
