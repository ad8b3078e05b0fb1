import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
  const assets = express.static(root, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) =>
    isApi(req) ? next() : assets(req, res, next),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || isApi(req)) return next();
    res.sendFile(index);
  });
}
