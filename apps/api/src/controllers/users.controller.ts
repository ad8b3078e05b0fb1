import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@hardtech/domain';
import { CurrentActor, Roles } from '../auth/decorators';
import { CreateUserDto, UpdateUserDto, UserDto, UserListDto, UserQueryDto } from '../dtos/user.dto';
import { ApiDoc } from '../openapi/api-doc';
import { UsersService } from '../services/users.service';
import { UsernamePipe } from './params';

/** User administration: the system administrator and 科技处 (who may not touch administrators). */
@ApiTags('users')
@ApiBearerAuth()
@Roles('system_admin', 'city_coordinator')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiDoc({ summary: '用户列表 Users', ok: UserListDto, errors: [400, 401, 403] })
  list(@Query() q: UserQueryDto) {
    return this.users.list({
      role: q.role,
      q: q.q,
      active: q.active === undefined ? undefined : q.active === 'true',
      page: q.page ?? 1,
      pageSize: q.pageSize ?? 20,
    });
  }

  @Get(':username')
  @ApiDoc({ summary: '用户详情 A user', ok: UserDto, errors: [400, 401, 403, 404] })
  get(@Param('username', UsernamePipe) username: string) {
    return this.users.get(username);
  }

  @Post()
  @ApiDoc({
    summary: '创建用户 Create a user',
    description:
      'Passwords as the security policy says (by default 10+ characters with letters and digits). Only a system administrator creates administrators (system, security, audit). A scope cluster the taxonomy never had is 400; a retired one 422 CLUSTER_RETIRED naming scope.clusters[i].',
    ok: UserDto,
    status: 201,
    errors: [400, 401, 403, 409, 413, 422],
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Patch(':username')
  @ApiDoc({
    summary: '修改用户 Change, deactivate, unlock a user or reset the password',
    description:
      'Changes take effect on the user’s next request; a password reset ends their sessions. A retired cluster newly put in the scope is 422 CLUSTER_RETIRED (one the user already has stays). One’s own account: no deactivation, role change or password reset (422 OWN_ACCOUNT; one’s password is changed by POST /api/me/password).',
    ok: UserDto,
    errors: [400, 401, 403, 404, 413, 422],
  })
  update(
    @CurrentActor() actor: Actor,
    @Param('username', UsernamePipe) username: string,
    @Body() dto: UpdateUserDto,
  ) {
    return this.users.update(actor, username, dto);
  }
}
