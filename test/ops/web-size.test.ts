import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// Issue 22 item 6: the login page's JavaScript under 400 KB gzipped (it was 875 KB: one 2.7 MB
// bundle with every page and all of ECharts). The build (scripts/lib/build.mjs, before the tests)
// leaves apps/web/dist; the login page loads the entry script and what index.html preloads with it.
const DIST = join(__dirname, '../../apps/web/dist');
const BUDGET = 400 * 1024;

function loginScripts(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
}

const gzipped = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;

test('the login page loads under 400 KB of gzipped JavaScript, without the pages and charts', () => {
  const scripts = loginScripts();
  expect(scripts.length).toBeGreaterThan(0);
  const total = scripts.reduce((sum, file) => sum + gzipped(file), 0);
  console.log(`login page JavaScript: ${scripts.length} files, ${Math.round(total / 1024)} KB gzipped`);
  expect(total).toBeLessThan(BUDGET);
  // The pages and ECharts are chunks of their own, loaded when a signed-in user opens them.
  expect(scripts.some((f) => /EChart|DashboardPage|TaskPage/.test(f))).toBe(false);
});

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

// Vite's record of the build (build.manifest): each chunk with the chunks it imports before it runs.
const manifest = (): Record<string, ManifestChunk> =>
  JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8'));

/** The files a module waits for before it runs: its chunk and its static imports, transitively. */
function staticClosure(
  chunks: Record<string, ManifestChunk>,
  key: string,
  seen = new Set<string>(),
): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of chunks[key].imports ?? []) staticClosure(chunks, imported, seen);
  return seen;
}

// The first page after sign-in: a leader's dashboard asked for its KPI only once ECharts (590 KB)
// had arrived and run; the charts now come after the figures (components/LazyEChart).
test.each([
  'src/pages/dashboard/DashboardPage.tsx',
  'src/pages/enterprises/EnterprisePage.tsx',
  'src/pages/home/EnterpriseHomePage.tsx',
  'src/pages/inbox/InboxPage.tsx',
])('%s runs without waiting for ECharts', (page) => {
  const chunks = manifest();
  const needed = [...staticClosure(chunks, page)].map((key) => chunks[key].file);
  expect(needed.length).toBeGreaterThan(0);
  // ECharts' init names each chart's element by this attribute: a chunk holding it holds ECharts.
  expect(
    needed.filter((file) => readFileSync(join(DIST, file), 'utf8').includes('_echarts_instance_')),
  ).toEqual([]);
});
