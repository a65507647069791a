import { join } from 'node:path';
import { rules, type Rule, type RuleMeta, type Severity } from '../../lib/engine';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- the locale data the fixture rules' messages are added to
import { localeFor } from '../../lib/engine/locales';
import { smslint, workspace, type RunOptions } from './run';

/**
 * Rules the CLI tests own, added to this test file's copy of the registry (with their
 * English messages), so that exit codes, positions, report shapes and fixes are asserted on
 * findings the tests control, whatever the real rules find. `fixtureConfig` turns every
 * real rule off. Until createLinter takes rules and locales (issue 13), they go into the
 * shared registry and locale data.
 */
function fixtureRule(id: string, defaultSeverity: Severity, docs: Omit<RuleMeta['docs'], 'url'>, messages: Record<string, string>, check: Rule['check']): string {
  rules[id] = { meta: { id, defaultSeverity, docs: { ...docs, url: `https://example.test/${id}` }, messages: Object.keys(messages) }, check };
  localeFor('en')!.messages[id] = messages;
  return id;
}

export const CAPITALS = fixtureRule('fixture-capitals', 'error', { description: 'Words in capitals (fixture).', rationale: 'Capitals read as shouting.' }, { shouting: '"{word}" is in capitals', lower: 'write it in lower case' }, ({ text, report }) => {
  for (const match of text.masked.matchAll(/\b[A-Z]{2,}\b/g)) {
    report({ start: match.index, end: match.index + match[0].length, messageId: 'shouting', data: { word: match[0] }, suggestionId: 'lower' });
  }
});

export const EXCLAMATION = fixtureRule('fixture-exclamation', 'warning', { description: 'Exclamation marks (fixture).', rationale: 'They add alarm.' }, { exclamation: 'exclamation mark' }, ({ body, report }) => {
  for (let index = body.indexOf('!'); index >= 0; index = body.indexOf('!', index + 1)) report({ start: index, end: index + 1, messageId: 'exclamation' });
});

/** Offers a fix for each pair of spaces: four spaces take two passes of lint and fix to become one. */
export const DOUBLE_SPACE = fixtureRule('fixture-double-space', 'warning', { description: 'Two spaces in a row (fixture).', rationale: 'One is enough.' }, { double: 'two spaces' }, ({ body, report }) => {
  for (const match of body.matchAll(/ {2}/g)) {
    report({ start: match.index, end: match.index + 2, messageId: 'double', fix: { start: match.index, end: match.index + 2, text: ' ' } });
  }
});

/** Always offers a fix (an insertion at the start): the fix loop must stop by itself. Off unless a test turns it on. */
export const ENDLESS = fixtureRule('fixture-endless', 'warning', { description: 'Never satisfied (fixture).', rationale: 'Tests the bound on fix passes.' }, { more: 'one more' }, ({ report }) => {
  report({ start: 0, end: 0, messageId: 'more', fix: { start: 0, end: 0, text: '>' } });
});

const ON_IN_FIXTURES = new Set([CAPITALS, EXCLAMATION, DOUBLE_SPACE]);

/** A config with every real rule off and the fixture rules at their defaults (`fixture-endless` off), plus `extra`. */
export function fixtureConfig(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const off = Object.keys(rules).filter((id) => !ON_IN_FIXTURES.has(id)).map((id) => [id, 'off']);
  const { rules: extraRules, ...rest } = extra as { rules?: Record<string, unknown> };
  return { rules: { ...Object.fromEntries(off), ...extraRules }, ...rest };
}

/** A config with the real rules at their defaults and every fixture rule off: the CLI as users run it. */
export function realRulesConfig(): Record<string, unknown> {
  return { rules: Object.fromEntries([CAPITALS, EXCLAMATION, DOUBLE_SPACE, ENDLESS].map((id) => [id, 'off'])) };
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
