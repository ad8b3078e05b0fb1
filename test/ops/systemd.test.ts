import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_VARIABLES } from '@hardtech/config';

// deploy/systemd (issue 22 item 3): the units a plain VM runs, checked by systemd's own verifier,
// and the install script kept in step with the units, the nginx templates and the configuration.
const ROOT = join(__dirname, '../..');
const UNITS = join(ROOT, 'deploy/systemd');
const INSTANCES = ['hardtech-api@3001.service', 'hardtech-worker@9464.service'];

/** An export of a scripts/lib ES module, called in a node process; its result as JSON. */
function lib(module: string, fn: string, ...args: unknown[]): any {
  const out = execFileSync(process.execPath, [
    '--input-type=module',
    '-e',
    `import(${JSON.stringify(join(ROOT, 'scripts/lib', module))}).then((m) => process.stdout.write(JSON.stringify(m.${fn}(...${JSON.stringify(args)}))))`,
  ]).toString();
  return JSON.parse(out);
}

/** systemd-analyze verify on the units in `dir` (instances of the templates linked beside them). */
function verify(dir: string) {
  const analyze: string = lib('debian.mjs', 'ensureDebianCommand', 'systemd-analyze', 'systemd');
  const units = readdirSync(dir).filter((f) => /\.(service|target)$/.test(f) && !f.includes('@.'));
  return spawnSync(analyze, ['verify', '--man=no', ...units.map((u) => `./${u}`)], {
    cwd: dir,
    encoding: 'utf8',
  });
}

function copyUnits(): string {
  const dir = mkdtempSync(join(tmpdir(), 'units-'));
  for (const f of readdirSync(UNITS)) copyFileSync(join(UNITS, f), join(dir, f));
  for (const instance of INSTANCES) symlinkSync(instance.replace(/@\d+/, '@'), join(dir, instance));
  return dir;
}

describe('systemd units (deploy/systemd)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('pass systemd-analyze verify', () => {
    const dir = copyUnits();
    dirs.push(dir);
    const r = verify(dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('the verifier catches a broken unit', () => {
    const dir = copyUnits();
    dirs.push(dir);
    const api = join(dir, 'hardtech-api@.service');
    const text = readFileSync(api, 'utf8');
    writeFileSync(api, text.replace('Restart=always', 'Restart=sometimes'));
    expect(verify(dir).stderr).toContain('Failed to parse service restart specifier');
  });

  it('keep evidence files from other local users, with the exposure systemd scores below 4 (of 10)', () => {
    const dir = copyUnits();
    dirs.push(dir);
    const analyze: string = lib('debian.mjs', 'ensureDebianCommand', 'systemd-analyze', 'systemd');
    for (const instance of INSTANCES) {
      const r = spawnSync(analyze, ['security', '--offline=yes', '--threshold=40', `./${instance}`], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(r.stdout).toMatch(/Overall exposure level for \S+: [0-3]\.\d/);
      expect(r.status).toBe(0);
      // Not world-readable: files created under the state directory (0750) with umask 0027.
      expect(r.stdout).not.toContain('world-readable');
      const unit = readFileSync(join(UNITS, instance.replace(/@\d+/, '@')), 'utf8');
      expect(unit).toMatch(/^StateDirectoryMode=0750$/m);
      expect(unit).toMatch(/^UMask=0027$/m);
    }
  });

  it('start the files the build makes, as the hardtech user, all part of hardtech.target', () => {
    for (const unit of ['hardtech-api@.service', 'hardtech-worker@.service', 'hardtech-migrate.service']) {
      const text = readFileSync(join(UNITS, unit), 'utf8');
      const [, file] = /^ExecStart=\/usr\/bin\/node (\S+)$/m.exec(text)!;
      expect(existsSync(join(ROOT, file))).toBe(true);
      expect(text).toMatch(/^User=hardtech$/m);
      expect(text).toMatch(/^PartOf=hardtech\.target$/m);
      expect(text).toMatch(/^WantedBy=hardtech\.target$/m);
      expect(text).toMatch(/^EnvironmentFile=\/etc\/hardtech\/hardtech\.env$/m);
      expect(text).toMatch(/^ProtectSystem=strict$/m);
    }
    // The drains fit in the stop timeouts (the defaults of libs/config).
    const stop = (unit: string) =>
      Number(/^TimeoutStopSec=(\d+)$/m.exec(readFileSync(join(UNITS, unit), 'utf8'))![1]);
    expect(stop('hardtech-api@.service')).toBeGreaterThan(25);
    expect(stop('hardtech-worker@.service')).toBeGreaterThan(20);
  });

  it('has an environment file example of variables the processes read', () => {
    const names = readFileSync(join(UNITS, 'hardtech.env.example'), 'utf8')
      .split('\n')
      .filter((l) => /^[A-Z]/.test(l))
      .map((l) => l.split('=')[0]);
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((n) => !(n in CONFIG_VARIABLES))).toEqual([]);
    // As compose and the Helm chart set it.
    expect(readFileSync(join(UNITS, 'hardtech.env.example'), 'utf8')).toMatch(
      /^WORKER_ACTIVATION_TIMEOUT_MS=30000$/m,
    );
  });

  it('has an install script that parses, and renders nginx with every template variable and the profile’s server line', () => {
    const script = readFileSync(join(UNITS, 'install.sh'), 'utf8');
    expect(spawnSync('sh', ['-n', join(UNITS, 'install.sh')]).status).toBe(0);
    const templates = join(ROOT, 'deploy/nginx/templates');
    const used = new Set(
      readdirSync(templates).flatMap((f) =>
        [...readFileSync(join(templates, f), 'utf8').matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g)].map((m) => m[1]),
      ),
    );
    const listed = /^VARS='(.*)'$/m.exec(script)![1].match(/[A-Z][A-Z0-9_]*/g)!;
    expect([...listed].sort()).toEqual([...used].sort());
    const line: string = lib('nginx.mjs', 'apiServers', ['127.0.0.1:$port']);
    expect(script).toContain(`API_SERVERS="$API_SERVERS ${line}"`);
  });
});
