import { InputError, lint } from '../../lib/engine';

/**
 * ajv runs a template's `pattern`s on every dispatch's values (up to 1,600 characters): a
 * pattern that backtracks would let one request stall the service. The engine refuses them
 * when the template is validated, naming the pattern by JSON pointer.
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

const withPattern = (pattern: string) => ({ type: 'object', properties: { code: { type: 'string', maxLength: 1600, pattern } } });

test.each([
  ['^(a+)+$', 'exponential'],
  ['^(a|a)*b$', 'exponential'],
  ['(\\d+)*#', 'exponential'],
  ['^([a-z0-9-]+\\.)+[a-z]{2,}$', 'exponential'],
  ['(?:ab|a)+c', 'exponential'],
  ['^(\\w)\\1$', 'backreference'],
  ['^a*a*a*a*a*b$', 'polynomial: 118 ms at 100 characters'],
  ['.*.*.*=.*', 'polynomial: 2.4 s at 400 characters'],
  ['^[a-z]*[a-z0-9]*[a-z]*[0-9]*$', 'polynomial: 4.1 s at 1,600 characters'],
  ['^\\d{1,100}\\d{1,100}$', 'polynomial through large bounds'],
])('%s is refused (%s)', (pattern) => {
  expect(problemsFor(withPattern(pattern))).toEqual(['/variables/properties/code/pattern']);
});

test.each(['^[A-Z]{2}[0-9]{4}$', '^(?:\\+33)?[0-9]{9}$', '^(ab){3}$', '^[(+)*|]+$', '^(a+)?$', '^(foo|bar)$', '^[0-9,]{1,9}$', '^\\d{1,3}(?:\\.\\d{3}){0,4}$'])(
  '%s passes',
  (pattern) => {
    expect(problemsFor(withPattern(pattern))).toEqual([]);
  },
);

test('patternProperties keys and patterns under $defs are checked, data keywords are not', () => {
  const variables = {
    type: 'object',
    properties: { code: { type: 'string', pattern: '^[a-z]+$' } },
    patternProperties: { '^(x|x)*$': { type: 'string' } },
    $defs: { 'a/b': { pattern: '(\\d+)*#' } },
    examples: [{ pattern: '^(a+)+$' }],
  };
  expect(problemsFor(variables).sort()).toEqual(['/variables/$defs/a~1b/pattern', '/variables/patternProperties/^(x|x)*$']);
});
