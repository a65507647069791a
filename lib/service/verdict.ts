import { createHash } from 'node:crypto';
import packageJson from '../../package.json';
import { lint, localeFor, rules, supportedLanguages, type Template } from '../engine';
import { canonicalJson } from './json';
import type { Verdict } from './store';

let ruleSetVersion: string | undefined;

/**
 * A short hash of what decides a verdict besides the template: each rule's id and
 * default severity and every locale's data. Computed once, on first use.
 */
export function currentRuleSetVersion(): string {
  ruleSetVersion ??= sha256(
    canonicalJson({
      rules: Object.values(rules).map(({ meta }) => [meta.id, meta.defaultSeverity]),
      locales: supportedLanguages.map((language) => localeFor(language)),
    }),
  ).slice(0, 16);
  return ruleSetVersion;
}

/** Lints a template (already valid) and records what decided the result. */
export function judge(template: Template, now: Date): Verdict {
  return {
    result: lint(template),
    engineVersion: packageJson.version,
    ruleSetVersion: currentRuleSetVersion(),
    contentHash: sha256(canonicalJson(template)),
    lintedAt: now.toISOString(),
  };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
