// Debian's Chromium drives the e2e suite; playwright-core brings no browser of its own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

// A font with Chinese glyphs, or every label in the screenshots is a row of boxes.
const CJK_FONT = 'fonts-wqy-microhei';

function hasCjkFont() {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

/** Installs Chromium (and a Chinese font) with apt-get when missing, saying what it runs. */
export function ensureChromium(run) {
  const packages = [...(existsSync(CHROMIUM) ? [] : ['chromium']), ...(hasCjkFont() ? [] : [CJK_FONT])];
  if (!packages.length) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing ${packages.join(', ')}: run as root, or: apt-get install -y ${packages.join(' ')}`,
    );
  }
  process.env.DEBIAN_FRONTEND = 'noninteractive';
  console.log(`▸ Installing ${packages.join(', ')} for the browser tests:`);
  console.log('  apt-get update');
  run('apt-get', ['update']);
  console.log(`  apt-get install -y ${packages.join(' ')}`);
  run('apt-get', ['install', '-y', '--no-install-recommends', ...packages]);
}

export const LAUNCH_OPTIONS = {
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
};
