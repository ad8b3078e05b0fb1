import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { BaseClient, custom, errors, generators, Issuer } from 'openid-client';
import { AppConfig, CONFIG, OidcConfig } from '@hardtech/config';
import { AuditRepository, SingleSignOnRepository, UsersRepository } from '@hardtech/persistence';
import { AuthService } from '../../services/auth.service';
import { safeReturnTo } from './return-to';

// openid-client gives the identity service 3.5 s per request; a busy one (or its first token,
// when it makes its signing keys) takes longer, and the person would be sent back to the login page.
custom.setHttpOptionsDefaults({ timeout: 15_000 });

/** Why a single sign-on did not end in a session; the login page says it in words. */
export type SsoFailure = 'sso_state_unknown' | 'sso_refused' | 'sso_failed' | 'sso_account_unknown';

/** Where the browser goes when the callback is done: the login page, with a token or a reason. */
export type SsoOutcome = { token: string; expiresIn: number; returnTo: string } | { failure: SsoFailure };

/**
 * Single sign-on with the unified identity service (统一身份认证) over OpenID Connect: authorization
 * code with PKCE (S256), state and nonce kept server-side, the ID token checked by openid-client
 * (signature, issuer, audience, expiry, nonce). The person is the account an administrator mapped to
 * the token's subject; there is no auto-provisioning. The session is then an ordinary one of this
 * API (AuthService.issue), so every rule of the guard applies unchanged; signing out here also ends
 * the session at the identity service (RP-initiated logout).
 */
@Injectable()
export class SingleSignOnService {
  private client?: Promise<BaseClient>;

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly pending: SingleSignOnRepository,
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditRepository,
    private readonly jwt: JwtService,
  ) {}

  get settings(): OidcConfig | undefined {
    return this.config.auth.oidc;
  }

  /** The identity service's authorization URL for a new login that comes back to `returnTo`. */
  async start(returnTo: unknown): Promise<string> {
    const oidc = this.required();
    const codeVerifier = generators.codeVerifier();
    const state = generators.state();
    const nonce = generators.nonce();
    await this.pending.savePending({ state, codeVerifier, nonce, returnTo: safeReturnTo(returnTo) });
    return (await this.oidcClient()).authorizationUrl({
      scope: oidc.scopes,
      state,
      nonce,
      code_challenge: generators.codeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** The callback: exchanges the code once, checks the ID token and opens a session for its subject. */
  async finish(params: Record<string, string>, clientAddress: string): Promise<SsoOutcome> {
    const oidc = this.required();
    const login = params.state ? await this.pending.takePending(params.state) : null;
    if (!login) return this.fail('sso_state_unknown', null, clientAddress);
    if (params.error) return this.fail('sso_refused', null, clientAddress, params.error);
    let subject: string;
    let idToken: string;
    try {
      const client = await this.oidcClient();
      const tokens = await client.callback(oidc.redirectUri, params, {
        state: login.state,
        nonce: login.nonce,
        code_verifier: login.codeVerifier,
      });
      subject = tokens.claims().sub;
      idToken = tokens.id_token!;
    } catch (e) {
      const reason = e instanceof errors.OPError || e instanceof errors.RPError ? e.message : String(e);
      return this.fail('sso_failed', null, clientAddress, reason);
    }
    const username = await this.pending.usernameOf(subject);
    const user = username ? await this.users.findActive(username) : null;
    if (!user) return this.fail('sso_account_unknown', subject, clientAddress);
    const session = await this.auth.issue(user, clientAddress);
    const { jti, exp } = this.jwt.decode(session.accessToken) as { jti: string; exp: number };
    await this.pending.saveSession(jti, idToken, new Date(exp * 1000));
    await this.audit.append({
      actor: user.username,
      actorRole: user.role,
      action: 'auth.login',
      data: { clientAddress, method: 'oidc', subject },
    });
    return { token: session.accessToken, expiresIn: session.expiresIn, returnTo: login.returnTo };
  }

  /**
   * Where the browser goes to sign out at the identity service too, for a session opened by single
   * sign-on (null for a local one).
   */
  async endSessionUrl(jti: string): Promise<string | null> {
    const oidc = this.settings;
    if (!oidc) return null;
    const idToken = await this.pending.takeSession(jti);
    if (!idToken) return null;
    return (await this.oidcClient()).endSessionUrl({
      id_token_hint: idToken,
      post_logout_redirect_uri: oidc.postLogoutRedirectUri,
    });
  }

  private required(): OidcConfig {
    if (!this.settings) throw new Error('single sign-on is not configured'); // routes check first
    return this.settings;
  }

  /** Discovered at the first use and kept; a failed discovery is tried again next time. */
  private oidcClient(): Promise<BaseClient> {
    const oidc = this.required();
    this.client ??= Issuer.discover(oidc.issuer).then(
      (issuer) =>
        new issuer.Client({
          client_id: oidc.clientId,
          client_secret: oidc.clientSecret,
          redirect_uris: [oidc.redirectUri],
          post_logout_redirect_uris: [oidc.postLogoutRedirectUri],
          response_types: ['code'],
          token_endpoint_auth_method: oidc.clientSecret ? 'client_secret_basic' : 'none',
        }),
    );
    this.client.catch(() => (this.client = undefined));
    return this.client;
  }

  private async fail(
    failure: SsoFailure,
    subject: string | null,
    clientAddress: string,
    reason?: string,
  ): Promise<SsoOutcome> {
    await this.audit.append({
      actor: subject ? `oidc:${subject}` : 'anonymous',
      action: 'auth.login_failed',
      outcome: 'refused',
      status: 401,
      data: { method: 'oidc', code: failure.toUpperCase(), clientAddress, ...(reason ? { reason } : {}) },
    });
    return { failure };
  }
}
