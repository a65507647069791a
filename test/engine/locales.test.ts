import { lint } from '../../lib/engine';
import { formatMessage, localeFor } from '../../lib/engine/locales';

const unboundedDate = { type: 'object', properties: { date: { type: 'string' } } };
const alsoUnboundedTime = { type: 'object', properties: { date: { type: 'string' }, heure: { type: 'string' } } };
const longFrench = `Bonjour, votre rendez-vous est confirmé le {{date}}. ${'Merci de votre confiance et à bientôt dans notre agence. '.repeat(3)}`;

function segmentsMessage(locale: string, body: string, variables: object): string {
  const result = lint({ locale, category: 'transactional', body, variables }, { segmentLimits: { transactional: 1, promotional: 1 } });
  return result.findings.find((finding) => finding.ruleId === 'sms-segments')!.message;
}

describe('formatMessage: plural forms by the rules of the language (Intl.PluralRules)', () => {
  const points = '{n, plural, one {# point} other {# points}}';

  it.each([
    ['fr', 0, '0 point'],
    ['fr', 1, '1 point'],
    ['fr', 2, '2 points'],
    ['en', 0, '0 points'],
    ['en', 1, '1 point'],
    ['en', 2, '2 points'],
  ])('%s, %d: %s', (language, n, expected) => {
    expect(formatMessage(points, { n }, language)).toBe(expected);
  });

  it('prefers an exact =n branch, falls back to other, and fills slots around the choice', () => {
    const text = '{who} has {n, plural, =0 {no message} one {# message} other {# messages}}';
    expect([0, 1, 7].map((n) => formatMessage(text, { who: 'Ada', n }, 'en'))).toEqual(['Ada has no message', 'Ada has 1 message', 'Ada has 7 messages']);
    expect(formatMessage('{n, plural, other {# x}}', { n: 1 }, 'en')).toBe('1 x');
  });

  it('leaves a choice whose number is missing as written, like an unknown slot', () => {
    expect(formatMessage('{n, plural, one {# a} other {# b}} {gone}', {}, 'en')).toBe('{n, plural, one {# a} other {# b}} {gone}');
  });

  it('leaves placeholders quoted in messages alone', () => {
    expect(formatMessage('{{{name}}} is not declared', { name: 'code' }, 'en')).toBe('{{code}} is not declared');
  });
});

describe('count-bearing messages agree with their number', () => {
  it('one unbounded, possibly UCS-2 variable is singular in French (the issue: "{{date}} peuvent contenir")', () => {
    expect(segmentsMessage('fr', longFrench, unboundedDate)).toBe(
      'Au pire ce message fait 4 segments SMS (224 caractères en UCS-2), plus que la limite de 1 pour les messages transactionnels : ' +
        'chaque segment est facturé. {{date}} peut contenir des caractères hors GSM-7, ce qui le fait passer en UCS-2. ' +
        "{{date}} n'a pas de maxLength déclaré et est comptée telle qu'écrite.",
    );
  });

  it('two are plural', () => {
    expect(segmentsMessage('fr', `${longFrench} à {{heure}} ok`, alsoUnboundedTime)).toContain(
      "{{date}}, {{heure}} peuvent contenir des caractères hors GSM-7, ce qui le fait passer en UCS-2. {{date}}, {{heure}} n'ont pas de maxLength déclaré et sont comptées telles qu'écrites.",
    );
    expect(segmentsMessage('en', `Hello {{date}} and {{heure}}. ${'Thank you for your trust, see you soon in our shop. '.repeat(4)}`, alsoUnboundedTime)).toContain(
      '{{date}}, {{heure}} have no declared maxLength and are counted as written.',
    );
  });

  it('one variable at its longest is singular in English', () => {
    const variables = { type: 'object', properties: { date: { type: 'string', maxLength: 20 } } };
    expect(segmentsMessage('en', `Hello {{date}}. ${'Thank you for your trust, see you soon in our shop. '.repeat(4)}`, variables)).toContain(
      'Counted with {{date}} at its longest.',
    );
  });

  it.each(['en', 'fr'])('every plural choice in the %s data has an other branch and resolves for 1 and 2', (language) => {
    const messages = localeFor(language)!.messages;
    const choices = Object.entries(messages).flatMap(([rule, texts]) =>
      Object.entries(texts).flatMap(([id, text]) => Array.from(text.matchAll(/\{(\w+), plural,/g), ([, name]) => ({ key: `${rule}.${id}`, text, name }))),
    );
    expect(choices.length).toBeGreaterThanOrEqual(5);
    for (const { key, text, name } of choices) {
      for (const n of [1, 2]) {
        const formatted = formatMessage(text, { [name]: n, count: n, segments: n, length: n }, language);
        expect({ key, n, leftover: /plural,|#/.test(formatted) }).toEqual({ key, n, leftover: false });
      }
      expect({ key, other: /other \{/.test(text) }).toEqual({ key, other: true });
    }
  });
});
