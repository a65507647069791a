import { isErrorBody, parcelTemplate, parcelVariables, PHONE } from './helpers/fixtures';
import { send, sendBytes, sendJson, startHarness, type HttpCall, type LocalHarness } from './helpers/local-service';

/**
 * Bad requests over real HTTP against the local server: each one is refused with its
 * documented 4xx and the error body naming the field, the server keeps serving, and
 * nothing reaches the table or the outbox.
 */

interface BadRequest {
  name: string;
  call: HttpCall;
  status: 400 | 404 | 405 | 413 | 422;
  code: string;
  /** A `details[].path` that must name the field; omitted for 404, 405 and 413. */
  field?: string;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const KEY = { 'idempotency-key': 'bad-request' };
const template = { locale: 'en', category: 'transactional', body: 'Your parcel arrives on Monday.' };
const dispatchBody = { variables: parcelVariables, to: PHONE };

const raw = (method: string, path: string, body: string, headers: Record<string, string> = JSON_TYPE): HttpCall => ({ method, path, body, headers });
const json = (method: string, path: string, value: unknown, headers: Record<string, string> = {}): HttpCall => raw(method, path, JSON.stringify(value), { ...JSON_TYPE, ...headers });
const putTemplate = (value: unknown) => json('PUT', '/v1/templates/bad', value);
const putRaw = (body: string) => raw('PUT', '/v1/templates/bad', body);
const dispatch = (value: unknown, headers: Record<string, string> = KEY) => json('POST', '/v1/templates/parcel/dispatch', value, headers);
const dispatchRaw = (body: string) => raw('POST', '/v1/templates/parcel/dispatch', body, { ...JSON_TYPE, ...KEY });

const malformed = (name: string, body: string): BadRequest => ({ name: `malformed JSON: ${name}`, call: putRaw(body), status: 400, code: 'malformed_json', field: '' });
const invalid = (name: string, call: HttpCall, field: string): BadRequest => ({ name, call, status: 400, code: 'invalid_request', field });
const badId = (name: string, id: string): BadRequest => invalid(`template id: ${name}`, json('PUT', `/v1/templates/${id}`, template), 'path/templateId');
const badVersion = (name: string, version: string): BadRequest => invalid(`version in the path: ${name}`, { method: 'GET', path: `/v1/templates/parcel/versions/${version}` }, 'path/version');
const badPhone = (name: string, to: unknown): BadRequest => invalid(`phone number: ${name}`, dispatch({ ...dispatchBody, to }), '/to');
const badVariables = (name: string, variables: unknown, field: string): BadRequest => ({ name: `variables: ${name}`, call: dispatch({ ...dispatchBody, variables }), status: 422, code: 'invalid_variables', field });
const wrongContentType = (name: string, headers: Record<string, string>): BadRequest => ({
  name: `content type: ${name}`,
  call: raw('PUT', '/v1/templates/bad', JSON.stringify(template), headers),
  status: 400,
  code: 'invalid_content_type',
  field: 'header/content-type',
});

const badRequests: BadRequest[] = [
  malformed('cut short', '{"locale": "en",'),
  malformed('trailing comma', '{"locale":"en","category":"transactional","body":"Hi.",}'),
  malformed('single quotes', "{'locale':'en'}"),
  malformed('unquoted keys', '{locale:"en"}'),
  malformed('NaN', '{"locale":"en","category":"transactional","body":NaN}'),
  malformed('two documents', '{} {}'),
  malformed('a byte-order mark', '\uFEFF{}'),
  malformed('plain text', 'hello'),
  malformed('an empty body', ''),
  malformed('a lone surrogate escape left open', '{"body":"\\ud83d'),
  wrongContentType('text/plain', { 'content-type': 'text/plain' }),
  wrongContentType('missing', {}),
  wrongContentType('application/json-patch+json', { 'content-type': 'application/json-patch+json' }),
  wrongContentType('multipart/form-data', { 'content-type': 'multipart/form-data; boundary=x' }),
  invalid('JSON null as the body', putRaw('null'), ''),
  invalid('a JSON array as the body', putRaw('[]'), ''),
  invalid('locale of the wrong type', putTemplate({ ...template, locale: 5 }), '/locale'),
  invalid('an unknown category', putTemplate({ ...template, category: 'urgent' }), '/category'),
  invalid('body of the wrong type', putTemplate({ ...template, body: 123 }), '/body'),
  invalid('an empty sender', putTemplate({ ...template, sender: '' }), '/sender'),
  invalid('variables schema as a string', putTemplate({ ...template, variables: 'string' }), '/variables'),
  invalid('suppress as an object', putTemplate({ ...template, suppress: {} }), '/suppress'),
  invalid('a suppression without its reason', putTemplate({ ...template, suppress: [{ rule: 'directive-tone' }] }), '/suppress/0/reason'),
  invalid('a missing body', putTemplate({ locale: 'en', category: 'transactional' }), '/body'),
  invalid('an unknown top-level field', putTemplate({ ...template, priority: 'high' }), '/priority'),
  invalid('an unknown nested field', putTemplate({ ...template, suppress: [{ rule: 'directive-tone', reason: 'ok', by: 'me' }] }), '/suppress/0/by'),
  invalid('an unknown field in a lint request', json('POST', '/v1/lint', { template, debug: true }), '/debug'),
  invalid('an unknown field in a lint template', json('POST', '/v1/lint', { template: { ...template, colour: 'red' } }), '/template/colour'),
  invalid('an unknown field in a dispatch', dispatch({ ...dispatchBody, priority: 'high' }), '/priority'),
  invalid('a __proto__ key in a template', putRaw('{"locale":"en","category":"transactional","body":"Hi.","__proto__":{"x":1}}'), '/__proto__'),
  invalid('a constructor key in a template', putRaw('{"locale":"en","category":"transactional","body":"Hi.","constructor":{"prototype":{"x":1}}}'), '/constructor'),
  invalid('a __proto__ key in a lint template', raw('POST', '/v1/lint', '{"template":{"locale":"en","category":"transactional","body":"Hi.","__proto__":{"x":1}}}'), '/template/__proto__'),
  invalid('a __proto__ variable', dispatchRaw(`{"variables":{"__proto__":{"x":1}},"to":"${PHONE}"}`), '/variables'),
  invalid('a constructor variable', dispatchRaw(`{"variables":{"constructor":{"prototype":{"x":1}}},"to":"${PHONE}"}`), '/variables'),
  invalid('a __proto__ key at the top of a dispatch', dispatchRaw(`{"variables":{},"to":"${PHONE}","__proto__":{"version":1}}`), '/__proto__'),
  { name: 'a body over 64 KB', call: putTemplate({ ...template, body: 'x'.repeat(70 * 1024) }), status: 413, code: 'body_too_large' },
  { name: 'a body over 64 KB in bytes, under it in characters', call: putTemplate({ ...template, body: 'é'.repeat(40 * 1024) }), status: 413, code: 'body_too_large' },
  { name: 'a body of 1 MB', call: raw('POST', '/v1/lint', ' '.repeat(1024 * 1024)), status: 413, code: 'body_too_large' },
  invalid('10,000 nested arrays', raw('POST', '/v1/lint', '['.repeat(10000) + ']'.repeat(10000)), ''),
  invalid('10,000 nested objects', raw('POST', '/v1/lint', '{"a":'.repeat(10000) + '1' + '}'.repeat(10000)), ''),
  invalid('33 nested arrays in a variables schema', putTemplate({ ...template, variables: JSON.parse('['.repeat(33) + ']'.repeat(33)) }), ''),
  badId('an encoded slash', 'a%2Fb'),
  badId('a dot', 'a.b'),
  badId('300 characters', 'a'.repeat(300)),
  badId('unicode', encodeURIComponent('café')),
  badId('a broken percent-escape', 'a%E0'),
  badId('a leading dash', '-parcel'),
  badId('an encoded space', 'a%20b'),
  { name: 'template id: .. as a path segment', call: json('PUT', '/v1/templates/..', template), status: 404, code: 'route_not_found' },
  { name: 'template id: an encoded .. as a path segment', call: json('PUT', '/v1/templates/%2E%2E', template), status: 404, code: 'route_not_found' },
  { name: 'an encoded .. after a version, resolving to another route', call: json('PUT', '/v1/templates/elsewhere/versions/%2E%2E', template), status: 405, code: 'method_not_allowed' },
  // `/v1/templates/` is the template list, which only answers GET.
  { name: 'template id: empty', call: json('PUT', '/v1/templates/', template), status: 405, code: 'method_not_allowed' },
  badVersion('0', '0'),
  badVersion('-1', '-1'),
  badVersion('abc', 'abc'),
  badVersion('1e99', '1e99'),
  badVersion('1.5', '1.5'),
  badVersion('11 digits', '99999999999'),
  invalid('version in a dispatch: 0', dispatch({ ...dispatchBody, version: 0 }), '/version'),
  invalid('version in a dispatch: -1', dispatch({ ...dispatchBody, version: -1 }), '/version'),
  invalid('version in a dispatch: "1"', dispatch({ ...dispatchBody, version: '1' }), '/version'),
  invalid('version in a dispatch: 1e99', dispatchRaw(`{"variables":{},"to":"${PHONE}","version":1e99}`), '/version'),
  badPhone('no +', '33612345678'),
  badPhone('letters', '+33abc45678'),
  badPhone('too long', '+3361234567890123'),
  badPhone('spaces', '+33 6 12 34 56 78'),
  badPhone('a number, not a string', 33612345678),
  badPhone('a leading zero after +', '+0612345678'),
  invalid('phone number: missing', dispatch({ variables: parcelVariables }), '/to'),
  invalid('variables: missing', dispatch({ to: PHONE }), '/variables'),
  invalid('variables: an array', dispatch({ ...dispatchBody, variables: [] }), '/variables'),
  badVariables('wrong type', { ...parcelVariables, code: 123456 }, '/variables/code'),
  badVariables('too long', { ...parcelVariables, customer: { firstName: 'Z'.repeat(21) } }, '/variables/customer/firstName'),
  badVariables('breaks the pattern', { ...parcelVariables, code: 'qx93kd' }, '/variables/code'),
  badVariables('a required value missing', { customer: { firstName: 'Zebulon' }, day: 'Friday' }, '/variables/code'),
  badVariables('a value outside its enum', { ...parcelVariables, day: 'Sunday' }, '/variables/day'),
  badVariables('a nested required value missing', { ...parcelVariables, customer: {} }, '/variables/customer/firstName'),
  { name: 'dispatch of an unknown template', call: json('POST', '/v1/templates/nobody/dispatch', dispatchBody, KEY), status: 404, code: 'not_found' },
  { name: 'dispatch of an unknown version', call: dispatch({ ...dispatchBody, version: 7 }), status: 404, code: 'not_found' },
  { name: 'GET an unknown template', call: { method: 'GET', path: '/v1/templates/nobody' }, status: 404, code: 'not_found' },
  { name: 'GET an unknown version', call: { method: 'GET', path: '/v1/templates/parcel/versions/2' }, status: 404, code: 'not_found' },
  { name: 'GET the history of an unknown template', call: { method: 'GET', path: '/v1/templates/nobody/versions' }, status: 404, code: 'not_found' },
  invalid('dispatch without Idempotency-Key', dispatch(dispatchBody, {}), 'header/idempotency-key'),
  invalid('an Idempotency-Key of 256 characters', dispatch(dispatchBody, { 'idempotency-key': 'k'.repeat(256) }), 'header/idempotency-key'),
  invalid('an Idempotency-Key with a space', dispatch(dispatchBody, { 'idempotency-key': 'my key' }), 'header/idempotency-key'),
  invalid('an empty Idempotency-Key', dispatch(dispatchBody, { 'idempotency-key': '' }), 'header/idempotency-key'),
  invalid('a page size of 0', { method: 'GET', path: '/v1/templates/parcel/versions?limit=0' }, 'query/limit'),
  invalid('a page size of abc', { method: 'GET', path: '/v1/templates/parcel/versions?limit=abc' }, 'query/limit'),
  invalid('a forged cursor', { method: 'GET', path: '/v1/templates/parcel/versions?cursor=eyJwayI6IngifQ' }, 'query/cursor'),
  invalid('a page size of 101', { method: 'GET', path: '/v1/templates/parcel/versions?limit=101' }, 'query/limit'),
  invalid('a page size of 1e2', { method: 'GET', path: '/v1/templates/parcel/versions?limit=1e2' }, 'query/limit'),
  invalid('a negative page size', { method: 'GET', path: '/v1/templates/parcel/versions?limit=-1' }, 'query/limit'),
  invalid('an empty cursor', { method: 'GET', path: '/v1/templates/parcel/versions?cursor=' }, 'query/cursor'),
  invalid('a cursor to version 0', { method: 'GET', path: `/v1/templates/parcel/versions?cursor=${Buffer.from('before:0').toString('base64url')}` }, 'query/cursor'),
  invalid('a lint config of the wrong type', json('POST', '/v1/lint', { template, config: 'strict' }), '/config'),
  invalid('a lint request without its template', json('POST', '/v1/lint', {}), '/template'),
  { name: 'PATCH a template', call: json('PATCH', '/v1/templates/parcel', template), status: 405, code: 'method_not_allowed' },
  { name: 'DELETE a version', call: { method: 'DELETE', path: '/v1/templates/parcel/versions/1' }, status: 405, code: 'method_not_allowed' },
  { name: 'archive an unknown template', call: { method: 'DELETE', path: '/v1/templates/nobody' }, status: 404, code: 'not_found' },
  { name: 'the dispatches of an unknown template', call: { method: 'GET', path: '/v1/templates/nobody/dispatches' }, status: 404, code: 'not_found' },
  invalid('archive a template id with a dot', { method: 'DELETE', path: '/v1/templates/a.b' }, 'path/templateId'),
  invalid('a template list page of 0', { method: 'GET', path: '/v1/templates?limit=0' }, 'query/limit'),
  invalid('a version cursor for the template list', { method: 'GET', path: `/v1/templates?cursor=${Buffer.from('before:3').toString('base64url')}` }, 'query/cursor'),
  invalid('a template list cursor to a bad id', { method: 'GET', path: `/v1/templates?cursor=${Buffer.from('after:a.b').toString('base64url')}` }, 'query/cursor'),
  invalid('a dispatch list cursor with a slash', { method: 'GET', path: `/v1/templates/parcel/dispatches?cursor=${Buffer.from('after:a/b').toString('base64url')}` }, 'query/cursor'),
  invalid('a batch without templates', json('POST', '/v1/lint/batch', {}), '/templates'),
  invalid('an empty batch', json('POST', '/v1/lint/batch', { templates: [] }), '/templates'),
  invalid('a batch of 101 templates', json('POST', '/v1/lint/batch', { templates: Array(101).fill(template) }), '/templates'),
  invalid('a batch template that is not an object', json('POST', '/v1/lint/batch', { templates: [template, 'Hi.'] }), '/templates/1'),
  invalid('a batch with a bad config', json('POST', '/v1/lint/batch', { templates: [template], config: { segmentLimits: { transactional: 0 } } }), '/config/segmentLimits/transactional'),
  { name: 'GET /v1/lint/batch', call: { method: 'GET', path: '/v1/lint/batch' }, status: 405, code: 'method_not_allowed' },
  { name: 'POST /v1/health', call: json('POST', '/v1/health', {}), status: 405, code: 'method_not_allowed' },
  { name: 'GET /v1/lint', call: { method: 'GET', path: '/v1/lint' }, status: 405, code: 'method_not_allowed' },
  { name: 'PATCH a dispatch', call: json('PATCH', '/v1/templates/parcel/dispatch', dispatchBody, KEY), status: 405, code: 'method_not_allowed' },
  { name: 'OPTIONS on the lint route', call: { method: 'OPTIONS', path: '/v1/lint' }, status: 405, code: 'method_not_allowed' },
  { name: 'PUT a version', call: json('PUT', '/v1/templates/parcel/versions/1', template), status: 405, code: 'method_not_allowed' },
  { name: 'an unknown API version', call: json('POST', '/v2/lint', { template }), status: 404, code: 'route_not_found' },
  { name: 'a path past a version', call: { method: 'GET', path: '/v1/templates/parcel/versions/1/body' }, status: 404, code: 'route_not_found' },
];

let harness: LocalHarness;
let storedBefore: Record<string, unknown>[];
const outcomes = new Map<number, number>();

beforeAll(async () => {
  harness = await startHarness();
  expect((await sendJson(harness.url, 'PUT', '/v1/templates/parcel', parcelTemplate)).status).toBe(201);
  storedBefore = await harness.storedItems();
});
afterAll(async () => {
  await harness?.close();
  // The figures of the README's reliability section.
  console.info(`bad requests: ${badRequests.length}, by status: ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}`);
});

test('the table holds at least 40 distinct bad requests', () => {
  expect(badRequests.length).toBeGreaterThanOrEqual(40);
  expect(new Set(badRequests.map((row) => row.name)).size).toBe(badRequests.length);
});

test.each(badRequests.map((row) => [row.name, row] as const))('%s', async (_name, { call, status, code, field }) => {
  const answer = await send(harness.url, call);
  outcomes.set(answer.status, (outcomes.get(answer.status) ?? 0) + 1);
  expect({ status: answer.status, code: answer.json?.error?.code }).toEqual({ status, code });
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  expect(isErrorBody(answer.json)).toBe(true);
  if (field !== undefined) expect(answer.json.error.details.map((detail: { path: string }) => detail.path)).toContain(field);
  if (status === 405) expect(answer.headers.allow).toMatch(/^[A-Z]+(, [A-Z]+)*$/);

  const lint = await sendJson(harness.url, 'POST', '/v1/lint', { template });
  expect(lint.status).toBe(200);
  expect(lint.json.passed).toEqual(expect.any(Boolean));
});

describe('requests no HTTP client would send: the server answers or drops them and keeps serving', () => {
  const stillServes = async () => expect((await sendJson(harness.url, 'POST', '/v1/lint', { template })).status).toBe(200);

  test('a garbage request line is 400', async () => {
    expect(await sendBytes(harness.url, 'HELLO\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    await stillServes();
  });

  test('20 KB of headers is 431', async () => {
    expect(await sendBytes(harness.url, `GET /v1/templates/parcel HTTP/1.1\r\nHost: x\r\nX-Filler: ${'a'.repeat(20 * 1024)}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 431 /);
    await stillServes();
  });

  test('a PUT whose client hangs up halfway through its body stores nothing', async () => {
    const body = JSON.stringify({ ...template, body: 'Cut short.' });
    const head = `PUT /v1/templates/cut HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    await sendBytes(harness.url, head + body.slice(0, 20), { hangUp: true });
    await stillServes();
    expect((await send(harness.url, { method: 'GET', path: '/v1/templates/cut' })).status).toBe(404);
  });

  test('a body announced longer than sent, then the connection closed, stores nothing', async () => {
    const body = JSON.stringify({ ...template, body: 'Announced long.' });
    await sendBytes(harness.url, `PUT /v1/templates/short-body HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length + 100}\r\nConnection: close\r\n\r\n${body}`, { hangUp: true });
    await stillServes();
    expect((await send(harness.url, { method: 'GET', path: '/v1/templates/short-body' })).status).toBe(404);
  });
});

test('after the whole table nothing was stored and nothing was sent', async () => {
  expect(await harness.storedItems()).toEqual(storedBefore);
  const outbox = await send(harness.url, { method: 'GET', path: '/v1/outbox' });
  expect(outbox.json).toEqual({ items: [] });
  expect(outcomes.get(500)).toBeUndefined();
});
