import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInLocales, builtInRules } from '../../lib/engine';
import type { Rule } from '../../lib/engine';

/**
 * A rule's identity lives in its meta: these fail when the locale data or the README drift
 * from it.
 */

describe('every locale has a text for every message id a rule declares, and none it does not', () => {
  test.each(builtInLocales.map((locale) => [locale.language, locale] as const))('%s', (_language, locale) => {
    const drift = builtInRules.flatMap(({ meta }) => {
      const texts = locale.messages[meta.id] ?? {};
      const missing = meta.messages.filter((id) => typeof texts[id] !== 'string' || texts[id] === '').map((id) => `missing ${meta.id}.${id}`);
      const undeclared = Object.keys(texts)
        .filter((id) => !meta.messages.includes(id))
        .map((id) => `undeclared ${meta.id}.${id}`);
      return [...missing, ...undeclared];
    });
    const strays = Object.keys(locale.messages)
      .filter((ruleId) => !builtInRules.some(({ meta }) => meta.id === ruleId))
      .map((ruleId) => `texts for no rule: ${ruleId}`);
    expect([...drift, ...strays]).toEqual([]);
  });

  test('the rules declare their ids once each', () => {
    const ids = builtInRules.map(({ meta }) => meta.id);
    expect([...ids].sort()).toEqual([
      'directive-tone', 'hidden-characters', 'link', 'missing-consequence', 'missing-rationale', 'opt-out', 'placeholder',
      'sender-id', 'sensitive-data-request', 'sms-encoding', 'sms-segments', 'spam-likeness',
    ]);
  });
});

/** A rule's default as the README writes it: `warning`, or `warning (transactional only)`. */
function defaultOf(rule: Rule): string {
  const severity = rule.meta.defaultSeverity;
  if (typeof severity === 'string') return severity;
  const on = Object.entries(severity).filter(([, value]) => value !== 'off');
  const values = new Set(on.map(([, value]) => value));
  if (on.length === Object.keys(severity).length && values.size === 1) return on[0][1];
  return on.map(([category, value]) => `${value} (${category}${on.length === 1 ? ' only' : ''})`).join(', ');
}

/** The rows of the markdown table whose header row starts with `header`: first cell (its `code`) and second. */
function tableRows(markdown: string, header: RegExp): Array<[string, string]> {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => header.test(line));
  if (start < 0) throw new Error(`no table ${header}`);
  const rows: Array<[string, string]> = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const [id, severity] = line.split('|').slice(1, 3).map((cell) => cell.trim());
    rows.push([id.replace(/^`|`$/g, ''), severity]);
  }
  return rows;
}

describe("the README's rule tables agree with the rules' meta", () => {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const expected = Object.fromEntries(builtInRules.map((rule) => [rule.meta.id, defaultOf(rule)]));

  test('"Rules" lists every rule once, with its default severity', () => {
    const rows = tableRows(readme, /^\| rule \| default \| what it stops \|$/);
    expect(Object.fromEntries(rows)).toEqual(expected);
    expect(rows.length).toBe(builtInRules.length);
  });

  test('"SMS rules" gives the same defaults', () => {
    const rows = tableRows(readme, /^\| Rule \| Default \| Bad → good/);
    expect(rows.map(([id, severity]) => [id, severity])).toEqual(rows.map(([id]) => [id, expected[id]]));
    // Every rule but the three tone checks and spam-likeness, which have sections of their own.
    expect(rows.length).toBe(builtInRules.length - 4);
  });

  test('defaults per category read as the README writes them', () => {
    const perCategory = (transactional: string, promotional: string) =>
      defaultOf({ meta: { defaultSeverity: { transactional, promotional } } } as unknown as Rule);
    expect([perCategory('warning', 'off'), perCategory('error', 'error'), perCategory('error', 'warning')]).toEqual([
      'warning (transactional only)',
      'error',
      'error (transactional), warning (promotional)',
    ]);
  });
});
