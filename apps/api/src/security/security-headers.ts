import type { NextFunction, Request, Response } from 'express';

/**
 * The page may load only its own scripts, styles and images (antd writes its styles inline, ECharts
 * draws on canvas) and may not be framed by another site (clickjacking); no referrer leaves the
 * site; browsers do not guess content types (uploads are served as what they were checked to be).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Security headers on every answer (issue 20.7, 等保 2.0 level 3, docs/security.md). */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  // Only over TLS (directly, or X-Forwarded-Proto from a trusted proxy): over plain HTTP the header
  // would be ignored, and on a development machine it would pin localhost to https.
  if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  next();
}
