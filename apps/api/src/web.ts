import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Before the UI is built, a placeholder page says where the API is. */
const PLACEHOLDER_ROOT = 'apps/web/placeholder';

const isApi = (req: Request) => req.path.startsWith('/api');

/**
 * Serves the built web UI on the same origin; unknown non-API paths get index.html (client routing).
 * API paths pass the static files by: mounted before the API's routes, the static middleware would
 * otherwise look for every GET /api/… on disk first: a stat and send's work per inbox read (issue
 * 21: 2.7% of the API's CPU-profile samples in the bench's throughput phase, the largest item after
 * socket writes and GC).
 */
export function serveWeb(app: NestExpressApplication, webRoot: string): void {
  const root = [webRoot, PLACEHOLDER_ROOT]
    .map((r) => resolve(r))
    .find((r) => existsSync(join(r, 'index.html')));
  if (!root) return;
  const index = join(root, 'index.html');
  // As deploy/nginx serves them. With one hour for every file, a browser asked again for each chunk
  // of the first page (30 and more) after an hour, and could keep for an hour an index.html whose
  // chunks a new build had removed.
  const hashed = join(root, 'assets') + sep;
  const assets = express.static(root, {
    index: false,
    setHeaders: (res, file) => res.setHeader('Cache-Control', file.startsWith(hashed) ? FOREVER : REVALIDATE),
  });
  app.use((req: Request, res: Response, next: NextFunction) =>
    isApi(req) ? next() : assets(req, res, next),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || isApi(req)) return next();
    res.setHeader('Cache-Control', REVALIDATE);
    res.sendFile(index);
  });
}

/** A build's chunks (assets/), named by their content's hash: kept a year, never asked again. */
const FOREVER = 'public, max-age=31536000, immutable';
/** index.html and what else is not hashed: asked again each time (a 304 while unchanged). */
const REVALIDATE = 'no-cache';
