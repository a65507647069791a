import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An empty templates folder for the tests of the infrastructure: they check resources, not
 * templates, so they do not fail while a lint rule is being changed. The deploy gate over
 * the shipped templates is tested in deploy-gate.test.ts.
 */
export function emptyTemplatesDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'smslint-no-templates-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
