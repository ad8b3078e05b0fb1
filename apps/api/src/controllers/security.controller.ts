import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@hardtech/domain';
import { CurrentActor, Roles } from '../auth/decorators';
import { LockoutListDto, SecurityPolicyDto, SessionListDto, SessionQueryDto } from '../dtos/security.dto';
import { ApiDoc } from '../openapi/api-doc';
import { SecurityService } from '../services/security.service';
import { IdPipe, UsernamePipe } from './params';

/** The security administrator's endpoints (三员, issue 20.3); nobody else's. */
@ApiTags('security')
@ApiBearerAuth()
@Roles('security_admin')
@Controller('security')
export class SecurityController {
  constructor(private readonly security: SecurityService) {}

  @Get('policy')
  @ApiDoc({ summary: '安全策略 The security policy', ok: SecurityPolicyDto, errors: [401, 403] })
  policy() {
    return this.security.getPolicy();
  }

  @Put('policy')
  @ApiDoc({
    summary: '修改安全策略 Replace the security policy',
    description:
      'Lockout, idle timeout and lifetime of sessions, password rules and maximum age, trusted proxies, ' +
      'outbound hosts. Applies at once to every session and the next login or password change.',
    ok: SecurityPolicyDto,
    errors: [400, 401, 403, 413],
  })
  replace(@CurrentActor() actor: Actor, @Body() dto: SecurityPolicyDto) {
    return this.security.putPolicy(actor, dto);
  }

  @Get('sessions')
  @ApiDoc({
    summary: '在线会话 Live sessions',
    description:
      'Most recently used first, a page at a time (`page`, `pageSize`: 20 by default, 100 at most).',
    ok: SessionListDto,
    errors: [400, 401, 403],
  })
  sessions(@Query() q: SessionQueryDto) {
    return this.security.listSessions(q.username, q.page, q.pageSize);
  }

  @Delete('sessions/:id')
  @ApiDoc({
    summary: '结束会话 Revoke a session',
    description: 'Its token stops working at once.',
    ok: null,
    status: 204,
    errors: [400, 401, 403, 404],
  })
  async revoke(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    await this.security.revokeSession(actor, id);
  }

  @Get('lockouts')
  @ApiDoc({ summary: '锁定的账号 Locked accounts', ok: LockoutListDto, errors: [401, 403] })
  lockouts() {
    return this.security.listLockouts();
  }

  @Delete('lockouts/:username')
  @ApiDoc({
    summary: '解除锁定 Unlock an account',
    description: 'Its count of wrong passwords starts afresh.',
    ok: null,
    status: 204,
    errors: [400, 401, 403, 404],
  })
  async unlock(@Param('username', UsernamePipe) username: string) {
    await this.security.unlock(username);
  }
}
