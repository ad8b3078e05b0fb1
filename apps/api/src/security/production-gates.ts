import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '@hardtech/config';
import type { IdentityProvider } from '../auth/identity-provider';

const unauthenticated = (res: Response) =>
  res.status(401).json({
    statusCode: 401,
    error: 'Unauthorized',
    code: 'UNAUTHENTICATED',
    message: '请先登录或登录已过期 / missing or expired token',
  });

/**
 * /metrics in production: only the scraper holding METRICS_TOKEN (the metrics name routes, load and
 * failures an attacker could map the system with); without a token configured it is not served.
 * In development and test it stays open for the local tools.
 */
export function metricsGate(config: AppConfig) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (config.env !== 'production') return next();
    const token = config.metricsToken;
    const given = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (token && given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token))) {
      return next();
    }
    unauthenticated(res);
  };
}

/** /api/docs and /api/docs-json in production: the contract is for signed-in users only. */
export function docsGate(config: AppConfig, identity: IdentityProvider) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (config.env !== 'production') return next();
    identity.identify(req).then(
      (actor) => (actor ? next() : unauthenticated(res)),
      (e) => next(e),
    );
  };
}
