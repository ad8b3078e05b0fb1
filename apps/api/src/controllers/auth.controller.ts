import { Body, Controller, Get, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '@hardtech/domain';
import { BeforePasswordChange, CurrentActor, Public, SelfService } from '../auth/decorators';
import { IDENTITY_PROVIDER, IdentityProvider, PasswordState } from '../auth/identity-provider';
import { ActorDto, ChangePasswordDto, LoginDto, LoginResultDto } from '../dtos/auth.dto';
import { ApiDoc } from '../openapi/api-doc';
import { AuthService } from '../services/auth.service';
import { SingleSignOnService } from '../auth/single-sign-on/single-sign-on.service';
import { UsersService } from '../services/users.service';

class SignedOutDto {
  @ApiProperty({
    required: false,
    description: 'for a session opened by single sign-on: open this to sign out at the identity service too',
  })
  endSessionUrl?: string;
}

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(IDENTITY_PROVIDER) private readonly identity: IdentityProvider,
    private readonly sso: SingleSignOnService,
  ) {}

  @Public()
  @Post('auth/login')
  @ApiDoc({
    summary: '登录 Log in',
    description:
      'Answers a bearer token. 5 wrong passwords lock the account for 15 minutes; an address with 20 failed logins in a minute is refused for the rest of it (429).',
    ok: LoginResultDto,
    errors: [400, 401, 413, 429],
  })
  login(@Body() dto: LoginDto, @Req() req: Request) {
    return this.auth.login(dto.username, dto.password, req.ip ?? 'unknown');
  }

  @Post('auth/logout')
  @SelfService()
  @BeforePasswordChange()
  @ApiBearerAuth()
  @ApiDoc({
    summary: '退出登录 Log out',
    description:
      'The token used for this request stops working at once. A session opened by single sign-on answers the identity service’s sign-out URL as well.',
    ok: SignedOutDto,
    errors: [401],
  })
  async logout(@Req() req: Request): Promise<SignedOutDto> {
    const jti = await this.identity.signOut(req);
    const endSessionUrl = jti ? await this.sso.endSessionUrl(jti) : null;
    return endSessionUrl ? { endSessionUrl } : {};
  }

  @Get('me')
  @BeforePasswordChange()
  @ApiBearerAuth()
  @ApiDoc({ summary: '当前用户 The caller', ok: ActorDto, errors: [401] })
  me(@CurrentActor() actor: Actor, @Req() req: Request & PasswordState) {
    return req.passwordChangeRequired ? { ...actor, mustChangePassword: true } : actor;
  }

  @Post('me/password')
  @SelfService()
  @BeforePasswordChange()
  @ApiBearerAuth()
  @ApiDoc({
    summary: '修改密码 Change my password',
    description: 'Ends every other session and answers a fresh token.',
    ok: LoginResultDto,
    errors: [400, 401, 413, 422],
  })
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto, @Req() req: Request) {
    return this.users.changeOwnPassword(actor, dto.currentPassword, dto.newPassword, req.ip ?? null);
  }
}
