import { lintDispatch, renderBody, type Config } from '../../lib/engine';

const variables = (...names: string[]) => ({ type: 'object', properties: Object.fromEntries(names.map((name) => [name, { type: 'string', maxLength: 60 }])) });
const template = (body: string, extra: object = {}) => ({ locale: 'en', category: 'transactional', body, variables: variables('name', 'link', 'x'), ...extra });
/** What a test compares: rule, rendered words, variables. */
const found = (result: ReturnType<typeof lintDispatch>) => result.findings.map((f) => ({ ruleId: f.ruleId, words: result.text.slice(f.start, f.end), variables: f.variables }));

describe('renderBody: the one renderer', () => {
  it('fills placeholders and says where each value went', () => {
    expect(renderBody('Hi {{ name }}, see {{a.b}}.', { name: 'Ada', a: { b: 7 } })).toEqual({
      text: 'Hi Ada, see 7.',
      values: [
        { name: 'name', path: '/variables/name', start: 3, end: 6, placeholder: { start: 3, end: 13 } },
        { name: 'a.b', path: '/variables/a/b', start: 12, end: 13, placeholder: { start: 19, end: 26 } },
      ],
    });
    expect(renderBody('Hi {{name}} {{constructor.name}}.', { name: {} })).toEqual({
      problems: [
        { path: '/variables/name', message: 'must be a string, a number or a boolean' },
        { path: '/variables/constructor/name', message: 'is required by the template' },
      ],
    });
  });
});

describe('lintDispatch: values linted in full (issue 10)', () => {
  it('re-checks the tone with the values in, naming the variable', () => {
    const result = lintDispatch(template('Hello {{name}}, your parcel has arrived.'), { name: 'PAY NOW OR ELSE' });
    expect(result.problems).toEqual([]);
    expect(found(result)).toContainEqual({ ruleId: 'directive-tone', words: 'ELSE', variables: ['name'] });
  });

  it('does not carry a suppression over to values: a suppressed card request allows no other', () => {
    const body = 'Reply with your card number to {{name}} today.';
    const suppress = [{ rule: 'sensitive-data-request', reason: 'Approved by legal' }];
    const result = lintDispatch(template(body, { suppress }), { name: 'us with card number and CVV' });
    expect(found(result).filter((f) => f.ruleId === 'sensitive-data-request')).toEqual([
      { ruleId: 'sensitive-data-request', words: 'Reply with your card number to us with card number', variables: ['name'] },
      { ruleId: 'sensitive-data-request', words: 'Reply with your card number to us with card number and CVV', variables: ['name'] },
    ]);
  });

  it('finds a card request in a value placed before the template\'s own accepted one', () => {
    const body = 'Hello {{name}}. Have your card ready when you call us.';
    const suppress = [{ rule: 'sensitive-data-request', reason: 'Approved by legal' }, { rule: 'directive-tone', reason: 'Approved tone' }];
    const result = lintDispatch(template(body, { suppress }), { name: 'send your card number' });
    expect(found(result).filter((f) => f.ruleId === 'sensitive-data-request')).toEqual([
      { ruleId: 'sensitive-data-request', words: 'send your card number', variables: ['name'] },
    ]);
  });

  it('keeps findings the template already has, placeholders filled in', () => {
    const result = lintDispatch(template('Hello {{name}}, pay at telvo.uk/pay today.'), { name: 'Ada' });
    expect(result).toEqual({ text: 'Hello Ada, pay at telvo.uk/pay today.', problems: [], findings: [] });
  });

  it('refuses links in values outside allowedDomains, whatever the template itself may link to', () => {
    const body = 'Hello {{name}}, pay at https://bit.ly/abc or at {{link}} soon.';
    const values = { name: 'Ada', link: 'https://acme-secure-login.com' };
    expect(found(lintDispatch(template(body), values))).toEqual([{ ruleId: 'link', words: 'https://acme-secure-login.com', variables: ['link'] }]);
    const allowed: Config = { allowedDomains: ['acme-secure-login.com'] };
    expect(lintDispatch(template(body), values, allowed).findings).toEqual([]);
    expect(found(lintDispatch(template(body), { ...values, link: 'https://x.acme-secure-login.com/p' }, allowed))).toEqual([]);
    // A shortener hidden by a zero-width space: read through, and the space itself refused.
    const hidden = lintDispatch(template(body), { ...values, name: 'bit\u200b.ly/x' }, allowed);
    expect(hidden.problems).toEqual([{ path: '/variables/name', message: 'holds the invisible character U+200B at character 3' }]);
    expect(found(hidden)).toEqual([
      { ruleId: 'link', words: 'bit\u200b.ly/x', variables: ['name'] },
      { ruleId: 'link', words: 'bit\u200b.ly/x', variables: ['name'] },
      { ruleId: 'hidden-characters', words: '\u200b', variables: ['name'] },
      { ruleId: 'sms-encoding', words: '\u200b', variables: ['name'] },
    ]);
  });

  it('reads the scam rules in every language: an English card request in a French template', () => {
    const result = lintDispatch(template('Bonjour {{name}}, votre colis est arrivé.', { locale: 'fr' }), { name: 'reply with your card number' });
    expect(found(result)).toContainEqual({ ruleId: 'sensitive-data-request', words: 'reply with your card number', variables: ['name'] });
    expect(result.findings.find((f) => f.ruleId === 'sensitive-data-request')).toMatchObject({ language: 'en' });
  });

  it('refuses values holding a placeholder, a control, a lone surrogate or an invisible character', () => {
    const result = lintDispatch(template('Hi {{name}}, see {{x}} and {{link}} soon.'), { name: '{{x}}', x: 'a\u0007', link: 'c\u200bard' });
    expect(result.problems).toEqual([
      { path: '/variables/name', message: 'holds "{{": a value may not look like a placeholder' },
      { path: '/variables/x', message: 'holds the control character U+0007 at character 1: only line breaks (\\n, \\r\\n) are allowed' },
      { path: '/variables/link', message: 'holds the invisible character U+200B at character 1' },
    ]);
    expect(lintDispatch(template('Hi {{name}} here.'), { name: '\ud800' }).problems).toEqual([
      { path: '/variables/name', message: 'is not well-formed UTF-16: a lone surrogate at character 0' },
    ]);
  });

  it('names the missing values and lints nothing', () => {
    expect(lintDispatch(template('Hi {{name}} here.'), {})).toEqual({ text: '', problems: [{ path: '/variables/name', message: 'is required by the template' }], findings: [] });
  });
});
