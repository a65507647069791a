import { backtrackingRisk, riskyPatterns } from '../../lib/service/safe-pattern';

describe('backtrackingRisk', () => {
  test.each([
    '^(a+)+$',
    '^(a|a)*b$',
    '(\\d+)*#',
    '^(x+x+)+y$',
    '^([a-z0-9-]+\\.)+[a-z]{2,}$',
    '(a*){2,5}',
    '(?:ab|a)+c',
    '^(\\w)\\1$',
    '(?<x>a)\\k<x>',
  ])('%s is refused', (pattern) => {
    expect(backtrackingRisk(pattern)).toEqual(expect.any(String));
  });

  test.each([
    '^[A-Z]{2}[0-9]{4}$',
    '^(?:\\+33)?[0-9]{9}$',
    '^[^@\\s]+@[^@\\s]+$',
    '^(ab){3}$',
    '^[(+)*|]+$',
    '^(a+)?$',
    '^\\(\\d+\\)+$',
    '^(foo|bar)$',
  ])('%s passes', (pattern) => {
    expect(backtrackingRisk(pattern)).toBeUndefined();
  });
});

test('riskyPatterns names each pattern and patternProperties key by JSON pointer', () => {
  const schema = {
    type: 'object',
    properties: { code: { type: 'string', pattern: '^(a+)+$' }, ok: { type: 'string', pattern: '^[a-z]+$' } },
    patternProperties: { '^(x|x)*$': { type: 'string' } },
    $defs: { 'a/b': { pattern: '(\\d+)*#' } },
    examples: [{ pattern: '^(a+)+$' }],
  };
  expect(riskyPatterns(schema, '/variables').map((problem) => problem.path).sort()).toEqual([
    '/variables/$defs/a~1b/pattern',
    '/variables/patternProperties/^(x|x)*$',
    '/variables/properties/code/pattern',
  ]);
});
