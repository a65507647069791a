import { InputError, lint, resolveConfig, rules, type Config } from '../lib/engine';

function problemsOf(config: unknown) {
  try {
    resolveConfig(config);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).problems;
  }
  throw new Error('expected an InputError');
}

describe('resolveConfig', () => {
  test('defaults: every rule at its default severity (its meta decides, per category), 2 segments transactional, 1 promotional', () => {
    const resolved = resolveConfig({});
    expect(Object.keys(resolved.rules)).toEqual(Object.keys(rules));
    expect(resolved.rules['sensitive-data-request']).toEqual({ setting: 'default', options: {} });
    expect(rules['missing-consequence'].meta.defaultSeverity).toEqual({ transactional: 'warning', promotional: 'off' });
    expect(resolved.segmentLimits).toEqual({ transactional: 2, promotional: 1 });
    expect(resolved.senderPrefix).toBe('');
    expect(resolved.defaultLocale).toBe('en');
    expect(resolved.defaultCategory).toBe('transactional');
    expect([...resolved.allowedCapitals]).toEqual([]);
  });

  test('a full config is read', () => {
    const resolved = resolveConfig({
      rules: { 'sms-encoding': 'off', link: ['error', { allowedDomains: ['telvo.uk'] }], 'sender-id': ['warn'] },
      allowedCapitals: ['Telvo', 'sms'],
      segmentLimits: { promotional: 2 },
      senderPrefix: '{sender}: ',
      defaultLocale: 'fr-FR',
      defaultCategory: 'promotional',
    });
    expect(resolved.rules['sms-encoding']).toEqual({ setting: 'off', options: {} });
    expect(resolved.rules.link).toEqual({ setting: 'error', options: { allowedDomains: ['telvo.uk'] } });
    expect(resolved.rules['sender-id']).toEqual({ setting: 'warn', options: {} });
    expect([...resolved.allowedCapitals]).toEqual(['TELVO', 'SMS']);
    expect(resolved.segmentLimits).toEqual({ transactional: 2, promotional: 2 });
    expect(resolved.senderPrefix).toBe('{sender}: ');
    expect(resolved.defaultLocale).toBe('fr-FR');
    expect(resolved.defaultCategory).toBe('promotional');
  });

  test.each([
    ['an unknown rule', { rules: { 'no-such-rule': 'error' } }, '/rules/no-such-rule', /^is not a rule of smslint \(rules: .*link/],
    ['a bad severity', { rules: { link: 'fatal' } }, '/rules/link', /./],
    ['bad rule options, named down to the item', { rules: { link: ['warn', { allowedDomains: ['Telvo UK'] }] } }, '/rules/link/1/allowedDomains/0', /must match pattern/],
    ['an unknown rule option', { rules: { link: ['warn', { domains: [] }] } }, '/rules/link/1/domains', /is not allowed/],
    ['options for a rule that takes none', { rules: { 'opt-out': ['warn', { strict: true }] } }, '/rules/opt-out/1', /this rule takes no options/],
    ['a segment limit of 0', { segmentLimits: { transactional: 0 } }, '/segmentLimits/transactional', /must be >= 1/],
    ['an unknown category', { segmentLimits: { marketing: 1 } }, '/segmentLimits/marketing', /is not allowed/],
    ['a bad default locale', { defaultLocale: 'French' }, '/defaultLocale', /must match pattern/],
    ['a bad default category', { defaultCategory: 'marketing' }, '/defaultCategory', /must be one of "transactional", "promotional"/],
    ['a sender prefix too long', { senderPrefix: 'x'.repeat(65) }, '/senderPrefix', /must NOT have more than 64 characters/],
    ['an unknown key', { colour: 'red' }, '/colour', /is not allowed/],
  ])('%s is refused with its JSON pointer', (_name, config, path, message) => {
    const problems = problemsOf(config);
    expect(problems.map((p) => p.path)).toContain(path);
    expect(problems.find((p) => p.path === path)!.message).toMatch(message);
  });

  test('a rule id with a slash is escaped in the pointer', () => {
    expect(problemsOf({ rules: { 'a/b~c': 'off' } })).toEqual([{ path: '/rules/a~1b~0c', message: expect.stringMatching(/^is not a rule/) }]);
  });
});

describe('the config in lint', () => {
  const template = { locale: 'en', category: 'transactional', body: 'Pay at http://telvo.uk/pay. Never mind the ’ quote.' };
  /** Typed loosely: the derived `Config` type cannot express `['warn', { ... }]` (no `prefixItems` in json-schema-to-ts). */
  const ruleIds = (config: object) => lint(template, config as Config).findings.map((f) => `${f.ruleId}:${f.severity}`);

  test('severities: off drops a rule, error fails the template, warn does not', () => {
    expect(ruleIds({})).toEqual(expect.arrayContaining(['link:warning', 'sms-encoding:warning']));
    expect(ruleIds({ rules: { 'sms-encoding': 'off' } })).not.toContain('sms-encoding:warning');
    expect(ruleIds({ rules: { link: 'error' } })).toContain('link:error');
    const onlyLink = Object.fromEntries(Object.keys(rules).map((id) => [id, id === 'link' ? ('error' as const) : ('off' as const)]));
    expect(lint(template, { rules: onlyLink }).passed).toBe(false);
    expect(lint(template, { rules: { ...onlyLink, link: 'warn' } }).passed).toBe(true);
  });

  test('an invalid config passed to lint is an input error', () => {
    expect(() => lint(template, { rules: { link: ['warn', { allowedDomains: [1] }] } } as unknown as Config)).toThrow(
      expect.objectContaining({ problems: [{ path: '/rules/link/1/allowedDomains/0', message: 'must be string' }] }),
    );
  });
});
