import packageJson from '../../package.json';
import { configSchema, templateSchema } from '../engine';
import { MAX_PAGE_SIZE } from './params';
import {
  batchLintRequestSchema,
  batchLintResponseSchema,
  configResponseSchema,
  dispatchPageSchema,
  healthSchema,
  templatePageSchema,
  templateViewSchema,
  decisionRequestSchema,
  dispatchRequestSchema,
  dispatchResponseSchema,
  errorResponseSchema,
  lintRequestSchema,
  lintResultSchema,
  templateIdPattern,
  templateVersionSchema,
  verdictSchema,
  versionPageSchema,
} from './schemas';

/** The schemas published as components: the very objects ajv validates with. */
const components: Record<string, object> = {
  Template: templateSchema,
  Config: configSchema,
  LintRequest: lintRequestSchema,
  LintResult: lintResultSchema,
  BatchLintRequest: batchLintRequestSchema,
  BatchLintResponse: batchLintResponseSchema,
  ConfigResponse: configResponseSchema,
  TemplateView: templateViewSchema,
  TemplatePage: templatePageSchema,
  DispatchPage: dispatchPageSchema,
  Health: healthSchema,
  Verdict: verdictSchema,
  TemplateVersion: templateVersionSchema,
  VersionPage: versionPageSchema,
  DecisionRequest: decisionRequestSchema,
  DispatchRequest: dispatchRequestSchema,
  DispatchResponse: dispatchResponseSchema,
  Error: errorResponseSchema,
};

let document: object | undefined;

/** The OpenAPI 3.1 description of the API, built once from the request and response schemas. */
export function openApiDocument(): object {
  document ??= buildDocument();
  return document;
}

