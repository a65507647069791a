import { createHash } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import packageJson from '../../package.json';
import { DynamoTemplateStore } from '../../lib/service/dynamo-store';
import { createServiceHandler } from '../../lib/service/service';
import type { ServiceRequest, ServiceResponse } from '../../lib/service/http';
import { call, memoryLogger, startTable, TABLE, requestMac, SUBMITTER, APPROVER, type CallOptions } from './support';

const template = (body: string) => ({ locale: 'en', category: 'transactional', body });
const unusedPublisher = { publish: () => Promise.reject(new Error('no dispatch in these tests')) };

let table: Awaited<ReturnType<typeof startTable>>;
let handle: (request: ServiceRequest) => Promise<ServiceResponse>;

beforeAll(async () => {
  table = await startTable();
  handle = createServiceHandler({ store: table.store, publisher: unusedPublisher, logger: memoryLogger(), now: () => new Date('2026-01-02T03:04:05Z'), requestMac, newId: () => 'unused' });
});
afterAll(() => table.close());

describe('versions of a template', () => {
  const bodies = ['Your parcel arrives on Monday.', 'Your parcel arrives on Tuesday.', 'Your parcel arrives on Wednesday.'];

  beforeAll(async () => {
    for (const body of bodies) await call(handle, 'PUT', '/v1/templates/parcel', { body: template(body) });
  });

  test('PUT stores numbered versions from 1 and GET reads each one back', async () => {
    const fourth = await call(handle, 'PUT', '/v1/templates/parcel-b', { body: template('Your parcel is on its way.') });
    expect(fourth.status).toBe(201);
    expect(fourth.headers.location).toBe('/v1/templates/parcel-b/versions/1');
    expect(fourth.json).toMatchObject({ templateId: 'parcel-b', version: 1 });

    for (const [index, body] of bodies.entries()) {
      const read = await call(handle, 'GET', `/v1/templates/parcel/versions/${index + 1}`);
      expect(read.status).toBe(200);
      expect(read.json).toMatchObject({ templateId: 'parcel', version: index + 1, template: template(body) });
    }
  });

  test('the verdict records the engine and rule-set versions, the content hash and the time', async () => {
    const { json } = await call(handle, 'GET', '/v1/templates/parcel/versions/1');
    const canonical = '{"body":"Your parcel arrives on Monday.","category":"transactional","locale":"en"}';
    expect(json).toMatchObject({ submittedBy: SUBMITTER, status: 'passed', verdictSequence: 0, approval: null, retirement: null });
    expect(json.verdict).toEqual({
      status: 'passed',
      suppressedErrors: [],
      lintedBy: SUBMITTER,
      result: expect.objectContaining({ passed: expect.any(Boolean), findings: expect.any(Array), encoding: 'GSM-7', segments: 1 }),
      engineVersion: packageJson.version,
      ruleSetVersion: expect.stringMatching(/^[0-9a-f]{16}$/),
      // No config given: the engine's defaults, `{}`.
      configHash: createHash('sha256').update('{}').digest('hex'),
      contentHash: createHash('sha256').update(canonical).digest('hex'),
      lintedAt: '2026-01-02T03:04:05.000Z',
    });
  });

  test('GET the template answers its latest version', async () => {
    const { status, json } = await call(handle, 'GET', '/v1/templates/parcel');
    expect(status).toBe(200);
    expect(json).toMatchObject({ version: 3, template: template(bodies[2]) });
  });

  test('the history is paginated newest first with an opaque cursor', async () => {
    const first = await call(handle, 'GET', '/v1/templates/parcel/versions', { query: { limit: '2' } });
    expect(first.status).toBe(200);
    expect(first.json.items.map((item: { version: number }) => item.version)).toEqual([3, 2]);
    expect(typeof first.json.nextCursor).toBe('string');

    const second = await call(handle, 'GET', '/v1/templates/parcel/versions', { query: { limit: '2', cursor: first.json.nextCursor } });
    expect(second.json.items.map((item: { version: number }) => item.version)).toEqual([1]);
    expect(second.json.nextCursor).toBeNull();

    const all = await call(handle, 'GET', '/v1/templates/parcel/versions');
    expect(all.json.items.map((item: { version: number }) => item.version)).toEqual([3, 2, 1]);
    expect(all.json.nextCursor).toBeNull();
  });
});

