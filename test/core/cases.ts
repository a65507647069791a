import { lint } from '../../lib/engine';
import { localeFor } from '../../lib/engine/locales';
import type { Config } from '../../lib/engine';

/** One row of a rule table: a template (en transactional unless said) and, if invalid, its findings. */
export interface Case {
  body: string;
  locale?: string;
  category?: 'transactional' | 'promotional';
  sender?: string;
  config?: Config;
}

/** An expected finding: its message id and the exact text it spans (the `nth` occurrence, from 0). */
export interface Expected {
  messageId: string;
  text: string;
  nth?: number;
}

export interface InvalidCase extends Case {
  errors: Expected[];
}

interface Located {
  messageId: string;
  start: number;
  end: number;
}

/** The message id whose text, with its slots filled by anything, is the finding's message. */
function messageIdOf(ruleId: string, language: string, message: string): string {
  const messages = localeFor(language)!.messages[ruleId];
  const found = Object.entries(messages).find(([, text]) => {
    const pattern = text
      .replace(/\{\w+, plural,(?:[^{}]|\{[^{}]*\})*\}/g, '{plural}')
      .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\\?\{\w+\\?\}/g, '[\\s\\S]*');
    return new RegExp(`^${pattern}$`).test(message);
  });
  return found ? found[0] : `(no message id for "${message}")`;
}

/** Lints one case and keeps the findings of one rule, as message id and span. */
export function findingsOf(ruleId: string, c: Case): Located[] {
  const locale = c.locale ?? 'en';
  const template = { locale, category: c.category ?? 'transactional', body: c.body, ...(c.sender ? { sender: c.sender } : {}) };
  return lint(template, c.config)
    .findings.filter((finding) => finding.ruleId === ruleId)
    .map((finding) => ({ messageId: messageIdOf(ruleId, locale.slice(0, 2), finding.message), start: finding.start, end: finding.end }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Where an expected finding lies in the body. */
export function located(body: string, expected: Expected): Located {
  let start = -1;
  for (let n = 0; n <= (expected.nth ?? 0); n++) start = body.indexOf(expected.text, start + 1);
  if (start < 0) throw new Error(`"${expected.text}" is not in "${body}"`);
  return { messageId: expected.messageId, start, end: start + expected.text.length };
}

/** Runs an ESLint-style table: valid cases have no finding of the rule, invalid ones exactly theirs. */
export function ruleTable(ruleId: string, table: { valid: Case[]; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    it.each(table.valid.map((c) => [c.body, c] as const))('valid: %s', (_body, c) => {
      expect(findingsOf(ruleId, c)).toEqual([]);
    });
    it.each(table.invalid.map((c) => [c.body, c] as const))('invalid: %s', (_body, c) => {
      const expected = c.errors.map((error) => located(c.body, error)).sort((a, b) => a.start - b.start || a.end - b.end);
      expect(findingsOf(ruleId, c)).toEqual(expected);
    });
  });
}
