import { InputError, lint, variablesValidator } from '../../lib/engine';

/**
 * ajv runs a template's `pattern`s on every dispatch's values: with a backtracking engine,
 * `(a|a)*` would let one request stall the service (issue 10). Values are checked with RE2
 * (RE2JS): linear in the value whatever the pattern. What RE2 cannot run (backreferences,
 * lookaround) or too large a program is refused when the template is validated, named by
 * JSON pointer; the walker reads keyword positions, not key names.
 */
function problemsFor(variables: object): string[] {
  try {
    lint({ locale: 'en', category: 'transactional', body: 'Code {{code}} ok.', variables });
    return [];
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.problems.map((problem) => problem.path);
  }
}

const withPattern = (pattern: string) => ({ type: 'object', properties: { code: { type: 'string', pattern } } });

test.each([
  ['^(\\w)\\1$', 'backreference'],
  ['^(?=a)\\w+$', 'lookahead'],
  ['(?<!a)b', 'lookbehind'],
  ['[a-z]{999}'.repeat(3), 'a program over the bound'],
  ['^(a{1000}){1000}$', 'a repetition RE2 refuses'],
])('%s is refused (%s)', (pattern) => {
  expect(problemsFor(withPattern(pattern))).toEqual(['/variables/properties/code/pattern']);
});

test.each(['^[A-Z]{2}[0-9]{4}$', '^(?:\\+33)?[0-9]{9}$', '^(a+)+$', '^(a|a)*b$', '.*.*.*=.*', '^\\p{L}+$', '^(?<year>\\d{4})$'])('%s passes: RE2 runs it in linear time', (pattern) => {
  expect(problemsFor(withPattern(pattern))).toEqual([]);
});

describe('values are validated in linear time, with the right answer', () => {
  const long = 'a'.repeat(10_000);

  test('^(a|a)*$ reached through $ref', () => {
    const validate = variablesValidator({ type: 'object', properties: { code: { $ref: '#/$defs/as' } }, $defs: { as: { type: 'string', pattern: '^(a|a)*$' } } });
    expect(validate({ code: long })).toBe(true);
    expect(validate({ code: `${long}b` })).toBe(false);
  });

  test('seven a{0,30} in a row', () => {
    const validate = variablesValidator(withPattern(`^${'a{0,30}'.repeat(7)}$`));
    expect(validate({ code: long })).toBe(false);
    expect(validate({ code: 'a'.repeat(210) })).toBe(true);
    expect(validate({ code: 'a'.repeat(211) })).toBe(false);
  });

  test('ECMAScript syntax as JSON Schema writes it: escapes, classes, Unicode properties', () => {
    const validate = variablesValidator(withPattern('^[\\u00e0-\\u00ff]\\d\\p{Lu}$'));
    expect([validate({ code: 'é1A' }), validate({ code: 'e1A' }), validate({ code: 'é1a' })]).toEqual([true, false, false]);
  });
});

test('the walker follows keyword positions: properties named like keywords are schemas, enum values are data', () => {
  const variables = {
    type: 'object',
    properties: {
      enum: { type: 'string', pattern: '(a)\\1' },
      const: { type: 'string', pattern: '(?=x)' },
      examples: { type: 'string', enum: [{ pattern: '(a)\\1' }], default: { pattern: '(?=x)' } },
    },
    patternProperties: { '^(?=x)': { type: 'string' } },
    $defs: { 'a/b': { pattern: '(?!y)' }, default: { pattern: '(b)\\1' } },
    examples: [{ pattern: '(a)\\1' }],
  };
  expect(problemsFor(variables).sort()).toEqual([
    '/variables/$defs/a~1b/pattern',
    '/variables/$defs/default/pattern',
    '/variables/patternProperties/^(?=x)',
    '/variables/properties/const/pattern',
    '/variables/properties/enum/pattern',
  ]);
});

test('a $ref into data is checked as the schema ajv would compile it', () => {
  const variables = { type: 'object', properties: { code: { $ref: '#/properties/code/examples/0' }, other: { examples: [{ pattern: '(a)\\1' }] } } };
  expect(problemsFor({ ...variables, properties: { ...variables.properties, code: { $ref: '#/properties/other/examples/0' } } })).toEqual([
    '/variables/properties/other/examples/0/pattern',
  ]);
});
