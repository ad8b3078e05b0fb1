import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The seams ESLint keeps (eslint.config.mjs, docs/design.md 3.1), checked on imports written as
// files in each place would write them: by the package alias and by a relative path alike.
const root = join(__dirname, '../..');

// ESLint loads its flat config with a dynamic import, which jest's module sandbox refuses: one
// child process lints every case (import specifier in a file at a path that need not exist).
const LINT = `
import { ESLint } from 'eslint';
import { join } from 'node:path';
const eslint = new ESLint({ cwd: process.cwd() });
const cases = JSON.parse(process.argv[1]);
const out = [];
for (const [path, specifier] of cases) {
  const [result] = await eslint.lintText(\`import * as x from '\${specifier}';\\nexport const y = x;\\n\`, {
    filePath: join(process.cwd(), path),
  });
  out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
}
console.log(JSON.stringify(out));
`;

type Case = [path: string, specifier: string];

const REFUSED_OUTSIDE: Case[] = [
  ['apps/api/src/services/x.ts', '@hardtech/workflows/lifecycle/machine'],
  ['apps/api/src/services/x.ts', '../../../../workflows/lifecycle/machine'],
  ['apps/api/src/services/x.ts', '../../../../workflows'],
  ['libs/persistence/src/repositories/x.ts', '../../../../workflows/lifecycle/context'],
  ['libs/temporal/src/x.ts', '../../../workflows/lifecycle/patches'],
  ['activities/x.ts', '../workflows/lifecycle/machine'],
];
const ALLOWED_OUTSIDE: Case[] = [
  ['apps/api/src/services/x.ts', '@hardtech/workflows/lifecycle/definition'],
  ['apps/api/src/services/x.ts', '../../../../workflows/lifecycle/definition'],
  ['libs/domain/src/x.ts', './ledger'],
];
const REFUSED_INSIDE: Case[] = [
  ['workflows/lifecycle/x.ts', '@hardtech/persistence'],
  ['workflows/lifecycle/x.ts', '../../libs/persistence/src/repositories/tasks.repository'],
  ['workflows/lifecycle/x.ts', '../../libs/config/src'],
  ['workflows/lifecycle/x.ts', '../../activities/projection'],
  ['workflows/lifecycle/x.ts', '../../apps/api/src/main'],
  ['workflows/lifecycle/x.ts', '../../libs/temporal/src/temporal-client.module'],
  ['workflows/lifecycle/x.ts', '../../libs/temporal/src'],
];
const ALLOWED_INSIDE: Case[] = [
  ['workflows/lifecycle/x.ts', './machine'],
  ['workflows/lifecycle/x.ts', '@hardtech/domain'],
  ['workflows/lifecycle/x.ts', '../../libs/domain/src/ledger'],
  ['workflows/lifecycle/x.ts', '../../libs/temporal/src/lifecycle.contract'],
];

let answers: Map<string, string[]>;
beforeAll(() => {
  const cases = [...REFUSED_OUTSIDE, ...ALLOWED_OUTSIDE, ...REFUSED_INSIDE, ...ALLOWED_INSIDE];
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', LINT, JSON.stringify(cases)], {
    cwd: root,
    encoding: 'utf8',
  });
  const messages: string[][] = JSON.parse(out);
  answers = new Map(cases.map(([path, specifier], i) => [`${path} ${specifier}`, messages[i]]));
}, 60_000);

/** The no-restricted-imports messages the import gets. */
const fenced = (path: string, specifier: string) => answers.get(`${path} ${specifier}`);

describe('the fence around workflows/ internals', () => {
  it.each(REFUSED_OUTSIDE)('refuses %s importing %s', (path, specifier) => {
    expect(fenced(path, specifier)).toEqual([expect.stringContaining('workflows/ is read through')]);
  });

  it.each(ALLOWED_OUTSIDE)('lets %s import %s', (path, specifier) => {
    expect(fenced(path, specifier)).toEqual([]);
  });
});

describe('the fence around workflows/ themselves', () => {
  it.each(REFUSED_INSIDE)('refuses %s importing %s', (path, specifier) => {
    expect(fenced(path, specifier)).toHaveLength(1);
  });

  it.each(ALLOWED_INSIDE)('lets %s import %s', (path, specifier) => {
    expect(fenced(path, specifier)).toEqual([]);
  });
});
