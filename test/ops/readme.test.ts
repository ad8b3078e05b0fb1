import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES } from '@hardtech/config';

// Operators configure from the README's table: every variable a process reads is in it.
describe('README operations section', () => {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
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
