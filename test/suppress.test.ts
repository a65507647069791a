import { InputError, lint, rules, type Config } from '../lib/engine';

const onlyRules = (...ids: string[]): Config => ({
  rules: Object.fromEntries(Object.keys(rules).map((id) => [id, ids.includes(id) ? ('error' as const) : ('off' as const)])),
});
const body = 'Pay at http://telvo.uk/pay with your PIN: reply with your PIN.';

describe('suppressions', () => {
  test('a suppressed finding stays in the result, marked with its reason, and no longer fails the template', () => {
    const config = onlyRules('link');
    const plain = lint({ locale: 'en', category: 'transactional', body }, config);
    expect(plain.passed).toBe(false);
    const result = lint(
      { locale: 'en', category: 'transactional', body, suppress: [{ rule: 'link', reason: 'Legacy gateway, https from May' }] },
      config,
    );
    expect(result.passed).toBe(true);
    expect(result.findings).toEqual(plain.findings.map((f) => ({ ...f, suppressed: true, suppressionReason: 'Legacy gateway, https from May' })));
    expect(result.findings).toHaveLength(1);
  });

  test('only the named rule is suppressed', () => {
    const result = lint(
      { locale: 'en', category: 'transactional', body, suppress: [{ rule: 'link', reason: 'reviewed' }] },
      onlyRules('link', 'sensitive-data-request'),
    );
    expect(result.passed).toBe(false);
    expect(result.findings.map((f) => [f.ruleId, f.suppressed ?? false])).toEqual([
      ['link', true],
      ['sensitive-data-request', false],
    ]);
  });

  test('suppressing a rule with no finding changes nothing', () => {
    const result = lint({ locale: 'en', category: 'transactional', body: 'All good.', suppress: [{ rule: 'opt-out', reason: 'n/a' }] });
    expect(result.findings).toEqual([]);
    expect(result.passed).toBe(true);
  });

  test.each([
    ['an unknown rule', [{ rule: 'no-such-rule', reason: 'x' }], [{ path: '/suppress/0/rule', message: '"no-such-rule" is not a rule of smslint' }]],
    ['a blank reason', [{ rule: 'link', reason: '   ' }], [{ path: '/suppress/0/reason', message: 'must not be empty or blank' }]],
    ['a missing reason', [{ rule: 'link' }], [{ path: '/suppress/0/reason', message: 'is required' }]],
    ['an extra key', [{ rule: 'link', reason: 'x', until: '2027' }], [{ path: '/suppress/0/until', message: 'is not allowed' }]],
  ])('%s is refused with its JSON pointer', (_name, suppress, problems) => {
    let error: unknown;
    try {
      lint({ locale: 'en', category: 'transactional', body, suppress });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual(problems);
  });
});
