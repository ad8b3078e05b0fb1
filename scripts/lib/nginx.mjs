// nginx at the edge of the cluster profile, from the same templates as compose's nginx service
// (deploy/nginx/templates, rendered as the nginx image's envsubst does: ${UPPER_CASE} names only).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';
import { ensureDebianCommand } from './debian.mjs';
import { startProcess } from './processes.mjs';

const TEMPLATES = join(ROOT, 'deploy', 'nginx', 'templates');
const MAIN_TEMPLATE = join(ROOT, 'deploy', 'nginx', 'nginx.conf.template');
const VARIABLE = /\$\{([A-Z][A-Z0-9_]*)\}/g;

/** nginx from PATH or /usr/sbin, installing Debian's package when there is none. */
export const nginxBinary = () => ensureDebianCommand('nginx', 'nginx', { paths: ['/usr/sbin/nginx'] });

/**
 * The upstream's server lines: one failure takes a process out of rotation for 5 s (passive
 * health: nginx has no active probes), then it is tried again. Compose writes the same line for
 * `api:3000` (test/ops/compose.test.ts checks).
 */
export const API_FAIL_TIMEOUT_SECONDS = 5;
export const apiServers = (addresses) =>
  addresses.map((a) => `server ${a} max_fails=1 fail_timeout=${API_FAIL_TIMEOUT_SECONDS}s;`).join(' ');

export function substitute(text, vars, file) {
  return text.replace(VARIABLE, (_, name) => {
    if (!(name in vars)) throw new Error(`${file}: no value for \${${name}}`);
    return vars[name];
  });
}

/**
 * Writes <prefix>/conf/nginx.conf and conf.d/ from the templates. `vars` holds every template
 * variable (README, "Operations: nginx"); NGINX_PREFIX is set here.
 */
export function renderNginxConfig(prefix, vars) {
  const all = { ...vars, NGINX_PREFIX: prefix };
  const confD = join(prefix, 'conf', 'conf.d');
  for (const dir of [confD, join(prefix, 'logs'), join(prefix, 'temp')]) mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(prefix, 'conf', 'nginx.conf'),
    substitute(readFileSync(MAIN_TEMPLATE, 'utf8'), all, MAIN_TEMPLATE),
  );
  for (const name of readdirSync(TEMPLATES).filter((f) => f.endsWith('.template'))) {
    const file = join(TEMPLATES, name);
    writeFileSync(
      join(confD, name.replace(/\.template$/, '')),
      substitute(readFileSync(file, 'utf8'), all, file),
    );
  }
  return join(prefix, 'conf', 'nginx.conf');
}

/** The template variables of the cluster profile (TLS from NGINX_TLS_CERT/NGINX_TLS_KEY when both are set). */
export function clusterNginxVars({ port, apiPorts, uiPort, env = process.env }) {
  const tls = !!(env.NGINX_TLS_CERT && env.NGINX_TLS_KEY);
  return {
    API_SERVERS: apiServers(apiPorts.map((p) => `127.0.0.1:${p}`)),
    // Without a UI (an external Temporal) the location answers 502: nothing to show.
    TEMPORAL_UI: `127.0.0.1:${uiPort ?? 9}`,
    NGINX_LISTEN: tls ? `${port} ssl` : String(port),
    NGINX_TLS: tls ? 'on' : 'off',
    NGINX_TLS_CERT: env.NGINX_TLS_CERT ?? '',
    NGINX_TLS_KEY: env.NGINX_TLS_KEY ?? '',
    NGINX_MAX_BODY: env.NGINX_MAX_BODY ?? `${Number(env.MAX_UPLOAD_MB ?? 10) + 2}m`,
    WEB_ROOT: env.WEB_ROOT ?? join(ROOT, 'apps', 'web', 'dist'),
    NGINX_REAL_IP_FROM: env.NGINX_REAL_IP_FROM ?? '127.0.0.1',
  };
}

/** `nginx -t` on a rendered configuration; throws with nginx's message. */
export function checkNginxConfig(prefix, conf) {
  const r = spawnSync(nginxBinary(), ['-t', '-q', '-p', prefix, '-c', conf], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`nginx -t failed:\n${r.stderr}`);
}

/** Renders, checks and starts nginx in the foreground with a private prefix under data/. */
export function startNginx({ prefix, vars, logFile, echo }) {
  const conf = renderNginxConfig(prefix, vars);
  checkNginxConfig(prefix, conf);
  return startProcess('nginx', nginxBinary(), ['-p', prefix, '-c', conf, '-g', 'daemon off;'], {
    logFile,
    echo,
  });
}
