// A file created only if its name is free, and never seen half-written: written aside, then
// linked into place (link() is atomic and fails when the name exists). The build lock and the
// run file of `npm start` both rest on it. Only Node built-ins: it runs before anything else.
import { randomUUID } from 'node:crypto';
import { linkSync, rmSync, writeFileSync } from 'node:fs';

/** Creates `path` holding `text` and answers true, or answers false when `path` exists. */
export function createExclusive(path, text) {
  const aside = `${path}.${randomUUID()}`;
  writeFileSync(aside, text);
  try {
    linkSync(aside, path);
    return true;
  } catch (e) {
    if (e.code === 'EEXIST') return false;
    throw e;
  } finally {
    rmSync(aside, { force: true });
  }
}
