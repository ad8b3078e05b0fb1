// `node scripts/measure-inbox.mjs`: how soon the officers' inbox asks for its tasks and shows them
// after the login click, in headless Chromium against a fresh demo stack of its own (the e2e
// profile's ports and database: E2E_API_PORT, E2E_TEMPORAL_PORT, E2E_DB_NAME, E2E_EMBEDDED_PG_PORT).
// For a district officer and the city coordinator, cold (a fresh context) and warm (the same
// context signed in again, its chunks cached), RUNS times each: click → the inbox's chunk loaded →
// first GET /api/tasks sent → first row visible, and the median of each. The CPU is slowed
// CPU_SLOWDOWN times (4 unless set), as a busy office PC would be. With PROFILE_DIR set, a CPU
// profile of each cold run's click → first GET /api/tasks is saved there, with the functions that
// took the most time printed; with SHOTS_DIR, screenshots of each user's inbox at 1440 and 390 px.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const API_PORT = Number(process.env.E2E_API_PORT ?? 3600);
const RUNS = Number(process.env.RUNS ?? 3);
const CPU_SLOWDOWN = Number(process.env.CPU_SLOWDOWN ?? 4);
const PROFILE_DIR = process.env.PROFILE_DIR;
const SHOTS_DIR = process.env.SHOTS_DIR;
/** PROFILE_TO=row: the profile runs on to the first row visible. */
const PROFILE_TO_ROW = process.env.PROFILE_TO === 'row';
const USERS = ['district-500112', 'coordinator'];
const PASSWORD = 'demo123456';

const { ensureBuilt } = await import('./lib/build.mjs');
const { freshStack } = await import('./lib/fresh-stack.mjs');
const { migrate, startApplication } = await import('./lib/stack.mjs');
const { run } = await import('./lib/processes.mjs');
const { DIST, ROOT } = await import('./lib/paths.mjs');
const { chromium } = await import('playwright-core');
const { LAUNCH_OPTIONS } = await import('../apps/web/e2e/chromium.mjs');

const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};

/** The functions with the most self time in a CPU profile, with their script. */
function hotFunctions(profile, top = 12) {
  const self = new Map();
  const dt = profile.timeDeltas;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const { callFrame } = byId.get(id);
    const file = callFrame.url.split('/').pop() || '(native)';
    const key = `${callFrame.functionName || '(anonymous)'} ${file}:${callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const byFile = new Map();
  profile.samples.forEach((id, i) => {
    const file = byId.get(id).callFrame.url.split('/').pop() || `(${byId.get(id).callFrame.functionName})`;
    byFile.set(file, (byFile.get(file) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { functions: sorted(self), files: sorted(byFile) };
}

async function signInOnce(context, username, { profile }) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  const marks = { chunk: null, tasks: null, row: null };
  let t0 = 0;
  page.on('requestfinished', (r) => {
    if (t0 && marks.chunk === null && /\/InboxPage-[^/]*\.js$/.test(r.url())) marks.chunk = Date.now() - t0;
  });
  let profiled;
  const firstTasks = new Promise((resolve) =>
    page.on('request', (r) => {
      if (t0 && marks.tasks === null && /\/api\/tasks(\?|$)/.test(r.url())) {
        marks.tasks = Date.now() - t0;
        resolve();
      }
    }),
  );
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  t0 = Date.now();
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  if (profile && !PROFILE_TO_ROW) {
    await firstTasks;
    profiled = (await cdp.send('Profiler.stop')).profile;
  }
  await page.locator('[data-testid=inbox-table] .ant-table-row').first().waitFor({ timeout: 60_000 });
  marks.row = Date.now() - t0;
  if (profile && PROFILE_TO_ROW) profiled = (await cdp.send('Profiler.stop')).profile;
  await page.evaluate(() => localStorage.clear()); // eslint-disable-line no-undef
  await page.close();
  return { marks, profiled };
}

/** The inbox of each user at 1440 px and on a 390 px phone, once its rows and figures are in. */
async function screenshots(browser) {
  mkdirSync(SHOTS_DIR, { recursive: true });
  for (const username of USERS) {
    for (const width of [1440, 390]) {
      const phone = width === 390;
      const context = await browser.newContext({
        viewport: { width, height: phone ? 844 : 900 },
        baseURL: `http://127.0.0.1:${API_PORT}`,
        locale: 'zh-CN',
        ...(phone ? { isMobile: true, hasTouch: true } : {}),
      });
      const page = await context.newPage();
      await page.goto('/login');
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: /^登\s*录$/ }).click();
      await page.getByTestId('inbox-table').waitFor();
      await page.waitForLoadState('networkidle');
      // Not while the list still loads (antd greys it out behind its spinner).
      await page.locator('.ant-spin-blur').waitFor({ state: 'detached' });
      await page.screenshot({ path: join(SHOTS_DIR, `${username}-${width}.png`), fullPage: true });
      await context.close();
    }
  }
}

const stack = freshStack();
let exitCode = 1;
try {
  await ensureBuilt();
  const { env, dataDir } = await stack.provision('e2e');
  const appEnv = { ...env, DEMO_MODE: 'true', NODE_ENV: 'development' };
  await migrate(appEnv);
  await startApplication(appEnv, { port: API_PORT, logDir: join(dataDir, 'logs'), echo: false });
  await run(process.execPath, [join(DIST, 'apps/api/src/seed/run-demo-seed.js')], { cwd: ROOT, env: appEnv });
  const browser = await chromium.launch(LAUNCH_OPTIONS);
  const results = [];
  try {
    for (const username of USERS) {
      const rows = { cold: [], warm: [] };
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({
          viewport: { width: 1440, height: 900 },
          baseURL: `http://127.0.0.1:${API_PORT}`,
          locale: 'zh-CN',
        });
        const cold = await signInOnce(context, username, { profile: !!PROFILE_DIR && i === 0 });
        const warm = await signInOnce(context, username, { profile: false });
        rows.cold.push(cold.marks);
        rows.warm.push(warm.marks);
        console.log(username, i, 'cold', JSON.stringify(cold.marks), 'warm', JSON.stringify(warm.marks));
        if (cold.profiled) {
          mkdirSync(PROFILE_DIR, { recursive: true });
          writeFileSync(join(PROFILE_DIR, `${username}.cpuprofile`), JSON.stringify(cold.profiled));
          const hot = hotFunctions(cold.profiled);
          console.log(
            `  self time by script (ms):`,
            hot.files.map(([f, ms]) => `${f} ${ms.toFixed(0)}`).join(', '),
          );
          for (const [f, ms] of hot.functions) console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${f}`);
        }
        await context.close();
      }
      for (const kind of ['cold', 'warm']) {
        const m = (key) => median(rows[kind].map((r) => r[key]));
        results.push({ username, kind, chunk: m('chunk'), tasks: m('tasks'), row: m('row') });
      }
    }
    if (SHOTS_DIR) await screenshots(browser);
  } finally {
    await browser.close();
  }
  console.log(`\nmedians of ${RUNS} runs (ms after the login click, CPU slowed ${CPU_SLOWDOWN}×):`);
  console.table(results);
  exitCode = 0;
} catch (e) {
  console.error(e);
} finally {
  await stack.cleanup();
}
process.exit(exitCode);