function buildDocument(): object {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const json = (name: string) => ({ content: { 'application/json': { schema: ref(name) } } });
  const error = (description: string) => ({ description, ...json('Error') });
  const templateId = { name: 'templateId', in: 'path', required: true, schema: { type: 'string', pattern: templateIdPattern } };
  const versionParameter = { name: 'version', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
  const badInput = error('Malformed JSON, wrong content type or a field that does not fit the schema; `details` name each field.');
  const notFound = error('Unknown template or version.');
  const unavailable = error('The store is unavailable; retry after `Retry-After` seconds.');
  const pageParameters = [
    { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE } },
    { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'The `nextCursor` of the previous page.' },
  ];
  const archived = error('`template_archived`: the template takes no new version and no dispatch.');
  return {
    openapi: '3.1.0',
    info: { title: 'smslint', version: packageJson.version, description: packageJson.description },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths: {
      '/v1/lint': {
        post: {
          summary: 'Lint a template without storing it',
          requestBody: { required: true, ...json('LintRequest') },
          responses: { 200: { description: 'The lint result.', ...json('LintResult') }, 400: badInput, 413: error('Body over 64 KB.') },
        },
      },
      '/v1/lint/batch': {
        post: {
          summary: 'Lint up to 100 templates without storing them, with the service config unless the body brings one',
          requestBody: { required: true, ...json('BatchLintRequest') },
          responses: {
            200: { description: 'One result or error per template, in order.', ...json('BatchLintResponse') },
            400: error('Not a batch (no templates, more than 100, a template that is not an object) or a bad config: `details` name each field.'),
            413: error('Body over 64 KB.'),
          },
        },
      },
      '/v1/config': {
        get: { summary: 'The config the service lints with, and its hash (the `configHash` of the verdicts it makes)', responses: { 200: { description: 'The active config.', ...json('ConfigResponse') } } },
      },
      '/v1/health': {
        get: {
          summary: 'Liveness and store reachability',
          responses: { 200: { description: 'Running, and the store answers.', ...json('Health') }, 503: { description: 'The store does not answer; retry after `Retry-After` seconds.', ...json('Health') } },
        },
      },
      '/v1/templates': {
        get: {
          summary: 'The templates by id, each with its latest version, its status, who submitted it and when',
          parameters: pageParameters,
          responses: { 200: { description: 'One page of templates.', ...json('TemplatePage') }, 400: badInput, 503: unavailable },
        },
      },
      '/v1/templates/{templateId}': {
        parameters: [templateId],
        put: {
          summary: 'Lint a template and store it as a new immutable version',
          requestBody: { required: true, ...json('Template') },
          responses: {
            201: { description: 'The new version and its verdict.', content: { 'application/json': { schema: {
              type: 'object', required: ['templateId', 'version', 'verdict'],
              properties: { templateId: { type: 'string' }, version: { type: 'integer' }, verdict: ref('Verdict') },
            } } } },
            400: badInput,
            409: archived,
            413: error('Body over 64 KB.'),
            503: unavailable,
          },
        },
        get: { summary: 'The latest version with its verdict, and the archive', responses: { 200: { description: 'The latest version.', ...json('TemplateView') }, 404: notFound, 503: unavailable } },
        delete: {
          summary: 'Archive the template: no new version and no dispatch afterwards; its versions, verdicts and dispatches stay',
          responses: { 200: { description: 'The template, archived.', ...json('TemplateView') }, 400: badInput, 404: notFound, 409: archived, 503: unavailable },
        },
      },
      '/v1/templates/{templateId}/dispatches': {
        parameters: [templateId],
        get: {
          summary: 'The dispatches of the template by dispatch id, each with its version, masked number, status, message id, who and when',
          parameters: pageParameters,
          responses: { 200: { description: 'One page of dispatches.', ...json('DispatchPage') }, 400: badInput, 404: notFound, 503: unavailable },
        },
      },
      '/v1/templates/{templateId}/versions': {
        parameters: [templateId],
        get: {
          summary: 'The versions, newest first',
          parameters: pageParameters,
          responses: { 200: { description: 'One page of versions.', ...json('VersionPage') }, 400: badInput, 404: notFound, 503: unavailable },
        },
      },
      '/v1/templates/{templateId}/versions/{version}': {
        parameters: [templateId, versionParameter],
        get: { summary: 'One version with its verdict', responses: { 200: { description: 'The version.', ...json('TemplateVersion') }, 400: badInput, 404: notFound, 503: unavailable } },
      },
      '/v1/templates/{templateId}/versions/{version}/approval': {
        parameters: [templateId, versionParameter],
        post: {
          summary: 'Approve the suppressed errors of the current verdict (someone other than the submitter)',
          requestBody: { required: true, ...json('DecisionRequest') },
          responses: {
            201: { description: 'The version, now approved.', ...json('TemplateVersion') },
            400: badInput,
            403: error('`self_approval`: the submitter cannot approve their own version.'),
            404: notFound,
            409: error('`nothing_to_approve` (the verdict does not need approval), `already_approved` or `version_retired`.'),
            503: unavailable,
          },
        },
      },
      '/v1/templates/{templateId}/versions/{version}/relint': {
        parameters: [templateId, versionParameter],
        post: {
          summary: 'Lint the version again with the current rules and config, as a new verdict (the old ones are kept)',
          responses: { 201: { description: 'The version with its new verdict.', ...json('TemplateVersion') }, 400: badInput, 404: notFound, 422: error('The verdict is too large to store.'), 503: unavailable },
        },
      },
      '/v1/templates/{templateId}/versions/{version}/retire': {
        parameters: [templateId, versionParameter],
        post: {
          summary: 'Make the version impossible to send',
          requestBody: { required: true, ...json('DecisionRequest') },
          responses: { 201: { description: 'The version, retired.', ...json('TemplateVersion') }, 400: badInput, 404: notFound, 409: error('`version_retired`: it was retired already.'), 503: unavailable },
        },
      },
      '/v1/templates/{templateId}/dispatch': {
        parameters: [templateId],
        post: {
          summary: 'Send a version whose current verdict passed (or was approved) and that the current rules still judge the same',
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', minLength: 1, maxLength: 255 } }],
          requestBody: { required: true, ...json('DispatchRequest') },
          responses: {
            202: { description: 'Published (or the stored result of an earlier request with this key).', ...json('DispatchResponse') },
            400: badInput,
            404: notFound,
            409: error(
              '`verdict_failed` (`findings` lists the blocking ones), `approval_required` (`suppressedErrors`), `verdict_stale` (the current rules judge it otherwise: `findings`; relint it), `version_retired`, `template_archived`, or `dispatch_in_progress` under this key.',
            ),
            422: error('The variables do not fit the template, the rendered text is too long, or the key was used for another request.'),
            502: error('SNS refused the message; retry with the same key.'),
            503: unavailable,
          },
        },
      },
    },
    components: { schemas: Object.fromEntries(Object.entries(components).map(([name, schema]) => [name, withRefs(schema, true)])) },
  };
}

/** Replaces each embedded component schema (by identity) with a `$ref` to it, and drops `$id`s. */
function withRefs(value: unknown, isComponentRoot = false): unknown {
  if (Array.isArray(value)) return value.map((item) => withRefs(item));
  if (typeof value !== 'object' || value === null) return value;
  if (!isComponentRoot) {
    const name = Object.keys(components).find((key) => components[key] === value);
    if (name) return { $ref: `#/components/schemas/${name}` };
  }
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '$id').map(([key, item]) => [key, withRefs(item)]));
}
