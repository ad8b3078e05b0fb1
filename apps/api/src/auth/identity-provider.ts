import type { Request } from 'express';
import type { Actor } from '@hardtech/domain';

/**
 * Who is calling. Local JWT login implements it today; an OIDC provider (the government's unified
 * identity platform) can replace it by providing another implementation under this token.
 */
export interface IdentityProvider {
  identify(req: Request): Promise<Actor | null>;
}

export const IDENTITY_PROVIDER = Symbol('IDENTITY_PROVIDER');
