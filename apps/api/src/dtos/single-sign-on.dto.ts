import { ApiProperty } from '@nestjs/swagger';

export class SingleSignOnInfoDto {
  @ApiProperty({ description: 'single sign-on is configured (OIDC_ISSUER)' }) enabled: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'the login button, e.g. 统一身份认证登录' })
  label: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'where the browser starts a login: /api/auth/oidc/login',
  })
  loginUrl: string | null;
}