test('concurrent submissions get distinct versions and overwrite nothing', async () => {
  const responses = await Promise.all(
    Array.from({ length: 6 }, (_, index) => call(handle, 'PUT', '/v1/templates/busy', { body: template(`Delivery slot ${index} is booked.`) })),
  );
  expect(responses.map((response) => response.status)).toEqual(Array(6).fill(201));
  expect(responses.map((response) => response.json.version).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  const stored = (await table.items()).filter((item) => item.pk === 'TEMPLATE#busy');
  expect(stored.map((item) => JSON.parse(item.templateJson as string).body).sort()).toEqual(
    Array.from({ length: 6 }, (_, index) => `Delivery slot ${index} is booked.`).sort(),
  );
});

describe('404 and 405', () => {
  test.each([
    ['GET', '/v1/templates/nobody'],
    ['GET', '/v1/templates/nobody/versions'],
    ['GET', '/v1/templates/nobody/versions/1'],
    ['GET', '/v2/templates'],
  ])('%s %s is 404', async (method, path) => {
    const { status, json } = await call(handle, method, path);
    expect(status).toBe(404);
    expect(json.error.code).toMatch(/not_found$/);
  });

  test('a version past the latest is 404', async () => {
    await call(handle, 'PUT', '/v1/templates/short', { body: template('One version only.') });
    expect((await call(handle, 'GET', '/v1/templates/short/versions/2')).status).toBe(404);
  });

  test('a known path with another method is 405 with Allow', async () => {
    const { status, headers, json } = await call(handle, 'PATCH', '/v1/templates/parcel');
    expect(status).toBe(405);
    expect(headers.allow).toBe('PUT, GET, DELETE');
    expect(json.error.code).toBe('method_not_allowed');
  });
});

describe('refused requests: 400 naming the field, nothing stored', () => {
  const long = 'a'.repeat(300);
  const dispatchHeaders = { 'idempotency-key': 'bad-request' };
  const decision = (path: string, body: unknown, principal?: string) => ['POST', `/v1/templates/parcel/versions/1/${path}`, { body, ...(principal && { principal }) }] as const;
  test.each<[string, string, string, CallOptions, string]>([
    ['a dot in the id', 'PUT', '/v1/templates/a.b', { body: template('Hello.') }, 'path/templateId'],
    ['a 300-character id', 'PUT', `/v1/templates/${long}`, { body: template('Hello.') }, 'path/templateId'],
    ['an encoded slash in the id', 'PUT', '/v1/templates/a%2Fb', { body: template('Hello.') }, 'path/templateId'],
    ['a broken percent-encoding', 'PUT', '/v1/templates/a%E0', { body: template('Hello.') }, 'path/templateId'],
    ['malformed JSON', 'PUT', '/v1/templates/bad', { raw: '{"locale": "en",' }, ''],
    ['a text/plain body', 'PUT', '/v1/templates/bad', { raw: '{}', headers: { 'content-type': 'text/plain' } }, 'header/content-type'],
    ['no content type', 'PUT', '/v1/templates/bad', { raw: '{}', headers: { 'content-type': '' } }, 'header/content-type'],
    ['a bad locale', 'PUT', '/v1/templates/bad', { body: { ...template('Hello.'), locale: 'english' } }, '/locale'],
    ['a missing body', 'PUT', '/v1/templates/bad', { body: { locale: 'en', category: 'transactional' } }, '/body'],
    ['a __proto__ key', 'PUT', '/v1/templates/bad', { raw: '{"locale":"en","category":"transactional","body":"Hi.","__proto__":{"x":1}}' }, '/__proto__'],
    ['an unusable variables schema', 'PUT', '/v1/templates/bad', { body: { ...template('Hi {{ name }}.'), variables: { type: 'object', properties: { name: { type: 'strung' } } } } }, '/variables'],
    ['a nested lint template field', 'POST', '/v1/lint', { body: { template: { ...template('Hi.'), locale: 'xx-yy' } } }, '/template/locale'],
    ['an unknown lint config rule', 'POST', '/v1/lint', { body: { template: template('Hi.'), config: { rules: { 'no-such-rule': 'off' } } } }, '/config/rules/no-such-rule'],
    ['an unsupported language', 'POST', '/v1/lint', { body: { template: { ...template('Hi.'), locale: 'tlh' } } }, '/template/locale'],
    ['deeply nested JSON', 'POST', '/v1/lint', { raw: '['.repeat(20000) + ']'.repeat(20000) }, ''],
    ['a page size of 0', 'GET', '/v1/templates/parcel/versions', { query: { limit: '0' } }, 'query/limit'],
    ['a forged cursor', 'GET', '/v1/templates/parcel/versions', { query: { cursor: 'eyJwayI6IngifQ' } }, 'query/cursor'],
    ['a version that is not a number', 'GET', '/v1/templates/parcel/versions/one', {}, 'path/version'],
    ['a lone surrogate in a template body', 'PUT', '/v1/templates/bad', { body: template('Hi \ud83d.') }, '/body'],
    ['a control character in a sender', 'PUT', '/v1/templates/bad', { body: { ...template('Hi.'), sender: 'Bank\u001b' } }, '/sender'],
    ['a local principal with a space', 'PUT', '/v1/templates/bad', { body: template('Hi.'), principal: 'alice smith' }, 'header/x-smslint-principal'],
    ['a lone surrogate in a dispatch value', 'POST', '/v1/templates/parcel/dispatch', { body: { variables: { name: '\udfff' }, to: '+33612345678' }, headers: dispatchHeaders }, '/variables/name'],
    ['a C1 control in a dispatch number', 'POST', '/v1/templates/parcel/dispatch', { body: { variables: {}, to: '+3361234567\u0085' }, headers: dispatchHeaders }, '/to'],
    ['an approval without a reason', ...decision('approval', {}, APPROVER), '/reason'],
    ['an approval with a blank reason', ...decision('approval', { reason: '   ' }, APPROVER), '/reason'],
    ['an approval with an unknown field', ...decision('approval', { reason: 'ok', verdict: 0 }, APPROVER), '/verdict'],
    ['an approval with a control in its reason', ...decision('approval', { reason: 'ok\u0000' }, APPROVER), '/reason'],
    ['an approval of version 0', 'POST', '/v1/templates/parcel/versions/0/approval', { body: { reason: 'ok' } }, 'path/version'],
    ['an approval of a bad template id', 'POST', '/v1/templates/a.b/versions/1/approval', { body: { reason: 'ok' } }, 'path/templateId'],
    ['a retirement without a reason', ...decision('retire', {}), '/reason'],
    ['a retirement reason of 501 characters', ...decision('retire', { reason: 'r'.repeat(501) }), '/reason'],
    ['a retirement as malformed JSON', 'POST', '/v1/templates/parcel/versions/1/retire', { raw: '{"reason":' }, ''],
    ['a relint of a version that is not a number', 'POST', '/v1/templates/parcel/versions/x/relint', {}, 'path/version'],
    ['an archive of a bad template id', 'DELETE', '/v1/templates/a.b', {}, 'path/templateId'],
    ['an archive by a principal with a space', 'DELETE', '/v1/templates/parcel', { principal: 'alice smith' }, 'header/x-smslint-principal'],
    ['a template list page of 101', 'GET', '/v1/templates', { query: { limit: '101' } }, 'query/limit'],
    ['a version cursor for the template list', 'GET', '/v1/templates', { query: { cursor: Buffer.from('before:2').toString('base64url') } }, 'query/cursor'],
    ['a template list cursor to a bad id', 'GET', '/v1/templates', { query: { cursor: Buffer.from('after:a.b').toString('base64url') } }, 'query/cursor'],
    ['a dispatch list of a bad template id', 'GET', '/v1/templates/a.b/dispatches', {}, 'path/templateId'],
    ['a dispatch list page of 0', 'GET', '/v1/templates/parcel/dispatches', { query: { limit: '0' } }, 'query/limit'],
    ['a dispatch list cursor with a slash', 'GET', '/v1/templates/parcel/dispatches', { query: { cursor: Buffer.from('after:a/b').toString('base64url') } }, 'query/cursor'],
    ['a batch without templates', 'POST', '/v1/lint/batch', { body: {} }, '/templates'],
    ['an empty batch', 'POST', '/v1/lint/batch', { body: { templates: [] } }, '/templates'],
    ['a batch of 101 templates', 'POST', '/v1/lint/batch', { body: { templates: Array(101).fill(template('Hi.')) } }, '/templates'],
    ['a batch template that is not an object', 'POST', '/v1/lint/batch', { body: { templates: [template('Hi.'), 'Hi.'] } }, '/templates/1'],
    ['a batch with an unknown field', 'POST', '/v1/lint/batch', { body: { templates: [template('Hi.')], strict: true } }, '/strict'],
    ['a batch with a bad config', 'POST', '/v1/lint/batch', { body: { templates: [template('Hi.')], config: { segmentLimits: { transactional: 0 } } } }, '/config/segmentLimits/transactional'],
    ['a batch as text/plain', 'POST', '/v1/lint/batch', { raw: '{"templates":[]}', headers: { 'content-type': 'text/plain' } }, 'header/content-type'],
  ])('%s', async (_name, method, path, options, field) => {
    const before = await table.items();
    const { status, json } = await call(handle, method, path, options);
    expect(status).toBe(400);
    // The field itself or a field inside it (the engine names `/variables/properties/name/type`).
    const paths: string[] = json.error.details.map((detail: { path: string }) => detail.path);
    expect(paths.filter((path) => path === field || (field !== '' && path.startsWith(`${field}/`)))).not.toEqual([]);
    expect(await table.items()).toEqual(before);
  });

  test('a body over 64 KB is 413', async () => {
    const before = await table.items();
    const { status, json } = await call(handle, 'PUT', '/v1/templates/huge', { body: template('x'.repeat(70 * 1024)) });
    expect(status).toBe(413);
    expect(json.error.code).toBe('body_too_large');
    expect(await table.items()).toEqual(before);
  });
});

test('POST /v1/lint answers the engine result and stores nothing', async () => {
  const before = await table.items();
  const { status, json } = await call(handle, 'POST', '/v1/lint', { body: { template: template('Your parcel arrives on Monday.') } });
  expect(status).toBe(200);
  expect(json).toEqual(expect.objectContaining({ id: null, passed: expect.any(Boolean), encoding: 'GSM-7', segments: 1 }));
  expect(await table.items()).toEqual(before);
});

test('an unreachable store is 503 with Retry-After, never 500', async () => {
  const closed = new DynamoDBClient({ endpoint: 'http://127.0.0.1:1', region: 'local', maxAttempts: 1, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const logger = memoryLogger();
  const offline = createServiceHandler({ store: new DynamoTemplateStore(TABLE, closed), publisher: unusedPublisher, logger, now: () => new Date(), requestMac, newId: () => 'x' });
  const { status, headers, json } = await call(offline, 'PUT', '/v1/templates/parcel', { body: template('Your parcel arrives on Monday.') });
  expect(status).toBe(503);
  expect(headers['retry-after']).toBe('1');
  expect(json.error.code).toBe('store_unavailable');
  closed.destroy();
});
