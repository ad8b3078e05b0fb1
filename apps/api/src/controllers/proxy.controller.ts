import { Body, Controller, Delete, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@hardtech/domain';
import { CurrentActor } from '../auth/decorators';
import { PeopleDto, PeopleQueryDto, ProxyAnswerDto, ProxyDto } from '../dtos/urge-cc-proxy.dto';
import { ApiDoc } from '../openapi/api-doc';
import { ProxyService } from '../services/proxy.service';

/** 委托代理 (issue 17.6): my stand-in while I am away. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('me/proxy')
export class ProxyController {
  constructor(private readonly proxies: ProxyService) {}

  @Get()
  @ApiDoc({ summary: '委托代理 My proxy, and whom I stand in for', ok: ProxyAnswerDto, errors: [401] })
  get(@CurrentActor() actor: Actor) {
    return this.proxies.get(actor);
  }

  @Get('candidates')
  @ApiDoc({
    summary: '可选代理人 Whom I may name my proxy',
    description:
      'Active users of my role whose scope covers mine (what PUT checks, less the period), whose username or name contains `q`; at most 50. Empty for a role that names no proxy: only case officers hold personal tasks (not an enterprise user, an administrator or a read-only role).',
    ok: PeopleDto,
    errors: [400, 401],
  })
  candidates(@CurrentActor() actor: Actor, @Query() query: PeopleQueryDto) {
    return this.proxies.candidates(actor, query.q);
  }

  @Put()
  @ApiDoc({
    summary: '设置委托代理 Name my proxy from one instant until another',
    description:
      'While from ≤ now < until, `to` sees my personal tasks in view=mine and may do them; completions record actor = the proxy and onBehalfOf = me. Only a case officer names a proxy; `to` must be active, of my role, with a scope covering mine (422 PROXY_NOT_ALLOWED). Replaces an earlier setting; audited.',
    ok: ProxyAnswerDto,
    errors: [400, 401, 403, 413, 422],
  })
  set(@CurrentActor() actor: Actor, @Body() dto: ProxyDto) {
    return this.proxies.set(actor, dto);
  }

  @Delete()
  @ApiDoc({ summary: '结束委托代理 End my proxy (audited)', ok: ProxyAnswerDto, errors: [401, 403] })
  remove(@CurrentActor() actor: Actor) {
    return this.proxies.remove(actor);
  }
}
