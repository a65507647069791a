import type { OutgoingSms } from '../../lib/service/publisher';
import type { ServiceRequest, ServiceResponse } from '../../lib/service/http';
import { createServiceHandler } from '../../lib/service/service';
import { call, memoryLogger, startTable, requestMac } from '../service/support';
import { parcelTemplate, parcelVariables, PHONE } from './helpers/fixtures';

/**
 * An Idempotency-Key reused for another request must be refused (422), never answered
 * with the earlier result: that would report as sent an SMS that nobody sent. The
 * request is compared with the number masked (`+33*******78`), so two recipients who
 * share a country code, a length and the last two digits look like one request.
 */

let table: Awaited<ReturnType<typeof startTable>>;
let handle: (request: ServiceRequest) => Promise<ServiceResponse>;
const published: OutgoingSms[] = [];

beforeAll(async () => {
  table = await startTable();
  let ids = 0;
  handle = createServiceHandler({
    store: table.store,
    publisher: { publish: async (sms) => ({ messageId: `message-${published.push(sms)}` }) },
    logger: memoryLogger(),
    now: () => new Date('2026-09-10T11:12:13Z'),
    requestMac, newId: () => `dispatch-${++ids}`,
  });
  expect((await call(handle, 'PUT', '/v1/templates/parcel', { body: parcelTemplate })).status).toBe(201);
});
afterAll(() => table.close());

const dispatch = (key: string, body: object) => call(handle, 'POST', '/v1/templates/parcel/dispatch', { body, headers: { 'idempotency-key': key } });

test.each([
  ['another number with the same masked form', { variables: parcelVariables, to: '+33698765478' }],
  ['another number', { variables: parcelVariables, to: '+33698765432' }],
  ['other values', { variables: { ...parcelVariables, code: 'ZZ11ZZ' }, to: PHONE }],
  ['a version named', { variables: parcelVariables, to: PHONE, version: 1 }],
])('one key reused with %s is 422 and sends nothing more', async (_name, other) => {
  const key = `reused-${published.length}`;
  const first = await dispatch(key, { variables: parcelVariables, to: PHONE });
  expect(first.status).toBe(202);
  const before = published.length;
  const reused = await dispatch(key, other);
  expect({ status: reused.status, code: reused.json.error?.code }).toEqual({ status: 422, code: 'idempotency_key_reused' });
  expect(published).toHaveLength(before);
});

test('the same request under the same key replays the first answer, with the exact number sent once', async () => {
  const first = await dispatch('replayed', { variables: parcelVariables, to: PHONE });
  const before = published.length;
  const again = await dispatch('replayed', { to: PHONE, variables: { code: parcelVariables.code, day: parcelVariables.day, customer: parcelVariables.customer } });
  expect(again).toMatchObject({ status: 202, json: first.json });
  expect(published).toHaveLength(before);
  expect(published.filter((sms) => sms.to === PHONE).length).toBeGreaterThan(0);
});
