import fc from 'fast-check';
import { InputError, lint, rules, wellFormedProblem, type LintResult, type Template } from '../../lib/engine';
import { normaliseText } from '../../lib/engine/normalise';
import { analyseText } from '../../lib/engine/text';

/**
 * Property-based tests: whatever the body or the template object holds, lint() gives a
 * result or a clear InputError, its spans stay inside the body, the result is
 * deterministic, and no suppression hides an error without a reason.
 */

const ruleIds = Object.keys(rules);

/** Characters that have broken text tools: lone surrogates, controls, bidi overrides, zero-width, emoji sequences. */
const tricky = fc.constantFrom(
  '\uD83D', '\uDE00', '\u0000', '\u0007', '\u001B', '\r\n', '\t', '\u202E', '\u202D', '\u2066', '\u200B', '\u200D',
  '\uFEFF', '\u00A0', '👍🏽', '👨‍👩‍👧', '🇫🇷', 'é', 'e\u0301', 'ç', '€', '’', '«', '»', '–', '{{', '}}', '{{ name }}',
  '{{}}', '{', '}', 'STOP', 'ALERT', 'Call 3970', 'Merci de nous contacter', 'vous devez', 'immediately', '!!',
  'https://bit.ly/x', 'http://', 'PIN', 'carte bancaire', 'Orange', 'Оrange', ' ', '.', '?', ':',
);
const body = fc.array(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ maxLength: 20 })), { maxLength: 40 }).map((parts) => parts.join(''))
  // A blank body is refused by the template schema (tested in suppress and CLI tests): the rest must lint.
  .filter((text) => /\S/.test(text));
const locale = fc.constantFrom('en', 'fr', 'en-GB', 'fr-FR');
const category = fc.constantFrom('transactional', 'promotional') as fc.Arbitrary<Template['category']>;
const template = fc.record(
  { locale, category, body, sender: fc.constantFrom('Orange', 'Telvo', 'ACME Bank', 'Zoé'), id: fc.string({ minLength: 1, maxLength: 10 }) },
  { requiredKeys: ['locale', 'category', 'body'] },
);

/** Rules whose message quotes the words their span covers (others quote an example or a code point). */
const QUOTING_RULES = new Set(['directive-tone', 'missing-rationale', 'missing-consequence', 'sensitive-data-request', 'link']);
const QUOTED = /[«“"]\s?([^«»“”"]+?)\s?[»”"]/;
let quotedSpansChecked = 0;

function assertWellFormed(result: LintResult, text: string): void {
  for (const finding of result.findings) {
    const quoted = QUOTING_RULES.has(finding.ruleId) ? QUOTED.exec(finding.message) : null;
    if (quoted) {
      // Word rules quote what they read: the normalised text of their span.
      expect(normaliseText(analyseText(text.slice(finding.start, finding.end))).body).toContain(quoted[1]);
      quotedSpansChecked++;
    }
    expect(ruleIds).toContain(finding.ruleId);
    expect(Number.isInteger(finding.start) && Number.isInteger(finding.end)).toBe(true);
    expect(finding.start).toBeGreaterThanOrEqual(0);
    expect(finding.end).toBeGreaterThanOrEqual(finding.start);
    expect(finding.end).toBeLessThanOrEqual(text.length);
    expect(finding.message.length).toBeGreaterThan(0);
  }
  const blocking = result.findings.some((finding) => finding.severity === 'error' && !finding.suppressed);
  expect(result.passed).toBe(!blocking);
  expect(result.segments).toBeGreaterThanOrEqual(1);
}

/** The lint of `t`, or undefined when its body is refused, as it must be, for a lone surrogate or a control character. */
function lintOrRefuse(t: Template): LintResult | undefined {
  const problem = wellFormedProblem(t.body, '/body');
  if (!problem) return lint(t);
  expect(() => lint(t)).toThrow(new InputError('template', [problem]));
  return undefined;
}

test('any body gives a well-formed, deterministic result, or is refused when it is not well formed', () => {
  fc.assert(
    fc.property(template, (t) => {
      const first = lintOrRefuse(t);
      if (!first) return;
      assertWellFormed(first, t.body);
      expect(lint(structuredClone(t))).toEqual(first);
    }),
    { numRuns: 1500 },
  );
  // The generator must reach the rules' quoting messages, or the span property tests nothing.
  expect(quotedSpansChecked).toBeGreaterThan(100);
});

test('bodies up to 100,000 characters give a well-formed result', () => {
  const long = fc.tuple(body, fc.integer({ min: 1000, max: 100_000 })).map(([part, length]) => (part || 'x').repeat(Math.ceil(length / Math.max(1, part.length))).slice(0, length));
  fc.assert(
    fc.property(fc.record({ locale, category, body: long }), (t) => {
      const result = lintOrRefuse(t);
      if (result) assertWellFormed(result, t.body);
    }),
    { numRuns: 25 },
  );
});

test('any value at all is linted or refused with an InputError naming fields', () => {
  fc.assert(
    fc.property(fc.oneof(fc.anything(), fc.record({ locale: fc.anything(), category: fc.anything(), body: fc.anything(), variables: fc.anything(), suppress: fc.anything() }, { requiredKeys: [] })), (input) => {
      try {
        assertWellFormed(lint(input), (input as Template).body);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).problems.length).toBeGreaterThan(0);
      }
    }),
    { numRuns: 1500 },
  );
});

test('a suppression hides findings only with a reason, and they stay reported', () => {
  const suppression = fc.record({ rule: fc.constantFrom(...ruleIds), reason: fc.constantFrom('', '   ', 'Approved by legal, ticket 42') });
  fc.assert(
    fc.property(template, fc.array(suppression, { maxLength: 3 }), (t, suppress) => {
      const withReasons = suppress.every((entry) => entry.reason.trim() !== '');
      if (!withReasons) {
        expect(() => lint({ ...t, suppress })).toThrow(InputError);
        return;
      }
      const plain = lintOrRefuse(t);
      if (!plain) return;
      const suppressed = lint({ ...t, suppress });
      expect(suppressed.findings.length).toBe(plain.findings.length);
      for (const finding of suppressed.findings) {
        const entry = suppress.find((s) => s.rule === finding.ruleId);
        expect(finding.suppressed === true).toBe(entry !== undefined);
        if (entry) expect(finding.suppressionReason).toBe(entry.reason);
      }
    }),
    { numRuns: 500 },
  );
});
