import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Before the UI is built, a placeholder page says where the API is. */
const PLACEHOLDER_ROOT = 'apps/web/placeholder';

/** Serves the built web UI on the same origin; unknown non-API paths get index.html (client routing). */
export function serveWeb(app: NestExpressApplication, webRoot: string): void {
  const root = [webRoot, PLACEHOLDER_ROOT]
    .map((r) => resolve(r))
    .find((r) => existsSync(join(r, 'index.html')));
  if (!root) return;
  const index = join(root, 'index.html');
  app.useStaticAssets(root, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
    res.sendFile(index);
  });
}
