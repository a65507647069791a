import type { ServiceRequest, ServiceResponse } from '../../lib/service/http';
import { createServiceHandler } from '../../lib/service/service';
import { call, memoryLogger, startTable, requestMac } from '../service/support';
import { isErrorBody, passingTemplate, PHONE } from './helpers/fixtures';

/**
 * A template's `variables` schema comes from the client and ajv runs it on every dispatch.
 * Its regular expressions run on the values of a later request: with a backtracking engine
 * `^(a+)+$` takes 0.4 s on 26 characters and hours on 40 (issue 10). They run on RE2
 * (RE2JS), linear in the value: such a pattern is stored and a hostile value is answered
 * at once; what RE2 cannot run (backreferences, lookaround) is refused when stored.
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
  ['a nested quantifier in pattern', { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^(a+)+$' } } }],
  ['an ambiguous alternation under a star in pattern', { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^(a|a)*b$' } } }],
  ['a nested quantifier deep inside $defs', { type: 'object', required: ['code'], $defs: { code: { type: 'string', pattern: '(\\d+)*#' } }, properties: { code: { $ref: '#/$defs/code' } } }],
  ['adjacent overlapping stars', { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^a*a*a*a*a*b$' } } }],
  ['seven bounded repetitions', { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: `^${'a{0,30}'.repeat(7)}b$` } } }],
])('a variables schema with %s is stored, and a hostile value is refused at once', async (_name, variables) => {
  const id = `evil-${++ids}`;
  expect((await call(handle, 'PUT', `/v1/templates/${id}`, { body: withVariables('Your code is {{ code }}.', variables) })).status).toBe(201);
  expect(await dispatch(id, { code: `${'1'.repeat(20)}${'a'.repeat(40)}!` })).toMatchObject({ status: 422, json: { error: { details: [{ path: '/variables/code' }] } } });
});

test.each([
  ['a backreference', { type: 'object', properties: { code: { type: 'string', pattern: '^(\\w)\\1$' } } }],
  ['a lookahead in a patternProperties key', { type: 'object', patternProperties: { '^(?=x)': { type: 'string' } } }],
])('a variables schema with %s, which RE2 cannot run, is refused (400 naming /variables) and not stored', async (_name, variables) => {
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
