import type { FromSchema } from 'json-schema-to-ts';
import { configSchema, templateSchema } from '../engine';

/**
 * The request and response bodies of the service as JSON Schemas: ajv validates requests
 * with them, `GET /v1/openapi.json` publishes them, and API Gateway models are derived
 * from them by `toApiGatewayModelSchema`. Types come from the same objects.
 */

/** Keys that would reach an object's prototype if code ever merged client objects. */
const safePropertyNames = { not: { enum: ['__proto__', 'constructor', 'prototype'] } } as const;

export const templateIdPattern = '^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$';
export const phoneNumberPattern = '^\\+[1-9][0-9]{6,14}$';

export const lintRequestSchema = {
  $id: 'https://smslint.dev/schemas/lint-request.json',
  title: 'Lint request',
  type: 'object',
  additionalProperties: false,
  required: ['template'],
  properties: {
    template: templateSchema,
    config: configSchema,
  },
} as const;
export type LintRequest = FromSchema<typeof lintRequestSchema>;

export const MAX_BATCH_TEMPLATES = 100;

/**
 * The templates are only objects here: each is validated on its own by the engine, so one
 * bad template gets its error in the results instead of refusing the whole batch (API
 * Gateway validates with this very schema).
 */
export const batchLintRequestSchema = {
  $id: 'https://smslint.dev/schemas/batch-lint-request.json',
  title: 'Batch lint request',
  type: 'object',
  additionalProperties: false,
  required: ['templates'],
  properties: {
    templates: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_BATCH_TEMPLATES,
      items: { type: 'object' },
      description: 'Templates (see `Template`), each linted on its own: one that does not fit gets an error in its place.',
    },
    config: configSchema,
  },
} as const;

/*
 * What the service itself checks of the lint requests: only the envelope. `lint` validates
 * `template` and `config` with the engine's schemas and names each field, so they are not
 * validated twice (API Gateway validates the whole body with the schemas above).
 */
export const lintEnvelopeSchema = {
  ...lintRequestSchema,
  properties: { template: { type: 'object' }, config: { type: 'object' } },
} as const;

export const batchLintEnvelopeSchema = {
  ...batchLintRequestSchema,
  properties: { ...batchLintRequestSchema.properties, config: { type: 'object' } },
} as const;

export const dispatchRequestSchema = {
  $id: 'https://smslint.dev/schemas/dispatch-request.json',
  title: 'Dispatch request',
  type: 'object',
  additionalProperties: false,
  required: ['variables', 'to'],
  properties: {
    version: { type: 'integer', minimum: 1, maximum: 9999999999, description: 'Default: the latest version.' },
    variables: {
      type: 'object',
      propertyNames: safePropertyNames,
      description: "The placeholder values, validated against the template's `variables` schema.",
    },
    to: { type: 'string', pattern: phoneNumberPattern, description: 'The recipient in E.164 form.' },
  },
} as const;
export type DispatchRequest = FromSchema<typeof dispatchRequestSchema>;

export const decisionRequestSchema = {
  $id: 'https://smslint.dev/schemas/decision-request.json',
  title: 'Approval or retirement',
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: {
    reason: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S', description: 'Why: kept with the approval or retirement, and shown in the history.' },
  },
} as const;
export type DecisionRequest = FromSchema<typeof decisionRequestSchema>;

const problemSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['path', 'message'],
  properties: {
    path: { type: 'string', description: 'JSON pointer into the body, or `path/<name>`, `query/<name>`, `header/<name>`.' },
    message: { type: 'string' },
  },
} as const;

export const errorResponseSchema = {
  $id: 'https://smslint.dev/schemas/error.json',
  title: 'Error',
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'array', items: problemSchema },
      },
    },
  },
} as const;

const findingSchema = {
  type: 'object',
  required: ['ruleId', 'severity', 'message', 'start', 'end'],
  properties: {
    ruleId: { type: 'string' },
    severity: { type: 'string', enum: ['error', 'warning'] },
    message: { type: 'string' },
    start: { type: 'integer' },
    end: { type: 'integer' },
    suggestion: { type: 'string' },
    suppressed: { type: 'boolean', const: true },
    suppressionReason: { type: 'string' },
  },
} as const;

export const lintResultSchema = {
  $id: 'https://smslint.dev/schemas/lint-result.json',
  title: 'Lint result',
  type: 'object',
  required: ['id', 'passed', 'findings', 'encoding', 'segments'],
  properties: {
    id: { type: ['string', 'null'] },
    passed: { type: 'boolean' },
    findings: { type: 'array', items: findingSchema },
    encoding: { type: 'string', enum: ['GSM-7', 'UCS-2'] },
    segments: { type: 'integer', minimum: 0 },
    omitted: { type: 'object', additionalProperties: { type: 'integer', minimum: 1 }, description: 'By rule: findings past the 100 a rule reports, counted but not listed.' },
    omittedFindings: { type: 'integer', minimum: 0, description: 'All the findings this answer leaves out: past 100 per rule, and past 1 MB (the first ones are kept).' },
  },
} as const;

