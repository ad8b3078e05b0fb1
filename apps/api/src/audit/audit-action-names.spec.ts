import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { auditActionLabel } from '@hardtech/domain';

/** Every route the controllers serve, as the audit log names its action (`POST /api/tasks/:id/urge`). */
function routes(): string[] {
  const dir = join(__dirname, '..', 'controllers');
  const found: string[] = [];
  const joined = (...parts: string[]) =>
    `/${parts
      .flatMap((p) => p.split('/'))
      .filter(Boolean)
      .join('/')}`;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.controller.ts'))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(join(dir, file)) as Record<string, unknown>;
    for (const controller of Object.values(exported)) {
      if (typeof controller !== 'function') continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
      if (base === undefined) continue;
      const proto = (controller as { prototype: object }).prototype;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = (proto as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        found.push(`${RequestMethod[method]} ${joined('api', base, path)}`);
      }
    }
  }
  return found.sort();
}

describe('the audit log’s names of actions', () => {
  const all = routes();

  it('finds the controllers’ routes', () => {
    expect(all.length).toBeGreaterThan(80);
    expect(all).toContain('POST /api/tasks/:id/urge');
  });

  // The log shows every write, every refusal and every read of an administrator: each in words, as
  // an auditor calls it, never the verb and the raw path (提交 /api/tasks/:id/urge).
  it('names every route in words', () => {
    const unnamed = all.filter((action) => auditActionLabel(action).zh.includes('/api/'));
    expect(unnamed).toEqual([]);
  });

  // Events the services append to the log under a name of their own (`action: 'proxy.set'`), each
  // in words too: the auditor read `proxy.set` beside 设置委托代理.
  it('names every event the code appends by name', () => {
    const root = join(__dirname, '..', '..', '..', '..');
    const appenders = ['apps/api/src', 'apps/worker/src', 'libs/persistence/src', 'activities'].flatMap(
      (dir) =>
        (readdirSync(join(root, dir), { recursive: true }) as string[])
          .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.includes('migrations'))
          .map((f) => readFileSync(join(root, dir, f), 'utf8'))
          .filter((text) => text.includes('.append(')),
    );
    const named = appenders.flatMap((text) =>
      [...text.matchAll(/action: ([^,\n]*)/g)].flatMap((m) =>
        [...m[1].matchAll(/'([a-z_]+\.[a-z_]+)'/g)].map((q) => q[1]),
      ),
    );
    expect(named).toEqual(expect.arrayContaining(['proxy.set', 'proxy.changed', 'auth.login']));
    const unnamed = [...new Set(named)].filter((action) => auditActionLabel(action).zh === action);
    expect(unnamed).toEqual([]);
  });
});
