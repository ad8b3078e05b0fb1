import fs, { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { serveWeb } from './web';

// Issue 21: an API read never looks for a file of the web UI on disk.
describe('serveWeb', () => {
  const root = mkdtempSync(join(tmpdir(), 'web-'));
  writeFileSync(join(root, 'index.html'), '<html>app</html>');
  writeFileSync(join(root, 'app.js'), 'console.log(1)');
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'index-3f2a.js'), 'console.log(2)');
  // Express as Nest's adapter extends it (useStaticAssets mounts express.static).
  const app = Object.assign(express(), {
    useStaticAssets(path: string, options: object) {
      return app.use(express.static(path, options));
    },
  });
  serveWeb(app as unknown as NestExpressApplication, root);
  app.use((req, res) => res.status(200).json({ api: req.path })); // the API's routes, after it
  const server = app.listen(0);
  const get = (path: string) =>
    fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`).then(async (r) => ({
      status: r.status,
      text: await r.text(),
      cache: r.headers.get('cache-control'),
    }));
  afterAll(() => {
    server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the UI files and index.html for client routes', async () => {
    expect(await get('/app.js')).toMatchObject({ status: 200, text: 'console.log(1)' });
    expect(await get('/tasks/inbox')).toMatchObject({ status: 200, text: '<html>app</html>' });
  });

  it('passes GET /api/… on to the API without a stat of the web root', async () => {
    const stat = jest.spyOn(fs, 'stat');
    try {
      expect(await get('/api/tasks?page=1')).toMatchObject({ status: 200, text: '{"api":"/api/tasks"}' });
      expect(stat).not.toHaveBeenCalled();
      await get('/app.js');
      expect(stat).toHaveBeenCalled(); // the spy sees what the static files do
    } finally {
      stat.mockRestore();
    }
  });

  it("keeps the build's hashed chunks a year and asks again for index.html, as deploy/nginx does", async () => {
    expect(await get('/assets/index-3f2a.js')).toEqual({
      status: 200,
      text: 'console.log(2)',
      cache: 'public, max-age=31536000, immutable',
    });
    for (const path of ['/', '/inbox', '/index.html', '/app.js'])
      expect((await get(path)).cache).toBe('no-cache');
  });
});
