import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoTemplateStore } from '../../lib/service/dynamo-store';
import type { ServiceRequest, ServiceResponse } from '../../lib/service/http';
import { SnsSmsPublisher } from '../../lib/service/publisher';
import { createServiceHandler } from '../../lib/service/service';
import { call, memoryLogger, startTable, TABLE, requestMac } from '../service/support';
import { injectFaults, throttled } from './helpers/faults';
import { isErrorBody, parcelTemplate, parcelVariables, PHONE } from './helpers/fixtures';

/**
 * Faults under the service core, injected in process: DynamoDB refusing (throttled or
 * gone) at each write of a dispatch, and SNS failing. The promises: a documented 503 with
 * Retry-After or 502, never a bare 500; nothing half-written that blocks a retry; and an
 * SMS never sent twice under one Idempotency-Key.
 */

const sns = mockClient(SNSClient);
/** Publishes that SNS accepted, and how many of the next ones it refuses first. */
let sent: string[];
let refusals: number;

type Handle = (request: ServiceRequest) => Promise<ServiceResponse>;
/** The service's clock: moved forward where a test needs time to pass. */
let clock: Date;
let table: Awaited<ReturnType<typeof startTable>>;
let faults: ReturnType<typeof injectFaults>;
let handle: Handle;

function serviceOver(store: DynamoTemplateStore): Handle {
  let ids = 0;
  return createServiceHandler({
    store,
    publisher: new SnsSmsPublisher(new SNSClient({ region: 'eu-west-1' })),
    logger: memoryLogger(),
    now: () => clock,
    requestMac, newId: () => `dispatch-${++ids}`,
  });
}

beforeEach(async () => {
  sent = [];
  refusals = 0;
  clock = new Date('2026-05-06T07:08:09Z');
  sns.reset();
  sns.on(PublishCommand).callsFake(async () => {
    if (refusals > 0) {
      refusals--;
      throw Object.assign(new Error('SNS is unavailable'), { name: 'InternalErrorException' });
    }
    sent.push(`sns-${sent.length + 1}`);
    return { MessageId: sent[sent.length - 1] };
  });
  table = await startTable();
  faults = injectFaults(table.client);
  handle = serviceOver(table.store);
  expect((await call(handle, 'PUT', '/v1/templates/parcel', { body: parcelTemplate })).status).toBe(201);
});
afterEach(() => table.close());

const dispatch = (key: string, handler: Handle = handle) =>
  call(handler, 'POST', '/v1/templates/parcel/dispatch', { body: { variables: parcelVariables, to: PHONE }, headers: { 'idempotency-key': key } });

function expectUnavailable(response: Awaited<ReturnType<typeof call>>) {
  expect({ status: response.status, retryAfter: response.headers['retry-after'], code: response.json.error?.code }).toEqual({
    status: 503,
    retryAfter: '1',
    code: 'store_unavailable',
  });
  expect(isErrorBody(response.json)).toBe(true);
}

const pendingItems = async () => (await table.items()).filter((item) => item.status === 'pending');

