import type { Request } from 'express';
import type { Actor } from '@hardtech/domain';

/**
 * Who is calling. Local JWT login implements it today; an OIDC provider (the government's unified
 * identity platform) can replace it by providing another implementation under this token: the
 * guard, the scope rule and every endpoint only ever see the `Actor` it returns.
 */
export interface IdentityProvider {
  /** The verified caller, or null (the guard answers 401). */
  identify(req: Request): Promise<Actor | null>;
  /** Ends the session the request was made with (POST /api/auth/logout); its id, if it had one. */
  signOut(req: Request): Promise<string | null>;
}

export const IDENTITY_PROVIDER = Symbol('IDENTITY_PROVIDER');

/** Set on the request by the identity provider when the caller must change its password first. */
export interface PasswordState {
  passwordChangeRequired?: boolean;
}
