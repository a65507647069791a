import { lint } from '../../lib/engine';
import { InputError } from '../../lib/engine';
import { ruleTable } from './rule-table';

const variables = (...names: string[]) => ({
  type: 'object',
  properties: Object.fromEntries(names.map((name) => [name, { type: 'string', maxLength: 20 }])),
});

ruleTable('placeholder', {
  valid: [
    { body: 'Your parcel arrives tomorrow.' },
    { body: 'Hi {{name}}, your parcel arrives {{ day }}.', variables: variables('name', 'day') },
    { body: 'Hi {{ customer.firstName }}, see you.', variables: { type: 'object', properties: { customer: { type: 'object', properties: { firstName: { type: 'string' } } } } } },
    // A whole object used counts for its properties.
    { body: 'Hi {{customer}}, see you.', variables: { type: 'object', properties: { customer: { type: 'object', properties: { firstName: { type: 'string' } } } } } },
    { locale: 'fr', body: 'Bonjour {{prenom}} et {{nom}}, à bientôt.', variables: variables('prenom', 'nom') },
    { body: 'No placeholder and an empty schema.', variables: { type: 'object' } },
  ],
  invalid: [
    { body: 'Hi {{name, see you', variables: variables('name'), errors: [{ start: 0, end: 0, message: '"name" is declared' }, { start: 3, end: 5, message: '"{{" is never closed', suggestion: 'Write the placeholder as {{name}}.' }] },
    { body: 'Hi name}}, see you', errors: [{ start: 7, end: 9, message: '"}}" has no opening "{{"' }] },
    { body: 'Hi {{ }}, see you', errors: [{ start: 3, end: 8, message: 'The placeholder has no name' }] },
    { body: 'Hi {{first name}}, see you', errors: [{ start: 3, end: 17, message: '"first name" is not a valid placeholder name' }] },
    { body: 'Hi {{1st}}, {{a..b}} see you', errors: [{ start: 3, end: 10 }, { start: 12, end: 20 }] },
    {
      body: 'Hi {{name}}, see you',
      variables: variables('first'),
      errors: [
        { start: 0, end: 0, message: 'The variable "first" is declared but the body never uses it.' },
        { start: 3, end: 11, message: "{{name}} is not declared in the template's variables", suggestion: 'Declare "name" in variables, with a maxLength.' },
      ],
    },
    { body: 'Hi {{name}}, see you', errors: [{ start: 3, end: 11, message: '{{name}} is used but the template declares no variables' }] },
    {
      body: 'Hi {{customer.first}}, see you',
      variables: { type: 'object', properties: { customer: { type: 'object', properties: { first: { type: 'string' }, last: { type: 'string' } } } } },
      errors: [{ start: 0, end: 0, message: '"customer.last" is declared' }],
    },
    { body: '{{name}}, your parcel is here.', variables: variables('name'), errors: [{ start: 0, end: 8, message: 'The body starts with a placeholder' }] },
    { body: 'Your code: {{code}}\n', variables: variables('code'), errors: [{ start: 11, end: 19, message: 'The body ends with a placeholder' }] },
    {
      body: 'Hi {{first}}{{last}}, see you',
      variables: variables('first', 'last'),
      errors: [{ start: 3, end: 20, message: 'Two placeholders with nothing between them', suggestion: 'Put a space or words between them.' }],
    },
    {
      locale: 'fr',
      body: '{{prenom}}{{nom}}',
      variables: variables('prenom', 'nom'),
      errors: [
        { start: 0, end: 10, message: 'Le texte commence par une variable' },
        { start: 0, end: 17, message: 'Deux variables sans rien entre elles' },
        { start: 10, end: 17, message: 'Le texte se termine par une variable' },
      ],
    },
    { locale: 'fr', body: 'Bonjour {{client}} !', variables: variables('nom'), errors: [{ start: 0, end: 0, message: '« nom » est déclarée' }, { start: 8, end: 18, message: "{{client}} n'est pas déclarée" }] },
  ],
});

describe('the variables schema', () => {
  const template = (variables: unknown) => ({ locale: 'en', category: 'transactional', body: 'Hi {{name}}, see you', variables });

  test.each([
    ['a bad type', { type: 'object', properties: { name: { type: 'strin' } } }, '/variables/properties/name/type'],
    ['a remote $ref (never fetched)', { type: 'object', properties: { name: { $ref: 'https://example.com/name.json' } } }, '/variables/properties/name/$ref'],
    ['a pattern that is not a regex', { type: 'object', properties: { name: { type: 'string', pattern: '([a-z]' } } }, '/variables/properties/name/pattern'],
    ['a lookahead (RE2 runs none)', { type: 'object', properties: { name: { type: 'string', pattern: '^(?!x)a$' } } }, '/variables/properties/name/pattern'],
    ['a backreference', { type: 'object', properties: { name: { type: 'string', pattern: '^(\\w)\\1$' } } }, '/variables/properties/name/pattern'],
    ['a lookbehind as a patternProperties key', { type: 'object', patternProperties: { '(?<=x)y': { type: 'string' } } }, '/variables/patternProperties/(?<=x)y'],
    ['a backreference deep in $defs', { type: 'object', $defs: { code: { type: 'string', pattern: '(\\d)\\1' } } }, '/variables/$defs/code/pattern'],
    ['a schema too deep', nested(40), '/variables'],
    ['a schema too large', { type: 'object', properties: Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`v${i}`, { type: 'string' }])) }, '/variables'],
  ])('%s is an input error, named by its JSON pointer', (_name, variables, path) => {
    const error = catchError(() => lint(template(variables)));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map((problem) => problem.path)).toContain(path);
  });

  test('the size bound is stated', () => {
    expect((catchError(() => lint(template(nested(40)))) as InputError).problems).toEqual([
      { path: '/variables', message: 'is too large (at most 1000 objects and 64 levels of nesting)' },
    ]);
  });

  test.each(['^[A-Z]{2}[0-9]{4}$', '^(?:Mr|Mrs|Ms)?\\s?\\w+$', '^\\d{1,3}(?:-\\d{3}){0,8}$', '^\\+?[0-9 ]{6,20}$'])('a linear pattern %s is accepted', (pattern) => {
    const variables = { type: 'object', properties: { name: { type: 'string', pattern, maxLength: 20 } } };
    expect(lint(template(variables)).findings).toEqual([]);
  });

  test('a draft-07 $schema is read as 2020-12', () => {
    const variables = { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { name: { type: 'string', maxLength: 10 } } };
    expect(lint(template(variables)).findings).toEqual([]);
  });

  test('two templates may use the same $id', () => {
    const variables = () => ({ $id: 'https://example.com/v.json', type: 'object', properties: { name: { type: 'string', maxLength: 10 } } });
    expect(lint(template(variables())).passed).toBe(true);
    expect(lint(template(variables())).passed).toBe(true);
  });
});

function nested(depth: number): Record<string, unknown> {
  let schema: Record<string, unknown> = { type: 'string', maxLength: 5 };
  for (let i = 0; i < depth; i++) schema = { type: 'object', properties: { name: schema } };
  return schema;
}

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
