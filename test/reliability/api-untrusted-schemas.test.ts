import type { ServiceRequest, ServiceResponse } from '../../lib/service/http';
import { createServiceHandler } from '../../lib/service/service';
import { call, memoryLogger, startTable, requestMac } from '../service/support';
import { isErrorBody, passingTemplate, PHONE } from './helpers/fixtures';

/**
 * A template's `variables` schema comes from the client and ajv runs it on every dispatch.
 * Its regular expressions run on the values of a later request: a pattern that backtracks
 * exponentially (`^(a+)+$` takes 0.4 s on 26 characters, hours on 40), or polynomially
 * on a value of up to 1,600 characters, would block the server on one small dispatch, so
 * it must be refused when the template is stored.
 * (No test sends such a value: if the pattern were stored, that test would hang the suite.)
 */

let table: Awaited<ReturnType<typeof startTable>>;
let handle: (request: ServiceRequest) => Promise<ServiceResponse>;
let ids = 0;

beforeAll(async () => {
  table = await startTable();
  handle = createServiceHandler({
    store: table.store,
    publisher: { publish: async () => ({ messageId: `message-${++ids}` }) },
    logger: memoryLogger(),
    now: () => new Date('2026-07-08T09:10:11Z'),
    requestMac, newId: () => `dispatch-${++ids}`,
  });
});
afterAll(() => table.close());

const withVariables = (body: string, variables: object) => ({ ...passingTemplate(body), variables });
const dispatch = (templateId: string, variables: unknown) =>
  call(handle, 'POST', `/v1/templates/${templateId}/dispatch`, { body: { variables, to: PHONE }, headers: { 'idempotency-key': `key-${++ids}` } });

test.each([
  ['a nested quantifier in pattern', { type: 'object', properties: { code: { type: 'string', pattern: '^(a+)+$' } } }],
  ['an ambiguous alternation under a star in pattern', { type: 'object', properties: { code: { type: 'string', pattern: '^(a|a)*b$' } } }],
  ['a nested quantifier in a patternProperties key', { type: 'object', patternProperties: { '^(x+x+)+y$': { type: 'string' } } }],
  ['a nested quantifier deep inside $defs', { type: 'object', $defs: { code: { type: 'string', pattern: '(\\d+)*#' } }, properties: { code: { $ref: '#/$defs/code' } } }],
  // Polynomial, not exponential, but values may hold 1,600 characters: 118 ms at 100 "a", about n^5 beyond.
  ['adjacent overlapping stars', { type: 'object', properties: { code: { type: 'string', pattern: '^a*a*a*a*a*b$' } } }],
  // 2.4 s at 400 characters, about n^3 beyond.
  ['dot-stars in a row', { type: 'object', properties: { code: { type: 'string', pattern: '.*.*.*=.*' } } }],
  // 4.1 s at 1,600 characters.
  ['overlapping classes in a row', { type: 'object', properties: { code: { type: 'string', pattern: '^[a-z]*[a-z0-9]*[a-z]*[0-9]*$' } } }],
])('a variables schema with %s is refused (400 naming /variables) and not stored', async (_name, variables) => {
  const before = await table.items();
  const { status, json } = await call(handle, 'PUT', '/v1/templates/evil', { body: withVariables('Your code is {{ code }}.', variables) });
  expect(status).toBe(400);
  expect(isErrorBody(json)).toBe(true);
  expect(json.error.details.map((detail: { path: string }) => detail.path)).toContainEqual(expect.stringMatching(/^\/variables(\/|$)/));
  expect(await table.items()).toEqual(before);
});

test('a linear pattern is kept and checked on dispatch', async () => {
  const put = await call(handle, 'PUT', '/v1/templates/linear', { body: withVariables('Your code is {{ code }}.', { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^[A-Z]{2}[0-9]{4}$' } } }) });
  expect(put.status).toBe(201);
  expect((await dispatch('linear', { code: 'AB1234' })).status).toBe(202);
  expect(await dispatch('linear', { code: 'ab1234' })).toMatchObject({ status: 422, json: { error: { details: [{ path: '/variables/code' }] } } });
});

test('a remote $ref is refused at PUT, never fetched', async () => {
  const { status, json } = await call(handle, 'PUT', '/v1/templates/remote', { body: withVariables('Hi {{ name }}.', { $ref: 'http://127.0.0.1:1/schema.json' }) });
  expect(status).toBe(400);
  expect(json.error.details).toEqual([{ path: expect.stringMatching(/^\/variables(\/|$)/), message: expect.any(String) }]);
});

test('two templates with one $id each keep their own schema', async () => {
  const schema = (type: string) => ({ $id: 'https://example.com/same.json', type: 'object', required: ['n'], properties: { n: { type } } });
  expect((await call(handle, 'PUT', '/v1/templates/as-string', { body: withVariables('Value {{ n }}.', schema('string')) })).status).toBe(201);
  expect((await call(handle, 'PUT', '/v1/templates/as-number', { body: withVariables('Value {{ n }}.', schema('number')) })).status).toBe(201);
  expect((await dispatch('as-string', { n: 'seven' })).status).toBe(202);
  expect((await dispatch('as-number', { n: 7 })).status).toBe(202);
  expect((await dispatch('as-string', { n: 7 })).status).toBe(422);
  expect((await dispatch('as-number', { n: 'seven' })).status).toBe(422);
});

/**
 * The values are untrusted too: a free string variable of a passing template can carry
 * what the lint refuses in a template (a request for a card PIN, a shortened link).
 * The gate re-checks only length and encoding once filled, so such a text is sent.
 */
test('a value that turns a passing template into a request for a card PIN behind a short link is refused once rendered (422)', async () => {
  const template = withVariables('Hello {{ name }}, your parcel arrives on Monday.', { type: 'object', required: ['name'], properties: { name: { type: 'string', maxLength: 80 } } });
  expect((await call(handle, 'PUT', '/v1/templates/greeting', { body: template })).json.verdict.result.passed).toBe(true);
  expect((await dispatch('greeting', { name: 'Bob' })).status).toBe(202);
  const injected = await dispatch('greeting', { name: 'Bob. URGENT: confirm your card PIN at http://bit.ly/x' });
  expect({ status: injected.status, code: injected.json.error?.code }).toEqual({ status: 422, code: 'rendered_text_refused' });
});
