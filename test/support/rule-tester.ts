import { applyFixes, createLinter, rules as builtInRules } from '../../lib/engine';
import type { Config, Finding, Report, Rule, RuleContext } from '../../lib/engine';

/**
 * The one rule tester (ESLint's RuleTester, for templates): a table of valid templates, which
 * give no finding, and invalid ones, which give exactly the findings listed, in body order,
 * each with its message id, span, and (when listed) message and suggestion, and whose fixes
 * give exactly `output` (the body itself when the row has no `output`).
 */

/** A template for a row: locale and category default to en / transactional. */
export interface Case {
  body: string;
  locale?: string;
  category?: 'transactional' | 'promotional';
  sender?: string;
  variables?: Record<string, unknown>;
  /**
   * Config as a user writes it. The rule runs with its own setting from `rules` (its default
   * for the category when none) and no other rule runs.
   */
  config?: Config;
}

/**
 * One expected finding. Its span is given by offsets (`start`, `end`: UTF-16, end exclusive)
 * or by the text it covers (`text`, its `nth` occurrence from 0).
 */
export interface Expected {
  messageId?: string;
  start?: number;
  end?: number;
  text?: string;
  nth?: number;
  /** Words of the message: it must contain them. */
  message?: string;
  /** The whole suggestion. */
  suggestion?: string;
}

export interface InvalidCase extends Case {
  errors: Expected[];
  /** The body with every fix applied (one pass); without it, the rule must offer no fix. */
  output?: string;
}

/** A finding with the message id its rule reported it under. */
export interface Reported extends Finding {
  messageId: string;
}

/** Lints `c` with only `rule` (an id of smslint or a rule object) and gives its findings with their message ids. */
export function findingsOf(rule: string | Rule, c: Case): Reported[] {
  const target = typeof rule === 'string' ? builtInRules[rule] : rule;
  if (!target) throw new Error(`no rule "${String(rule)}"`);
  const reports: Report[] = [];
  const recording: Rule = {
    meta: target.meta,
    check(context) {
      // The same context, with `report` noting each message id on its way.
      const spy = Object.create(context) as RuleContext;
      Object.defineProperty(spy, 'report', {
        value: (report: Report) => {
          reports.push(report);
          context.report(report);
        },
      });
      target.check(spy);
    },
  };
  const { config, ...template } = c;
  const setting = config?.rules?.[target.meta.id];
  const linter = createLinter({ rules: [recording], config: { ...config, rules: setting === undefined ? {} : { [target.meta.id]: setting } } });
  const { findings } = linter.lint({ locale: 'en', category: 'transactional', ...template });
  // The linter orders findings by span, stably: so are the reports, one for one.
  const ordered = reports.sort((a, b) => a.start - b.start || a.end - b.end);
  return findings.map((finding, i) => ({ ...finding, messageId: ordered[i].messageId }));
}

/** The span an expected finding names: by offsets, or where its text is in the body. */
export function spanOf(body: string, expected: Expected): { start: number; end: number } {
  if (expected.text === undefined) {
    if (expected.start === undefined || expected.end === undefined) throw new Error('an expected finding needs start and end, or text');
    return { start: expected.start, end: expected.end };
  }
  let start = -1;
  for (let n = 0; n <= (expected.nth ?? 0); n++) start = body.indexOf(expected.text, start + 1);
  if (start < 0) throw new Error(`"${expected.text}" is not in "${body}"`);
  return { start, end: start + expected.text.length };
}

/**
 * A finding seen through what a row expects of it, so that one `toEqual` shows every
 * difference: the message shows as the expected words when it holds them. A finding no row
 * expects shows whole.
 */
function seenAs(finding: Reported, expected: Expected | undefined): Expected {
  const { start, end, messageId, message, suggestion } = finding;
  if (!expected) return { start, end, messageId, message, ...(suggestion !== undefined && { suggestion }) };
  return {
    start,
    end,
    ...(expected.messageId !== undefined && { messageId }),
    ...(expected.message !== undefined && { message: message.includes(expected.message) ? expected.message : message }),
    ...(expected.suggestion !== undefined && { suggestion }),
  };
}

export function ruleTester(rule: string | Rule, table: { valid: Case[]; invalid: InvalidCase[] }): void {
  const ruleId = typeof rule === 'string' ? rule : rule.meta.id;
  describe(ruleId, () => {
    if (table.valid.length > 0) {
      test.each(table.valid.map((c) => [c.body, c] as const))('valid: %s', (_body, c) => {
        expect(findingsOf(rule, c)).toEqual([]);
      });
    }
    test.each(table.invalid.map((c) => [c.body, c] as const))('invalid: %s', (_body, { errors, output, ...c }) => {
      const findings = findingsOf(rule, c);
      const wanted = errors
        .map((error) => {
          const { text: _text, nth: _nth, ...rest } = error;
          return { ...rest, ...spanOf(c.body, error) };
        })
        .sort((a, b) => a.start - b.start || a.end - b.end);
      expect(findings.map((finding, i) => seenAs(finding, wanted[i]))).toEqual(wanted);
      expect(applyFixes(c.body, findings).output).toBe(output ?? c.body);
    });
  });
}
