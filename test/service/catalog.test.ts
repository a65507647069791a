import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoTemplateStore } from '../../lib/service/dynamo-store';
import type { ServiceRequest, ServiceResponse } from '../../lib/service/http';
import type { OutgoingSms } from '../../lib/service/publisher';
import { createServiceHandler } from '../../lib/service/service';
import { APPROVER, SUBMITTER, call, memoryLogger, requestMac, startTable, suppressAllBut, TABLE } from './support';

/** Listing and archiving templates, their dispatches, batch linting and health, against dynalite. */

const NOW = '2026-07-08T09:10:11.000Z';
const PHONE = '+33612345678';
const sendable = (body: string) => ({ locale: 'en', category: 'transactional', body, suppress: suppressAllBut('sms-segments', 'sms-encoding') });
const failing = { locale: 'en', category: 'transactional', body: 'URGENT!! Call 3970 NOW.' };
/** Passes only because its errors are suppressed: someone other than the submitter must approve it. */
const needsApproval = { ...failing, suppress: suppressAllBut('sms-segments', 'sms-encoding') };

let table: Awaited<ReturnType<typeof startTable>>;
let handle: (request: ServiceRequest) => Promise<ServiceResponse>;
const logger = memoryLogger();
const published: OutgoingSms[] = [];
let ids = 0;

beforeAll(async () => {
  table = await startTable();
  handle = createServiceHandler({
    store: table.store,
    publisher: { publish: async (sms) => ({ messageId: `message-${published.push(sms)}` }) },
    logger,
    now: () => new Date(NOW),
    newId: () => `dispatch-${String(++ids).padStart(3, '0')}`,
    requestMac,
  });
});
afterAll(() => table.close());

const send = (templateId: string, key: string) => call(handle, 'POST', `/v1/templates/${templateId}/dispatch`, { body: { variables: {}, to: PHONE }, headers: { 'idempotency-key': key } });

describe('GET /v1/templates', () => {
  beforeAll(async () => {
    for (const id of ['list-a', 'list-b']) expect((await call(handle, 'PUT', `/v1/templates/${id}`, { body: sendable(`Your ${id} parcel arrives on Monday.`) })).status).toBe(201);
    expect((await call(handle, 'PUT', '/v1/templates/list-c', { body: needsApproval })).json.status).toBe('needs_approval');
    await call(handle, 'PUT', '/v1/templates/list-b', { body: failing, principal: APPROVER });
  });

  test('pages through every template by id, each with its latest version, status, who and when', async () => {
    const first = await call(handle, 'GET', '/v1/templates', { query: { limit: '2' } });
    expect(first.status).toBe(200);
    expect(first.json.items).toEqual([
      { templateId: 'list-a', latestVersion: 1, status: 'passed', submittedBy: SUBMITTER, submittedAt: NOW, archive: null },
      { templateId: 'list-b', latestVersion: 2, status: 'failed', submittedBy: APPROVER, submittedAt: NOW, archive: null },
    ]);
    const seen = [...first.json.items];
    let cursor: string | null = first.json.nextCursor;
    while (cursor !== null) {
      const next = await call(handle, 'GET', '/v1/templates', { query: { limit: '2', cursor } });
      expect(next.status).toBe(200);
      seen.push(...next.json.items);
      cursor = next.json.nextCursor;
    }
    const ids = seen.map((item: { templateId: string }) => item.templateId);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['list-a', 'list-b', 'list-c']));
  });

  test('an approval shows in the status', async () => {
    expect((await call(handle, 'POST', '/v1/templates/list-c/versions/1/approval', { body: { reason: 'reviewed' }, principal: APPROVER })).status).toBe(201);
    const { json } = await call(handle, 'GET', '/v1/templates', { query: { limit: '100' } });
    expect(json.items.find((item: { templateId: string }) => item.templateId === 'list-c')).toMatchObject({ status: 'approved' });
  });
});

