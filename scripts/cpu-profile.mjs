// `node scripts/cpu-profile.mjs <file.cpuprofile> [--from s] [--to s] [--top n] [--callers regex]`:
// where a profile's time went (issue 21), from the .cpuprofile files `npm run bench` writes with
// APP_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' (one per thread: the worker's workflow thread is
// `…<pid>.1.*`). Prints the busy milliseconds per 5 s of the profile (to find a phase's window), then
// the self time in the window by package, file and function. `--callers regex` prints instead the
// stacks (nine frames) under which the functions matching it spent their self time.
// The V8 profiler samples wall time: a thread waiting in a system call or for the CPU (a loaded
// machine) counts where it waits, so read shares beside the bench's CPU per completion (/proc).
import { readFileSync } from 'node:fs';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error(
    'usage: node scripts/cpu-profile.mjs <file.cpuprofile> [--from s] [--to s] [--top n] [--callers regex]',
  );
  process.exit(2);
}
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : args[i + 1];
};
const from = Number(option('--from', 0));
const to = Number(option('--to', Infinity));
const top = Number(option('--top', 40));
const callers = option('--callers');

const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
const NOT_BUSY = new Set(['(idle)', '(program)']);

/** A script's address without the checkout's or node_modules' prefix. */
const shortUrl = (url) =>
  (url || '')
    .replace(/^file:\/\//, '')
    .replace(/.*\/node_modules\//, 'nm/')
    .replace(/.*\/dist\//, '');
const frameName = (id) => {
  const { functionName, url, lineNumber } = nodes.get(id).callFrame;
  return `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
};
/** A package (`nm/typeorm/…` → typeorm), a Node internal, or the project's folder (`libs/persistence`). */
// Native frames (no script: `(idle)`, `(garbage collector)`, `runInContext`, `writev`) go by their name.
const packageOf = (url) => {
  if (!url) return undefined;
  if (url.startsWith('node:')) return '(node)';
  const parts = url.split('/');
  if (parts[0] === 'nm') return parts.slice(1, parts[1].startsWith('@') ? 3 : 2).join('/');
  return parts.length > 1 ? parts.slice(0, 2).join('/') : url;
};

const busyPer5s = new Map();
const self = new Map();
const stacks = new Map();
let elapsed = 0;
let windowMs = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  elapsed += ms;
  const id = profile.samples[i];
  const second = elapsed / 1000;
  if (!NOT_BUSY.has(nodes.get(id).callFrame.functionName)) {
    const bucket = Math.floor(second / 5) * 5;
    busyPer5s.set(bucket, (busyPer5s.get(bucket) ?? 0) + ms);
  }
  if (second < from || second > to) continue;
  windowMs += ms;
  self.set(id, (self.get(id) ?? 0) + ms);
  if (callers && new RegExp(callers).test(frameName(id))) {
    const chain = [];
    for (let cur = id; cur !== undefined && chain.length < 9; cur = parent.get(cur))
      chain.push(frameName(cur));
    const key = chain.join('\n    < ');
    stacks.set(key, (stacks.get(key) ?? 0) + ms);
  }
}

const sum = (key) => {
  const totals = new Map();
  for (const [id, ms] of self) totals.set(key(id), (totals.get(key(id)) ?? 0) + ms);
  return totals;
};
const show = (title, totals, n = top) => {
  console.log(`\n== ${title}`);
  for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(
      `${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / windowMs).toFixed(1).padStart(5)}%  ${name}`,
    );
  }
};

console.log(`${file}: ${elapsed.toFixed(0)} ms profiled, ${windowMs.toFixed(0)} ms in the window`);
console.log('busy ms per 5 s:', [...busyPer5s].map(([s, ms]) => `${s}:${ms.toFixed(0)}`).join(' '));
if (callers) {
  show(`stacks under ${callers}`, stacks, 10);
} else {
  show(
    'self time by package',
    sum((id) => packageOf(shortUrl(nodes.get(id).callFrame.url)) || frameName(id)),
    30,
  );
  show(
    'self time by file',
    sum((id) => shortUrl(nodes.get(id).callFrame.url) || frameName(id)),
  );
  show('self time by function', sum(frameName));
}
