import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { SnsSmsPublisher } from '../../lib/service/publisher';
import { createServiceHandler } from '../../lib/service/service';
import type { ServiceRequest, ServiceResponse } from '../../lib/service/http';
import { call, memoryLogger, startTable, suppressAllBut, requestMac, approve } from './support';

const PHONE = '+33612345678';
const MASKED = '+33*******78';
const sns = mockClient(SNSClient);
const logger = memoryLogger();

/** Passes whatever the rules say (every finding accepted in review), except length and encoding. */
const parcelTemplate = {
  locale: 'en',
  category: 'transactional',
  sender: 'La Poste 24/7',
  body: 'Hello {{ customer.firstName }}, parcel {{ code }} arrives tomorrow.',
  variables: {
    type: 'object',
    required: ['customer', 'code'],
    properties: {
      customer: { type: 'object', required: ['firstName'], properties: { firstName: { type: 'string', maxLength: 20 } } },
      code: { type: 'string', pattern: '^[A-Z0-9]{6}$' },
    },
  },
  suppress: suppressAllBut('sms-segments', 'sms-encoding'),
};
const variables = { customer: { firstName: 'Ann' }, code: 'AB12CD' };

let table: Awaited<ReturnType<typeof startTable>>;
let handle: (request: ServiceRequest) => Promise<ServiceResponse>;
let ids = 0;

/** `key: null` sends no Idempotency-Key. */
const dispatch = (templateId: string, body: unknown, key: string | null = `key-${++ids}`) =>
  call(handle, 'POST', `/v1/templates/${templateId}/dispatch`, { body, headers: key === null ? {} : { 'idempotency-key': key } });

beforeAll(async () => {
  table = await startTable();
  handle = createServiceHandler({
    store: table.store,
    publisher: new SnsSmsPublisher(new SNSClient({ region: 'eu-west-1' })),
    logger,
    now: () => new Date('2026-03-04T05:06:07Z'),
    requestMac, newId: () => `dispatch-${++ids}`,
  });
  expect((await call(handle, 'PUT', '/v1/templates/parcel', { body: parcelTemplate })).json.verdict.result.passed).toBe(true);
});
beforeEach(() => {
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'sns-message-1' });
});
afterAll(() => table.close());

test('a passed version is rendered and published with the exact SNS input: 202', async () => {
  const { status, json } = await dispatch('parcel', { variables, to: PHONE });
  expect(status).toBe(202);
  expect(json).toEqual({ dispatchId: expect.stringMatching(/^dispatch-/), messageId: 'sns-message-1' });
  expect(sns.commandCalls(PublishCommand).map((publish) => publish.args[0].input)).toEqual([
    {
      PhoneNumber: PHONE,
      Message: 'Hello Ann, parcel AB12CD arrives tomorrow.',
      MessageAttributes: {
        'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'LaPoste247' },
        'smslint.templateId': { DataType: 'String', StringValue: 'parcel' },
        'smslint.version': { DataType: 'Number', StringValue: '1' },
        'smslint.dispatchId': { DataType: 'String', StringValue: json.dispatchId },
      },
    },
  ]);
});

test('the dispatch record is stored with the number masked, and no item or log holds the number', async () => {
  const { json } = await dispatch('parcel', { variables, to: PHONE }, 'masked-check');
  const items = await table.items();
  const record = items.find((item) => item.sk === `DISPATCH#${json.dispatchId}`);
  expect(record).toMatchObject({ pk: 'TEMPLATE#parcel', status: 'sent', to: MASKED, messageId: 'sns-message-1', version: 1, idempotencyKey: 'masked-check' });
  expect(items.find((item) => item.pk === 'IDEMPOTENCY#parcel#masked-check')).toMatchObject({ status: 'sent', dispatchId: json.dispatchId, messageId: 'sns-message-1' });
  expect(JSON.stringify(items)).not.toContain('612345678');
  expect(logger.lines.join('\n')).not.toContain('612345678');
  expect(logger.lines.some((line) => line.includes(MASKED))).toBe(true);
});

test('the same Idempotency-Key twice publishes once and answers the stored result', async () => {
  const first = await dispatch('parcel', { variables, to: PHONE }, 'twice');
  const second = await dispatch('parcel', { variables, to: PHONE }, 'twice');
  expect(second).toMatchObject({ status: 202, json: first.json });
  expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
});

test('concurrent retries with one key publish once: the others wait (409) or get the stored result', async () => {
  // SNS answers only once the three other requests have been answered.
  let release!: () => void;
  const published = new Promise<{ MessageId: string }>((resolve) => (release = () => resolve({ MessageId: 'slow' })));
  sns.on(PublishCommand).callsFake(() => published);
  let answered = 0;
  const racing = Array.from({ length: 4 }, () => dispatch('parcel', { variables, to: PHONE }, 'racing').finally(() => answered++));
  while (answered < 3) await new Promise((resolve) => setImmediate(resolve));
  release();
  const responses = await Promise.all(racing);
  expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
  expect(responses.filter((response) => response.status === 202)).toEqual([{ status: 202, headers: expect.any(Object), json: { dispatchId: expect.any(String), messageId: 'slow' } }]);
  expect(responses.filter((response) => response.status !== 202)).toEqual(
    Array(3).fill(expect.objectContaining({ status: 409, json: expect.objectContaining({ error: expect.objectContaining({ code: 'dispatch_in_progress' }) }) })),
  );
});

