import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA = join(ROOT, 'data');
export const TOOLS_BIN = join(ROOT, '.tools', 'bin');
export const DIST = join(ROOT, 'dist');
