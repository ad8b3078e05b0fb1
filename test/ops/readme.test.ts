import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES } from '@hardtech/config';

const ROOT = join(__dirname, '../..');

// Operators configure from the README's table: every variable a process reads is in it.
describe('README operations section', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const operations = readme.slice(readme.indexOf('## Operations'));

  it('documents every configuration variable of the api and the worker', () => {
    const names = Object.keys(CONFIG_VARIABLES);
    expect(names.filter((name) => !new RegExp(`^\\| \`${name}\` +\\|`, 'm').test(operations))).toEqual([]);
  });

  it('covers the cluster profile, compose, Helm, Temporal Cloud, backups and scaling workers', () => {
    const headings = [...operations.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(
      expect.arrayContaining([
        'Cluster profile: `npm run start:cluster`',
        'docker compose',
        'Helm (Kubernetes)',
        'Temporal Cloud',
        'Backups',
        'Scaling workers',
      ]),
    );
  });
});

/** The files a name in the docs may come from: the code, its configuration, the deployment. */
function codeText(): string {
  const skip = new Set(['node_modules', 'dist', 'data', 'artifacts', 'docs', 'histories', 'results']);
  const parts: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      // Not this file, which names a stale constant in a comment.
      if (name.startsWith('.') || skip.has(name) || path === __filename) continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|mjs|js|json|ya?ml|sh|conf|template|service|env)$|^Dockerfile$/.test(name)) {
        parts.push(readFileSync(path, 'utf8'));
      }
    }
  };
  for (const top of ['apps', 'libs', 'workflows', 'activities', 'scripts', 'deploy', 'test', 'bench']) {
    walk(join(ROOT, top));
  }
  for (const file of ['Dockerfile', 'docker-compose.yml', 'package.json', 'eslint.config.mjs']) {
    parts.push(readFileSync(join(ROOT, file), 'utf8'));
  }
  return parts.join('\n');
}

// A constant or an environment variable the docs name in backticks must be one the code has: a
// renamed one leaves the reader grepping for nothing (docs/api.md named ENTERPRISE_OPENED_LABELS
// after it had become ENTERPRISE_OPENED_WORDS).
describe('README and docs/*.md', () => {
  const docs = [
    'README.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];

  it('name only UPPER_SNAKE constants and variables that the code has', () => {
    const code = codeText();
    const named = (name: string): boolean =>
      new RegExp(`\\b${name}\\b`).test(code) ||
      // The test profiles' variables are built from a prefix: `${prefix}DB_NAME` (scripts/lib/fresh-stack.mjs).
      (/^(TEST|E2E|BENCH)_/.test(name) && code.includes(`}${name.replace(/^[A-Z0-9]+_/, '')}`));
    const missing = docs.flatMap((file) =>
      [
        ...new Set(
          [...readFileSync(join(ROOT, file), 'utf8').matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`/g)].map(
            (m) => m[1],
          ),
        ),
      ]
        .filter((name) => !named(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(missing).toEqual([]);
  });
});
