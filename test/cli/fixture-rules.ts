import { join } from 'node:path';
import { rules } from '../../lib/engine';
import { localeFor } from '../../lib/engine/locales';
import { smslint, workspace, type RunOptions } from './run';

/**
 * Two rules the CLI tests own, added to this test file's copy of the registry, so that
 * exit codes, positions and report shapes are asserted on findings the tests control,
 * whatever the real rules find. `fixtureConfig` turns every real rule off.
 */
export const CAPITALS = 'fixture-capitals';
export const EXCLAMATION = 'fixture-exclamation';

rules[CAPITALS] = {
  meta: {
    id: CAPITALS,
    defaultSeverity: 'error',
    docs: { description: 'Words in capitals (fixture).', rationale: 'Capitals read as shouting.' },
  },
  check({ text, report }) {
    for (const match of text.masked.matchAll(/\b[A-Z]{2,}\b/g)) {
      report({ start: match.index, end: match.index + match[0].length, messageId: 'shouting', data: { word: match[0] }, suggestionId: 'lower' });
    }
  },
};

rules[EXCLAMATION] = {
  meta: {
    id: EXCLAMATION,
    defaultSeverity: 'warning',
    docs: { description: 'Exclamation marks (fixture).', rationale: 'They add alarm.' },
  },
  check({ body, report }) {
    for (let index = body.indexOf('!'); index >= 0; index = body.indexOf('!', index + 1)) {
      report({ start: index, end: index + 1, messageId: 'exclamation' });
    }
  },
};

const messages = localeFor('en')!.messages;
messages[CAPITALS] = { shouting: '"{word}" is in capitals', lower: 'write it in lower case' };
messages[EXCLAMATION] = { exclamation: 'exclamation mark' };

/** A config with every real rule off and the fixture rules at their defaults, plus `extra`. */
export function fixtureConfig(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const off = Object.keys(rules).filter((id) => id !== CAPITALS && id !== EXCLAMATION).map((id) => [id, 'off']);
  const { rules: extraRules, ...rest } = extra as { rules?: Record<string, unknown> };
  return { rules: { ...Object.fromEntries(off), ...extraRules }, ...rest };
}

/**
 * Writes the fixture config to a fresh folder, removed after the file's tests, and returns
 * a runner of the CLI with `--config` pointing at it.
 */
export function useFixtureConfig() {
  const { dir, cleanUp } = workspace({ 'smslint.config.json': fixtureConfig() });
  afterAll(cleanUp);
  const path = join(dir, 'smslint.config.json');
  return { path, lintWithFixtures: (args: string[], options?: RunOptions) => smslint(['--config', path, ...args], options) };
}
