import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The project root: the nearest folder above this file that holds `package.json`.
 * Resolved by walking up rather than from a fixed `__dirname` offset, so Lambda
 * entries and sample templates are found whether the app runs with tsx from `lib/`
 * or compiled under `dist/`.
 */
export const projectRoot: string = findProjectRoot(__dirname);

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'cdk.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json with a cdk.json above ${start}`);
  }
}

/** A path relative to the project root made absolute; an absolute path stays as it is. */
export function fromRoot(...segments: string[]): string {
  return resolve(projectRoot, ...segments);
}