test('after a recorded SNS failure the same key may publish again', async () => {
  sns.reset();
  sns.on(PublishCommand).rejectsOnce(Object.assign(new Error('throttled'), { name: 'ThrottledException' })).resolves({ MessageId: 'second-try' });
  const failed = await dispatch('parcel', { variables, to: PHONE }, 'flaky');
  expect(failed).toMatchObject({ status: 502, json: { error: { code: 'publish_failed' } } });
  const failedRecord = (await table.items()).find((item) => item.pk === 'IDEMPOTENCY#parcel#flaky');
  expect(failedRecord).toMatchObject({ status: 'failed' });

  const retried = await dispatch('parcel', { variables, to: PHONE }, 'flaky');
  expect(retried).toMatchObject({ status: 202, json: { messageId: 'second-try' } });
  expect(sns.commandCalls(PublishCommand)).toHaveLength(2);
});

test('one key with another request is 422', async () => {
  await dispatch('parcel', { variables, to: PHONE }, 'reused');
  const { status, json } = await dispatch('parcel', { variables, to: '+33698765432' }, 'reused');
  expect(status).toBe(422);
  expect(json.error).toMatchObject({ code: 'idempotency_key_reused', details: [{ path: 'header/idempotency-key' }] });
  expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
});

test('a failed verdict is 409 with its blocking findings, and nothing is published or stored', async () => {
  const put = await call(handle, 'PUT', '/v1/templates/alarm', { body: { locale: 'en', category: 'transactional', body: 'URGENT!! Call 3970 NOW.' } });
  expect(put.json.verdict.result.passed).toBe(false);
  const before = await table.items();
  const { status, json } = await dispatch('alarm', { variables: {}, to: PHONE });
  expect(status).toBe(409);
  expect(json.error.code).toBe('verdict_failed');
  const blocking = put.json.verdict.result.findings.filter((finding: { severity: string }) => finding.severity === 'error');
  expect(blocking.length).toBeGreaterThan(0);
  expect(json.error.findings).toEqual(blocking);
  expect(json.error.details).toEqual(blocking.map((finding: { ruleId: string; message: string }) => ({ path: '/template/body', message: `${finding.ruleId}: ${finding.message}` })));
  expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
  expect(await table.items()).toEqual(before);
});

describe('refusals before publishing', () => {
  test.each<[string, unknown, number, string]>([
    ['a value longer than its maxLength', { variables: { ...variables, customer: { firstName: 'A'.repeat(21) } }, to: PHONE }, 422, '/variables/customer/firstName'],
    ['a value that breaks its pattern', { variables: { ...variables, code: 'ab' }, to: PHONE }, 422, '/variables/code'],
    ['a value longer than any SMS, refused before the schema runs', { variables: { ...variables, code: 'A'.repeat(1601) }, to: PHONE }, 422, '/variables/code'],
    ['a missing value', { variables: { customer: {}, code: 'AB12CD' }, to: PHONE }, 422, '/variables/customer/firstName'],
    ['a number that is not E.164', { variables, to: '0612345678' }, 400, '/to'],
    ['an unknown field', { variables, to: PHONE, priority: 'high' }, 400, '/priority'],
    ['a __proto__ variable', JSON.parse(`{"variables":{"__proto__":{}},"to":"${PHONE}"}`), 400, '/variables'],
    ['a version that is not an integer', { variables, to: PHONE, version: 1.5 }, 400, '/version'],
  ])('%s', async (_name, body, status, field) => {
    const before = await table.items();
    const response = await dispatch('parcel', body);
    expect(response.status).toBe(status);
    expect(response.json.error.details.map((detail: { path: string }) => detail.path)).toContain(field);
    expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
    expect(await table.items()).toEqual(before);
  });

  test('no Idempotency-Key is 400 naming the header', async () => {
    const { status, json } = await dispatch('parcel', { variables, to: PHONE }, null);
    expect(status).toBe(400);
    expect(json.error.details).toEqual([{ path: 'header/idempotency-key', message: 'is required' }]);
  });

  test('an unknown template or version is 404', async () => {
    expect((await dispatch('nobody', { variables, to: PHONE })).status).toBe(404);
    expect((await dispatch('parcel', { variables, to: PHONE, version: 7 })).status).toBe(404);
  });

  test('a text that exceeds its segment limit once filled is 422', async () => {
    const open = { ...parcelTemplate, variables: { type: 'object', properties: { customer: { type: 'object' }, code: { type: 'string' } } } };
    expect((await call(handle, 'PUT', '/v1/templates/open', { body: open })).json.verdict.result.passed).toBe(true);
    await approve(handle, 'open');
    const { status, json } = await dispatch('open', { variables: { ...variables, code: 'X'.repeat(400) }, to: PHONE });
    expect(status).toBe(422);
    expect(json.error.code).toBe('rendered_text_refused');
    expect(json.error.findings.map((finding: { ruleId: string }) => finding.ruleId)).toContain('sms-segments');
    expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
  });
});
