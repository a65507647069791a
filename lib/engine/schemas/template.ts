import type { FromSchema } from 'json-schema-to-ts';

/**
 * The one JSON Schema of a template: ajv validates with it at run time, API Gateway
 * validates request bodies with it, and the `Template` type is derived from it.
 */
/** The pattern of a text that must hold something besides spaces; `problemsOf` words its error "must not be empty or blank". */
export const NOT_BLANK = '\\S';

export const templateSchema = {
  $id: 'https://smslint.dev/schemas/template.json',
  title: 'SMS template',
  type: 'object',
  additionalProperties: false,
  required: ['locale', 'category', 'body'],
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 200, description: 'Your identifier for the template.' },
    locale: {
      type: 'string',
      pattern: '^[a-z]{2,3}(-[A-Z]{2})?$',
      description: 'Language of the body, with an optional region: en, fr, fr-FR.',
    },
    category: {
      type: 'string',
      enum: ['transactional', 'promotional'],
      description: 'The SNS SMS type the template is sent as.',
    },
    sender: { type: 'string', minLength: 1, maxLength: 64, description: 'The brand that sends the message.' },
    body: {
      type: 'string',
      // An empty or blank body is no message: refused here, so by the CLI, the API and API Gateway alike.
      pattern: NOT_BLANK,
      maxLength: 100000,
      description: 'The text, with {{placeholders}} for the values filled in at send time; not empty or blank.',
    },
    variables: {
      type: 'object',
      description: 'A JSON Schema of the placeholder values (type object, one property per placeholder).',
    },
    suppress: {
      type: 'array',
      maxItems: 50,
      description: 'Findings accepted on purpose, in review, each with its reason on record.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'reason'],
        properties: {
          rule: { type: 'string', minLength: 1, maxLength: 100 },
          reason: { type: 'string', pattern: NOT_BLANK, maxLength: 1000 },
        },
      },
    },
    note: { type: 'string', maxLength: 10000, description: 'A free comment for reviewers; ignored by the linter.' },
    labels: { type: 'object', description: 'Free metadata (such as expected labels in a corpus); ignored by the linter.' },
  },
} as const;

export type Template = FromSchema<typeof templateSchema>;