describe('DELETE /v1/templates/{templateId}', () => {
  beforeAll(async () => {
    await call(handle, 'PUT', '/v1/templates/old-offer', { body: sendable('Your old offer ends on Monday.') });
    expect((await send('old-offer', 'before-archive')).status).toBe(202);
  });

  test('archives: 200 with the template, GET and the list show it, history and dispatches stay', async () => {
    const before = await table.items();
    const archived = await call(handle, 'DELETE', '/v1/templates/old-offer', { principal: APPROVER });
    expect(archived.status).toBe(200);
    expect(archived.json).toMatchObject({ templateId: 'old-offer', version: 1, status: 'passed', archive: { templateId: 'old-offer', archivedBy: APPROVER, archivedAt: NOW } });
    expect((await call(handle, 'GET', '/v1/templates/old-offer')).json.archive).toEqual({ templateId: 'old-offer', archivedBy: APPROVER, archivedAt: NOW });
    const listed = await call(handle, 'GET', '/v1/templates', { query: { limit: '100' } });
    expect(listed.json.items.find((item: { templateId: string }) => item.templateId === 'old-offer').archive).toMatchObject({ archivedBy: APPROVER });
    // One item added, none changed or removed.
    const after = await table.items();
    expect(after.filter((item) => !before.some((kept) => JSON.stringify(kept) === JSON.stringify(item)))).toEqual([
      { pk: 'TEMPLATE#old-offer', sk: 'ARCHIVED', templateId: 'old-offer', archivedBy: APPROVER, archivedAt: NOW },
    ]);
    expect(after).toEqual(expect.arrayContaining(before));
    expect((await call(handle, 'GET', '/v1/templates/old-offer/versions/1')).status).toBe(200);
    expect((await call(handle, 'GET', '/v1/templates/old-offer/dispatches')).json.items).toHaveLength(1);
  });

  test.each([
    ['a new version', () => call(handle, 'PUT', '/v1/templates/old-offer', { body: sendable('A new offer.') })],
    ['a dispatch', () => send('old-offer', 'after-archive')],
    ['archiving again', () => call(handle, 'DELETE', '/v1/templates/old-offer')],
  ])('%s after archiving is 409 template_archived, and nothing is stored or sent', async (_name, attempt) => {
    const before = await table.items();
    const sent = published.length;
    const { status, json } = await attempt();
    expect(status).toBe(409);
    expect(json.error).toEqual({ code: 'template_archived', message: 'template old-offer is archived: it takes no new version and no dispatch', details: [] });
    expect(await table.items()).toEqual(before);
    expect(published).toHaveLength(sent);
  });

  test('a template that does not exist is 404', async () => {
    const { status, json } = await call(handle, 'DELETE', '/v1/templates/nobody');
    expect(status).toBe(404);
    expect(json.error.code).toBe('not_found');
  });
});

describe('GET /v1/templates/{templateId}/dispatches', () => {
  beforeAll(async () => {
    await call(handle, 'PUT', '/v1/templates/reminder', { body: sendable('Your appointment is on Monday.') });
    for (const key of ['r-1', 'r-2', 'r-3']) expect((await send('reminder', key)).status).toBe(202);
  });

  test('pages through the dispatches with version, masked number, status, message id, who and when; never the number or the key', async () => {
    const first = await call(handle, 'GET', '/v1/templates/reminder/dispatches', { query: { limit: '2' } });
    expect(first.status).toBe(200);
    expect(first.json.items).toHaveLength(2);
    expect(first.json.items[0]).toEqual({
      dispatchId: expect.stringMatching(/^dispatch-/),
      version: 1,
      to: '+33*******78',
      status: 'sent',
      messageId: expect.stringMatching(/^message-/),
      error: null,
      dispatchedBy: SUBMITTER,
      createdAt: NOW,
      updatedAt: NOW,
    });
    const second = await call(handle, 'GET', '/v1/templates/reminder/dispatches', { query: { limit: '2', cursor: first.json.nextCursor } });
    expect(second.json.items).toHaveLength(1);
    expect(second.json.nextCursor).toBeNull();
    const all = [...first.json.items, ...second.json.items];
    expect(new Set(all.map((item: { dispatchId: string }) => item.dispatchId)).size).toBe(3);
    expect(new Set(all.map((item: { messageId: string }) => item.messageId)).size).toBe(3);
    const text = JSON.stringify(all) + logger.lines.join('\n');
    expect(text).not.toContain('612345678');
    expect(JSON.stringify(all)).not.toContain('r-1');
  });

  test('each message published says which template, version and dispatch it came from', () => {
    const reminders = published.filter((sms) => sms.origin.templateId === 'reminder');
    expect(reminders.map((sms) => sms.origin)).toEqual([1, 2, 3].map(() => ({ templateId: 'reminder', version: 1, dispatchId: expect.stringMatching(/^dispatch-/) })));
  });

  test('a template without dispatches has an empty page; one that does not exist is 404', async () => {
    expect((await call(handle, 'GET', '/v1/templates/list-a/dispatches')).json).toEqual({ items: [], nextCursor: null });
    expect((await call(handle, 'GET', '/v1/templates/nobody/dispatches')).status).toBe(404);
  });
});

