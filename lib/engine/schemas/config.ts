import type { FromSchema } from 'json-schema-to-ts';

const severitySetting = { type: 'string', enum: ['off', 'warn', 'error'] } as const;

/** The one JSON Schema of `smslint.config.json`, also accepted by `lint(template, config)`. */
export const configSchema = {
  $id: 'https://smslint.dev/schemas/config.json',
  title: 'smslint configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    rules: {
      type: 'object',
      description: 'Per rule: a severity, or [severity, options].',
      additionalProperties: {
        anyOf: [
          severitySetting,
          {
            type: 'array',
            minItems: 1,
            maxItems: 2,
            prefixItems: [severitySetting, { type: 'object' }],
            items: false,
          },
        ],
      },
    },
    allowedCapitals: {
      type: 'array',
      description: "The brand's own words and acronyms that may be written in capitals.",
      items: { type: 'string', minLength: 1, maxLength: 64 },
    },
    segmentLimits: {
      type: 'object',
      additionalProperties: false,
      description: 'Maximum segments per category.',
      properties: {
        transactional: { type: 'integer', minimum: 1, maximum: 10 },
        promotional: { type: 'integer', minimum: 1, maximum: 10 },
      },
    },
    senderPrefix: {
      type: 'string',
      maxLength: 64,
      description: 'Text your sending platform adds before every body, counted toward segments; {sender} stands for the template\'s sender. Example: "{sender}: ".',
    },
    allowedDomains: {
      type: 'array',
      maxItems: 100,
      description: 'Domains (lower case, subdomains included) that links in dispatch values may go to: ["telvo.uk"]. None: no link in a value.',
      items: { type: 'string', pattern: '^(?:[a-z0-9-]+\\.)+[a-z]{2,63}$', maxLength: 253 },
    },
    defaultLocale: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Z]{2})?$' },
    defaultCategory: { type: 'string', enum: ['transactional', 'promotional'] },
  },
} as const;

type SeveritySetting = FromSchema<typeof severitySetting>;

/**
 * The config type, from the schema. json-schema-to-ts does not read `prefixItems`, so the
 * `[severity, options]` tuple of a rule entry is spelled out here, as the schema says it.
 */
export type Config = Omit<FromSchema<typeof configSchema>, 'rules'> & {
  rules?: Record<string, SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>]>;
};