export const verdictSchema = {
  $id: 'https://smslint.dev/schemas/verdict.json',
  title: 'Verdict',
  type: 'object',
  required: ['status', 'suppressedErrors', 'result', 'lintedBy', 'engineVersion', 'ruleSetVersion', 'configHash', 'contentHash', 'lintedAt'],
  properties: {
    status: { type: 'string', enum: ['passed', 'failed', 'needs_approval'], description: '`needs_approval`: it passed only because errors were suppressed.' },
    suppressedErrors: {
      type: 'array',
      description: 'The error findings that suppressions accepted, with their reasons: what an approver approves.',
      items: { type: 'object', required: ['ruleId', 'message', 'start', 'end'], properties: { ruleId: { type: 'string' }, message: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' }, suppressionReason: { type: 'string' } } },
    },
    result: lintResultSchema,
    lintedBy: { type: 'string', description: 'The principal who submitted the version or asked for the relint.' },
    engineVersion: { type: 'string', description: 'The smslint package version that linted.' },
    ruleSetVersion: { type: 'string', description: 'A hash of the rule ids, severities and locale data.' },
    configHash: { type: 'string', description: 'sha256 (hex) of the canonical JSON of the config it was linted with: the `hash` of `GET /v1/config`.' },
    contentHash: { type: 'string', description: 'sha256 (hex) of the canonical JSON of the template.' },
    lintedAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const templateVersionSchema = {
  $id: 'https://smslint.dev/schemas/template-version.json',
  title: 'Template version',
  type: 'object',
  required: ['templateId', 'version', 'template', 'submittedBy', 'status', 'verdictSequence', 'verdict', 'approval', 'retirement'],
  properties: {
    templateId: { type: 'string', pattern: templateIdPattern },
    version: { type: 'integer', minimum: 1 },
    template: templateSchema,
    submittedBy: { type: 'string', description: 'The principal who submitted it: the IAM ARN in AWS.' },
    status: { type: 'string', enum: ['passed', 'failed', 'needs_approval', 'approved'] },
    verdictSequence: { type: 'integer', minimum: 0, description: '0 for the verdict made at submission, then one more for each relint.' },
    verdict: verdictSchema,
    approval: {
      type: ['object', 'null'],
      required: ['verdictSequence', 'approvedBy', 'approvedAt', 'reason'],
      properties: { verdictSequence: { type: 'integer' }, approvedBy: { type: 'string' }, approvedAt: { type: 'string', format: 'date-time' }, reason: { type: 'string' } },
    },
    retirement: {
      type: ['object', 'null'],
      required: ['retiredBy', 'retiredAt', 'reason'],
      properties: { retiredBy: { type: 'string' }, retiredAt: { type: 'string', format: 'date-time' }, reason: { type: 'string' } },
    },
  },
} as const;

const nextCursorSchema = { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last.' } as const;

export const versionPageSchema = {
  $id: 'https://smslint.dev/schemas/version-page.json',
  title: 'Page of template versions',
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: { type: 'array', items: templateVersionSchema },
    nextCursor: nextCursorSchema,
  },
} as const;

const archiveSchema = {
  type: ['object', 'null'],
  required: ['templateId', 'archivedBy', 'archivedAt'],
  description: 'Set once the template is archived (`DELETE`): it takes no new version and no dispatch; its history stays.',
  properties: { templateId: { type: 'string' }, archivedBy: { type: 'string' }, archivedAt: { type: 'string', format: 'date-time' } },
} as const;

export const templateViewSchema = {
  $id: 'https://smslint.dev/schemas/template-view.json',
  title: 'Template (its latest version)',
  type: 'object',
  required: [...templateVersionSchema.required, 'archive'],
  properties: { ...templateVersionSchema.properties, archive: archiveSchema },
} as const;

export const templatePageSchema = {
  $id: 'https://smslint.dev/schemas/template-page.json',
  title: 'Page of templates',
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: {
      type: 'array',
      description: 'By template id.',
      items: {
        type: 'object',
        required: ['templateId', 'latestVersion', 'status', 'submittedBy', 'submittedAt', 'archive'],
        properties: {
          templateId: { type: 'string', pattern: templateIdPattern },
          latestVersion: { type: 'integer', minimum: 1 },
          status: { type: 'string', enum: ['passed', 'failed', 'needs_approval', 'approved'], description: 'The status of the latest version.' },
          submittedBy: { type: 'string' },
          submittedAt: { type: 'string', format: 'date-time' },
          archive: archiveSchema,
        },
      },
    },
    nextCursor: nextCursorSchema,
  },
} as const;

export const dispatchPageSchema = {
  $id: 'https://smslint.dev/schemas/dispatch-page.json',
  title: 'Page of dispatches',
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: {
      type: 'array',
      description: 'By dispatch id.',
      items: {
        type: 'object',
        required: ['dispatchId', 'version', 'to', 'status', 'messageId', 'error', 'dispatchedBy', 'createdAt', 'updatedAt'],
        properties: {
          dispatchId: { type: 'string' },
          version: { type: 'integer', minimum: 1 },
          to: { type: 'string', description: 'Masked: the country code and the last two digits (`+33*******78`). The full number is never stored.' },
          status: { type: 'string', enum: ['pending', 'sent', 'failed'] },
          messageId: { type: ['string', 'null'], description: "SNS's message id once sent." },
          error: { type: ['string', 'null'], description: 'Why it failed: the name of the error SNS answered.' },
          dispatchedBy: { type: 'string' },
          createdAt: { type: 'string', format: 'date-time' },
          updatedAt: { type: 'string', format: 'date-time' },
        },
      },
    },
    nextCursor: nextCursorSchema,
  },
} as const;

export const healthSchema = {
  $id: 'https://smslint.dev/schemas/health.json',
  title: 'Health',
  type: 'object',
  required: ['status', 'store'],
  properties: {
    status: { type: 'string', enum: ['ok', 'unavailable'] },
    store: { type: 'string', enum: ['reachable', 'unreachable'] },
  },
} as const;

export const batchLintResponseSchema = {
  $id: 'https://smslint.dev/schemas/batch-lint-response.json',
  title: 'Batch lint results',
  type: 'object',
  required: ['results'],
  properties: {
    results: {
      type: 'array',
      description: 'One per template, in order: its `result`, or its `error` (paths under `/templates/<index>`). Findings past 1 MB for the whole answer are left out and counted in `omittedFindings`.',
      items: {
        type: 'object',
        required: ['index'],
        properties: {
          index: { type: 'integer', minimum: 0 },
          result: lintResultSchema,
          error: errorResponseSchema.properties.error,
        },
      },
    },
  },
} as const;

export const configResponseSchema = {
  $id: 'https://smslint.dev/schemas/config-response.json',
  title: 'Active configuration',
  type: 'object',
  required: ['config', 'hash'],
  properties: {
    config: configSchema,
    hash: { type: 'string', description: 'sha256 (hex) of the canonical JSON of `config`: the `configHash` of the verdicts it makes.' },
  },
} as const;

export const dispatchResponseSchema = {
  $id: 'https://smslint.dev/schemas/dispatch-response.json',
  title: 'Dispatch accepted',
  type: 'object',
  required: ['dispatchId', 'messageId'],
  properties: {
    dispatchId: { type: 'string' },
    messageId: { type: 'string' },
  },
} as const;

type JsonSchema = { readonly [key: string]: unknown };

/** Keywords that hold one subschema, a list of them, or a map of them. */
const subschemaKeywords = new Set(['items', 'additionalProperties', 'not', 'additionalItems', 'propertyNames', 'contains']);
const subschemaListKeywords = new Set(['anyOf', 'allOf', 'oneOf', 'prefixItems']);
const subschemaMapKeywords = new Set(['properties', 'patternProperties', '$defs', 'definitions']);
/** Draft 2020 keywords that draft 4 lacks and that can only be dropped (the Lambda still checks them). */
const droppedKeywords = new Set(['$id', '$schema', 'propertyNames', 'contains', 'examples', 'if', 'then', 'else', 'unevaluatedProperties', 'unevaluatedItems', 'dependentSchemas']);

/**
 * Turns one of our draft 2020-12 schemas into the draft-04 dialect of API Gateway models:
 * drops `$id` and what draft 4 cannot say, `const` → one-value `enum`, `prefixItems` +
 * `items: false` → tuple `items` + `additionalItems: false`, numeric `exclusiveMinimum`/
 * `exclusiveMaximum` → `minimum`/`maximum` with the draft-4 boolean, `$defs` → `definitions`.
 */
export function toApiGatewayModelSchema(schema: JsonSchema): Record<string, unknown> {
  return { $schema: 'http://json-schema.org/draft-04/schema#', ...toDraft4(schema) };
}

function toDraft4(schema: JsonSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (droppedKeywords.has(keyword)) continue;
    if (keyword === 'const') out.enum = [value];
    else if (keyword === 'prefixItems') {
      out.items = (value as JsonSchema[]).map(toDraft4);
      if (schema.items === false) out.additionalItems = false;
      else if (isSchema(schema.items)) out.additionalItems = toDraft4(schema.items);
    } else if (keyword === 'items' && 'prefixItems' in schema) continue;
    else if (keyword === 'exclusiveMinimum' || keyword === 'exclusiveMaximum') {
      out[keyword === 'exclusiveMinimum' ? 'minimum' : 'maximum'] = value;
      out[keyword] = true;
    } else if (keyword === '$defs') out.definitions = mapValues(value as Record<string, JsonSchema>);
    else if (subschemaKeywords.has(keyword) && isSchema(value)) out[keyword] = toDraft4(value);
    else if (subschemaListKeywords.has(keyword)) out[keyword] = (value as JsonSchema[]).map(toDraft4);
    else if (subschemaMapKeywords.has(keyword)) out[keyword] = mapValues(value as Record<string, JsonSchema>);
    else out[keyword] = value;
  }
  return out;
}

function mapValues(schemas: Record<string, JsonSchema>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, toDraft4(schema)]));
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