describe('POST /v1/lint/batch', () => {
  test('answers one result per template in order, and an error for each bad one without failing the others', async () => {
    const before = await table.items();
    const templates = [sendable('Your parcel arrives on Monday.'), { locale: 'en', category: 'transactional' }, failing, { ...failing, locale: 'xx-yy' }];
    const { status, json } = await call(handle, 'POST', '/v1/lint/batch', { body: { templates } });
    expect(status).toBe(200);
    expect(json.results.map((item: { index: number }) => item.index)).toEqual([0, 1, 2, 3]);
    expect(json.results[0].result).toMatchObject({ passed: true, encoding: 'GSM-7', segments: 1, omittedFindings: 0 });
    expect(json.results[1]).toEqual({ index: 1, error: { code: 'invalid_template', message: 'template 1 is not valid', details: [{ path: '/templates/1/body', message: expect.any(String) }] } });
    expect(json.results[2].result).toMatchObject({ passed: false });
    expect(json.results[3].error.details.map((detail: { path: string }) => detail.path)).toEqual(['/templates/3/locale']);
    expect(await table.items()).toEqual(before);
  });

  test('100 templates full of findings answer under 1 MB, counting the findings left out', async () => {
    // 100 bodies of 500 characters stay under the 64 KB a request may hold; their findings pass 1 MB.
    const noisy = { locale: 'en', category: 'promotional', body: 'NOW!! bit.ly/a '.repeat(33) };
    const { status, headers, json } = await call(handle, 'POST', '/v1/lint/batch', { body: { templates: Array(100).fill(noisy) } });
    expect(status).toBe(200);
    expect(headers['content-type']).toMatch(/^application\/json/);
    expect(json.results).toHaveLength(100);
    expect(Buffer.byteLength(JSON.stringify(json))).toBeLessThanOrEqual(1024 * 1024);
    expect(json.results.every((item: { result: { omittedFindings: number } }) => item.result.omittedFindings > 0)).toBe(true);
  });
});

describe('GET /v1/health', () => {
  test('200 while the store answers', async () => {
    const { status, json } = await call(handle, 'GET', '/v1/health');
    expect({ status, json }).toEqual({ status: 200, json: { status: 'ok', store: 'reachable' } });
  });

  test('503 with Retry-After when the store is unreachable, logging the error name only', async () => {
    const closed = new DynamoDBClient({ endpoint: 'http://127.0.0.1:1', region: 'local', maxAttempts: 1, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const offlineLogger = memoryLogger();
    const offline = createServiceHandler({ store: new DynamoTemplateStore(TABLE, closed), publisher: { publish: () => Promise.reject(new Error('unused')) }, logger: offlineLogger, now: () => new Date(), requestMac, newId: () => 'x' });
    const { status, headers, json } = await call(offline, 'GET', '/v1/health');
    expect({ status, json }).toEqual({ status: 503, json: { status: 'unavailable', store: 'unreachable' } });
    expect(headers['retry-after']).toBe('1');
    expect(offlineLogger.lines.some((line) => line.includes('health: store unreachable'))).toBe(true);
    closed.destroy();
  });
});
