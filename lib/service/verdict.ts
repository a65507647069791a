import { createHash } from 'node:crypto';
import packageJson from '../../package.json';
import { lint, localeFor, rules, supportedLanguages, type ResolvedConfig, type Template } from '../engine';
import type { ServiceConfig } from './config';
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

/** What the rules say of a template (already valid) under `config`, and so what it needs before it can be sent. */
export function outcomeOf(template: Template, config: ResolvedConfig): Pick<Verdict, 'status' | 'suppressedErrors' | 'result'> {
  const result = lint(template, config);
  const suppressedErrors = result.findings
    .filter((finding) => finding.severity === 'error' && finding.suppressed)
    .map(({ ruleId, message, start, end, suppressionReason }) => ({ ruleId, message, start, end, suppressionReason }));
  return { status: !result.passed ? 'failed' : suppressedErrors.length > 0 ? 'needs_approval' : 'passed', suppressedErrors, result };
}

/** Lints a template (already valid) with the service's config and records what decided the result and who asked. */
export function judge(template: Template, config: ServiceConfig, principal: string, now: Date): Verdict {
  return {
    ...outcomeOf(template, config.resolved),
    lintedBy: principal,
    engineVersion: packageJson.version,
    ruleSetVersion: currentRuleSetVersion(),
    configHash: config.hash,
    contentHash: sha256(canonicalJson(template)),
    lintedAt: now.toISOString(),
  };
}

/**
 * What a verdict decides, as one comparable string: its status and every error finding
 * (rule, span, suppressed or not). Warnings decide nothing, so a new warning does not
 * make a verdict stale; a rule turned to error, a new error or a suppression that no
 * longer covers one does.
 */
export function decisionOf(verdict: Pick<Verdict, 'status' | 'result'>): string {
  const errors = verdict.result.findings
    .filter((finding) => finding.severity === 'error')
    .map((finding) => `${finding.ruleId}@${finding.start}-${finding.end}${finding.suppressed ? ':suppressed' : ''}`)
    .sort();
  return `${verdict.status}|${errors.join(',')}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
