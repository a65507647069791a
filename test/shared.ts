import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * `../shared` beside the clone holds the labelled corpus and public SMS collections, never
 * copied into the project: a bare clone has none of it.
 */
const sharedDir = resolve(__dirname, '../../shared');

/**
 * `describe(name, suite)` given the absolute path of `file` in `../shared`; when the file
 * is absent, one skipped test whose name says why, and the reason on standard error, so a
 * bare clone's `npm test` names what it did not run.
 */
export function describeWithShared(name: string, file: string, suite: (path: string) => void): void {
  const path = resolve(sharedDir, file);
  if (existsSync(path)) {
    describe(name, () => suite(path));
    return;
  }
  const reason = `skipped: ../shared/${file} is absent (it sits beside the clone; see the README, Development)`;
  process.stderr.write(`${name}: ${reason}\n`);
  describe(name, () => {
    it.skip(reason, () => undefined);
  });
}
