import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  Actor,
  ROLE_LABELS,
  VIEW_AUDIENCE_ROLES,
  VIEW_FILTER_FIELDS,
  VIEW_LIST_LABELS,
  VIEW_LISTS,
  VIEW_SAVERS,
} from '@hardtech/domain';
import type { ViewList } from '@hardtech/domain';
import { TextDto } from '../dtos/common.dto';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiDoc } from '../openapi/api-doc';
import { formSchema } from '../openapi/form-schema';
import { SavedViewsService, ViewBody } from '../services/saved-views.service';
import { IdPipe } from './params';

const LIST_DESCRIPTION = `the list the view filters: ${VIEW_LISTS.map((l) => `${l} (${VIEW_LIST_LABELS[l].zh})`).join(', ')}`;

class ViewListQueryDto {
  @ApiPropertyOptional({ enum: VIEW_LISTS, default: 'inbox', description: LIST_DESCRIPTION })
  @IsOptional()
  @IsIn(VIEW_LISTS)
  list?: ViewList;
}

class SavedViewDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: VIEW_LISTS, description: LIST_DESCRIPTION }) list: ViewList;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'the login name of who saved it' }) owner: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'their display name, as the UI names people; null for a user no longer there',
  })
  ownerName: string | null;
  @ApiProperty() mine: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true }) filter: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '{roles, districts, departments}' })
  sharedWith: Record<string, string[]>;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

class ShareRoleDto {
  @ApiProperty({ example: 'city_coordinator' }) value: string;
  @ApiProperty({ type: TextDto, example: { zh: '科技处（统筹）', en: 'City coordinator' } }) label: TextDto;
}

const BODY = {
  type: 'object' as const,
  required: ['name'],
  properties: {
    list: {
      type: 'string' as const,
      enum: [...VIEW_LISTS],
      default: 'inbox',
      description: `${LIST_DESCRIPTION}; fixed once saved (a PUT naming another is 422 VIEW_LIST_FIXED)`,
    },
    name: { type: 'string' as const, maxLength: 100 },
    // The filters of the view's list, checked as that list checks its query.
    filter: {
      anyOf: VIEW_LISTS.map((list) => ({
        ...formSchema(VIEW_FILTER_FIELDS[list]),
        title: `${list} filter`,
      })),
    },
    sharedWith: {
      type: 'object' as const,
      properties: {
        roles: { type: 'array' as const, items: { type: 'string' as const } },
        districts: { type: 'array' as const, items: { type: 'string' as const } },
        departments: { type: 'array' as const, items: { type: 'string' as const } },
      },
    },
  },
};

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('views')
export class SavedViewsController {
  constructor(private readonly views: SavedViewsService) {}

  @Get()
  @ApiDoc({
    summary: '共享视图 My saved views of a list and those shared with me',
    description: 'Of the inbox unless `list` names another list.',
    ok: [SavedViewDto],
    errors: [400, 401],
  })
  list(@CurrentActor() actor: Actor, @Query() q: ViewListQueryDto) {
    return this.views.list(actor, q.list);
  }

  @Get('share-roles')
  @Roles(...VIEW_SAVERS)
  @ApiDoc({
    summary: '可共享的角色 The roles a view may be shared with',
    description:
      'The roles that work cases, in the order of the roles list: neither enterprise users nor the three administrators (系统管理员, 安全管理员, 安全审计员), whom a share is refused (422).',
    ok: [ShareRoleDto],
    errors: [401, 403],
  })
  shareRoles(): ShareRoleDto[] {
    return VIEW_AUDIENCE_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));
  }

  @Post()
  @Roles(...VIEW_SAVERS)
  @ApiBody({ schema: BODY })
  @ApiDoc({
    summary: '保存视图 Save a list’s filter, optionally shared',
    ok: SavedViewDto,
    status: 201,
    errors: [400, 401, 403, 413, 422],
  })
  create(@CurrentActor() actor: Actor, @Body() body: ViewBody) {
    return this.views.create(actor, body);
  }

  @Put(':id')
  @Roles(...VIEW_SAVERS)
  @ApiBody({ schema: BODY })
  @ApiDoc({
    summary: '修改视图 Change my view',
    ok: SavedViewDto,
    errors: [400, 401, 403, 404, 413, 422],
  })
  update(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: ViewBody) {
    return this.views.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiDoc({ summary: '删除视图 Delete my view', ok: null, status: 204, errors: [400, 401, 403, 404] })
  remove(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.views.remove(actor, id);
  }
}
