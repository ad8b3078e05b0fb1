import { EnvReader } from './env-reader';

/**
 * Single sign-on with the government's unified identity service (统一身份认证) over OIDC:
 * authorization code with PKCE. Absent, only local login exists.
 */
export interface OidcConfig {
  /** The issuer URL; its /.well-known/openid-configuration is read at the first login. */
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE only). */
  clientSecret?: string;
  /** Where the identity service sends the browser back: <PUBLIC_URL>/api/auth/oidc/callback. */
  redirectUri: string;
  /** Where the identity service sends the browser after signing out: <PUBLIC_URL>/login. */
  postLogoutRedirectUri: string;
  scopes: string;
  /** The button on the login page, e.g. 统一身份认证登录. */
  label: string;
}

export const OIDC_VARIABLES = {
  OIDC_ISSUER: 'api: OIDC issuer URL of the unified identity service; turns single sign-on on (optional)',
  OIDC_CLIENT_ID: 'api: the client id registered there (with OIDC_ISSUER)',
  OIDC_CLIENT_SECRET: 'api: its secret (leave unset for a public client: PKCE only)',
  OIDC_SCOPES: 'api: scopes asked for (default "openid profile")',
  OIDC_LABEL: 'api: the login button (default 统一身份认证登录)',
} as const;

export function readOidc(read: EnvReader, publicUrl: string, production: boolean): OidcConfig | undefined {
  const issuer = read.string('OIDC_ISSUER');
  const clientId = read.string('OIDC_CLIENT_ID');
  const clientSecret = read.string('OIDC_CLIENT_SECRET');
  const scopes = read.string('OIDC_SCOPES');
  const label = read.string('OIDC_LABEL');
  if (!issuer && !clientId) return undefined;
  read.check(!!issuer && !!clientId, 'OIDC_ISSUER and OIDC_CLIENT_ID go together');
  if (issuer) read.check(/^https?:\/\/\S+$/.test(issuer), 'OIDC_ISSUER must be an http(s) URL');
  // Its default, http://localhost:PORT, is no address a browser elsewhere can be sent back to.
  if (production)
    read.check(
      !!read.string('PUBLIC_URL'),
      'PUBLIC_URL is required with OIDC_ISSUER in production: the identity service sends the browser back to <PUBLIC_URL>/api/auth/oidc/callback',
    );
  return {
    issuer: issuer ?? '',
    clientId: clientId ?? '',
    clientSecret,
    redirectUri: `${publicUrl}/api/auth/oidc/callback`,
    postLogoutRedirectUri: `${publicUrl}/login`,
    scopes: scopes ?? 'openid profile',
    label: label ?? '统一身份认证登录',
  };
}
