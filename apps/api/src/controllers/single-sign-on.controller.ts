import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError, InvalidInput, t } from '@hardtech/domain';
import { Public } from '../auth/decorators';
import { SingleSignOnService } from '../auth/single-sign-on/single-sign-on.service';
import { SingleSignOnInfoDto } from '../dtos/single-sign-on.dto';
import { ApiDoc } from '../openapi/api-doc';

const LOGIN_URL = '/api/auth/oidc/login';

/**
 * Single sign-on through the unified identity service (issue 22 §5). Browser navigations, not XHR:
 * the login and the callback answer redirects; the callback hands the session to the web's login
 * page in the URL fragment, which never reaches a server or its logs.
 */
@ApiTags('auth')
@Public()
@Controller('auth/oidc')
export class SingleSignOnController {
  constructor(private readonly sso: SingleSignOnService) {}

  @Get()
  @ApiDoc({ summary: '单点登录是否可用 Single sign-on: on or off', ok: SingleSignOnInfoDto, errors: [] })
  info(): SingleSignOnInfoDto {
    const oidc = this.sso.settings;
    return { enabled: !!oidc, label: oidc?.label ?? null, loginUrl: oidc ? LOGIN_URL : null };
  }

  @Get('login')
  @ApiDoc({
    summary: '单点登录 Start a single sign-on',
    description:
      'Redirects the browser to the identity service (authorization code with PKCE). `returnTo`: a path of this site to open afterwards. 404 when single sign-on is not configured.',
    ok: null,
    status: 302,
    errors: [400, 404],
  })
  async login(@Query('returnTo') returnTo: unknown, @Res() res: Response): Promise<void> {
    this.configured();
    if (returnTo !== undefined && (typeof returnTo !== 'string' || returnTo.length > 512)) {
      throw new InvalidInput([
        {
          field: 'returnTo',
          text: t(
            'returnTo 须为本站路径（至多 512 个字符）',
            'returnTo: one path of this site, at most 512 characters',
          ),
        },
      ]);
    }
    res.redirect(302, await this.sso.start(returnTo));
  }

  @Get('callback')
  @ApiDoc({
    summary: '单点登录回调 Where the identity service sends the browser back',
    description:
      'Checks state, exchanges the code (PKCE), verifies the ID token and opens a session for the account mapped to its subject; redirects to /login#token=…&expiresIn=…&returnTo=… or /login#ssoError=<reason> (sso_state_unknown, sso_refused, sso_failed, sso_account_unknown). 400 without a state.',
    ok: null,
    status: 302,
    errors: [400, 404],
  })
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    this.configured();
    const params = Object.fromEntries(
      Object.entries(req.query).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    if (!params.state || params.state.length > 200) {
      throw new DomainError(
        400,
        'SSO_STATE_MISSING',
        t('单点登录回调缺少 state 参数', 'the callback needs its state'),
      );
    }
    const outcome = await this.sso.finish(params, req.ip ?? 'unknown');
    const fragment =
      'failure' in outcome
        ? new URLSearchParams({ ssoError: outcome.failure })
        : new URLSearchParams({
            token: outcome.token,
            expiresIn: String(outcome.expiresIn),
            returnTo: outcome.returnTo,
          });
    res.set('cache-control', 'no-store').redirect(302, `/login#${fragment}`);
  }

  private configured(): void {
    if (!this.sso.settings) {
      throw new DomainError(
        404,
        'SSO_NOT_CONFIGURED',
        t('未配置单点登录', 'single sign-on is not configured'),
      );
    }
  }
}
