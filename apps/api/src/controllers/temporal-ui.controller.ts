import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../auth/decorators';
import { ApiDoc } from '../openapi/api-doc';

/**
 * The cookie nginx turns back into a bearer token for the Temporal UI's auth_request
 * (deploy/nginx/templates/default.conf.template). It holds the administrator's own token, so
 * signing out or an expired token closes the UI too.
 */
export const TEMPORAL_UI_COOKIE = 'hardtech_temporal_ui';
const TEMPORAL_UI_PATH = '/temporal';

/** The Temporal UI sits behind nginx, for administrators only (issue 20: the engine is not a back door). */
@ApiTags('ops')
@ApiBearerAuth()
@Roles('system_admin')
@Controller('ops/temporal-ui')
export class TemporalUiController {
  @Post('session')
  @HttpCode(204)
  @ApiDoc({
    summary: '打开 Temporal 控制台 Open the Temporal UI',
    description: `Sets an HttpOnly cookie for ${TEMPORAL_UI_PATH}/ carrying the caller's token; the browser then opens ${TEMPORAL_UI_PATH}/.`,
    ok: null,
    status: 204,
    errors: [401, 403],
  })
  session(@Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')![1];
    res.cookie(TEMPORAL_UI_COOKIE, token, {
      path: TEMPORAL_UI_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
    });
  }

  @Get('access')
  @HttpCode(204)
  @ApiDoc({
    summary: 'Temporal 控制台访问检查 May the caller see the Temporal UI',
    description: "nginx's auth_request for every request under /temporal/: 204 for an administrator.",
    ok: null,
    status: 204,
    errors: [401, 403],
  })
  access(): void {}
}