describe('DynamoDB refusing', () => {
  test('a throttled write of a version is 503 with Retry-After, stores nothing, and the same PUT later gets the next number', async () => {
    const before = await table.items();
    faults.fail('PutItemCommand');
    expectUnavailable(await call(handle, 'PUT', '/v1/templates/parcel', { body: { ...parcelTemplate, note: 'second' } }));
    expect(await table.items()).toEqual(before);

    faults.heal();
    const retried = await call(handle, 'PUT', '/v1/templates/parcel', { body: { ...parcelTemplate, note: 'second' } });
    expect(retried).toMatchObject({ status: 201, json: { version: 2 } });
  });

  test('throttled reads (ThrottlingException) are 503 on every reading route', async () => {
    faults.fail('QueryCommand', { times: 2, error: throttled });
    faults.fail('GetItemCommand', { error: throttled });
    expectUnavailable(await call(handle, 'GET', '/v1/templates/parcel'));
    expectUnavailable(await call(handle, 'GET', '/v1/templates/parcel/versions'));
    expectUnavailable(await call(handle, 'GET', '/v1/templates/parcel/versions/1'));
  });

  test('DynamoDB stopped: writes, reads and dispatches are 503 with Retry-After, lint still answers, nothing is sent', async () => {
    const endpoint = await table.client.config.endpoint!();
    const client = new DynamoDBClient({
      endpoint: `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`,
      region: 'local',
      maxAttempts: 1,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const direct = serviceOver(new DynamoTemplateStore(TABLE, client));
    await table.close();
    try {
      expectUnavailable(await call(direct, 'PUT', '/v1/templates/parcel', { body: parcelTemplate }));
      expectUnavailable(await call(direct, 'GET', '/v1/templates/parcel'));
      expectUnavailable(await call(direct, 'GET', '/v1/templates/parcel/versions/1'));
      expectUnavailable(await dispatch('while-stopped', direct));
      expect((await call(direct, 'POST', '/v1/lint', { body: { template: { locale: 'en', category: 'transactional', body: 'Hi.' } } })).status).toBe(200);
      expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
    } finally {
      client.destroy();
      table = await startTable(); // afterEach closes it
    }
  });
});

describe('a dispatch with the store failing part way', () => {
  test('the claim of the key refused: 503, nothing stored or sent; the retry sends once', async () => {
    const before = await table.items();
    faults.fail('PutItemCommand');
    expectUnavailable(await dispatch('claim-refused'));
    expect(await table.items()).toEqual(before);
    expect(sent).toEqual([]);

    faults.heal();
    expect(await dispatch('claim-refused')).toMatchObject({ status: 202, json: { messageId: 'sns-1' } });
    expect(sent).toEqual(['sns-1']);
  });

  test('the dispatch record refused after the claim: 503, nothing sent, no claim left pending; the retry sends once', async () => {
    faults.fail('PutItemCommand', { skip: 1 });
    expectUnavailable(await dispatch('record-refused'));
    expect(sent).toEqual([]);
    const leftPending = await pendingItems();

    faults.heal();
    expect(await dispatch('record-refused')).toMatchObject({ status: 202, json: { messageId: 'sns-1' } });
    expect(sent).toEqual(['sns-1']);
    expect(leftPending).toEqual([]);
  });

  test('the dispatch record and the release of the claim both refused: nothing sent, and an hour later the key sends once', async () => {
    // The same state as an invocation killed between its claim and its publish: a pending claim, no dispatch.
    faults.fail('PutItemCommand', { skip: 1 });
    faults.fail('UpdateItemCommand');
    expectUnavailable(await dispatch('store-down'));
    expect(sent).toEqual([]);

    faults.heal();
    clock = new Date(clock.getTime() + 60 * 60 * 1000);
    expect(await dispatch('store-down')).toMatchObject({ status: 202, json: { messageId: 'sns-1' } });
    expect(sent).toEqual(['sns-1']);
  });

  test('the outcome refused after SNS took the SMS: the client is told it was sent (202), and a retry never sends again', async () => {
    faults.fail('UpdateItemCommand');
    const first = await dispatch('outcome-refused');
    expect(sent).toEqual(['sns-1']);
    expect(first).toMatchObject({ status: 202, json: { messageId: 'sns-1' } });

    faults.heal();
    const retried = await dispatch('outcome-refused');
    expect([202, 409]).toContain(retried.status);
    expect(sent).toEqual(['sns-1']);
  });
});

describe('SNS failing', () => {
  test('a refused publish is 502 and recorded as failed; the retry under the same key sends once; a third call replays it', async () => {
    refusals = 1;
    const failed = await dispatch('sns-once');
    expect({ status: failed.status, code: failed.json.error.code }).toEqual({ status: 502, code: 'publish_failed' });
    expect(isErrorBody(failed.json)).toBe(true);
    const items = await table.items();
    expect(items.find((item) => item.sk === 'DISPATCH#dispatch-1')).toMatchObject({ status: 'failed', error: 'InternalErrorException', to: '+33*******78' });
    expect(items.find((item) => item.pk === 'IDEMPOTENCY#parcel#sns-once')).toMatchObject({ status: 'failed', dispatchId: 'dispatch-1' });
    expect(sent).toEqual([]);

    const retried = await dispatch('sns-once');
    expect(retried).toMatchObject({ status: 202, json: { dispatchId: 'dispatch-2', messageId: 'sns-1' } });
    const replayed = await dispatch('sns-once');
    expect(replayed).toMatchObject({ status: 202, json: retried.json });
    expect(sent).toEqual(['sns-1']);
    expect(sns.commandCalls(PublishCommand)).toHaveLength(2);
  });

  test('a refused publish whose failure cannot be recorded: a documented 5xx, and the retry once the store is back sends once', async () => {
    refusals = 1;
    faults.fail('UpdateItemCommand');
    const failed = await dispatch('sns-and-store');
    expect([502, 503]).toContain(failed.status);
    expect(isErrorBody(failed.json)).toBe(true);
    expect(sent).toEqual([]);

    faults.heal();
    expect(await dispatch('sns-and-store')).toMatchObject({ status: 202, json: { messageId: 'sns-1' } });
    expect(sent).toEqual(['sns-1']);
  });
});
