import { lint, rules } from '../../lib/engine';
import type { Config, Finding } from '../../lib/engine';

/** A template for the tables: locale and category default to en / transactional. */
export interface Case {
  body: string;
  locale?: string;
  category?: 'transactional' | 'promotional';
  sender?: string;
  variables?: Record<string, unknown>;
  /**
   * Config as a user writes it (JSON). Typed loosely: the `Config` type derived by
   * json-schema-to-ts reads no `prefixItems`, so it cannot express `['warn', { ... }]`.
   */
  config?: Config;
}

/** What a test expects of one finding: its span, and words of its message and suggestion. */
export interface Expected {
  start: number;
  end: number;
  message?: string;
  suggestion?: string;
}

/** Lints `template` with every rule off but `ruleId` (its settings from `config` kept). */
export function findingsOf(ruleId: string, { config, ...fields }: Case): Finding[] {
  const onlyThisRule: Config['rules'] = Object.fromEntries(Object.keys(rules).map((id) => [id, id === ruleId ? (config?.rules?.[id] ?? 'error') : 'off']));
  const template = { locale: 'en', category: 'transactional', ...fields };
  return lint(template, { ...config, rules: onlyThisRule }).findings;
}

/**
 * ESLint-style table: every `valid` case yields no finding of the rule; every `invalid` case
 * yields exactly the expected findings, in order, with their spans.
 */
export function ruleTable(ruleId: string, table: { valid: Case[]; invalid: Array<Case & { errors: Expected[] }> }): void {
  describe(ruleId, () => {
    test.each(table.valid.map((c) => [c.body, c] as const))('valid: %s', (_body, c) => {
      expect(findingsOf(ruleId, c)).toEqual([]);
    });
    test.each(table.invalid.map((c) => [c.body, c] as const))('invalid: %s', (_body, { errors, ...c }) => {
      const findings = findingsOf(ruleId, c);
      expect(findings.map(({ ruleId: id, start, end }) => ({ ruleId: id, start, end }))).toEqual(
        errors.map(({ start, end }) => ({ ruleId, start, end })),
      );
      errors.forEach((error, i) => {
        if (error.message !== undefined) expect(findings[i].message).toContain(error.message);
        if (error.suggestion !== undefined) expect(findings[i].suggestion).toBe(error.suggestion);
      });
    });
  });
}
