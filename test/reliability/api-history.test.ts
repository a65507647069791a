import type { ServiceRequest, ServiceResponse } from '../../lib/service/http';
import { createServiceHandler } from '../../lib/service/service';
import { call, memoryLogger, startTable, requestMac } from '../service/support';

/**
 * A DynamoDB Query answers at most 1 MB a page. With large templates a page of versions
 * is cut short by DynamoDB before `limit`: the history must then still offer a cursor to
 * the rest, never end as if the older versions did not exist.
 */

const VERSIONS = 30;
/** About 60 KB each (under the 64 KB request limit): 1 MB holds about 17 of them. */
const largeTemplate = (version: number) => ({ locale: 'en', category: 'transactional', body: `Version ${version}. ${'x'.repeat(60000)}` });

let table: Awaited<ReturnType<typeof startTable>>;
let handle: (request: ServiceRequest) => Promise<ServiceResponse>;

beforeAll(async () => {
  table = await startTable();
  handle = createServiceHandler({
    store: table.store,
    publisher: { publish: () => Promise.reject(new Error('no dispatch here')) },
    logger: memoryLogger(),
    now: () => new Date('2026-11-12T13:14:15Z'),
    requestMac, newId: () => 'unused',
  });
  for (let version = 1; version <= VERSIONS; version++) {
    expect((await call(handle, 'PUT', '/v1/templates/large', { body: largeTemplate(version) })).json.version).toBe(version);
  }
});
afterAll(() => table.close());

test.each([['of 100', '100'], ['of 20', '20'], ['by default', undefined]])('following the cursor with a page size %s lists every version, newest first, each once', async (_name, limit) => {
  const seen: number[] = [];
  let cursor: string | null | undefined;
  do {
    const query: Record<string, string> = { ...(limit === undefined ? {} : { limit }), ...(cursor ? { cursor } : {}) };
    const page = await call(handle, 'GET', '/v1/templates/large/versions', { query });
    expect(page.status).toBe(200);
    expect(page.json.items.length).toBeGreaterThan(0);
    seen.push(...page.json.items.map((item: { version: number }) => item.version));
    cursor = page.json.nextCursor;
  } while (cursor && seen.length <= VERSIONS);
  expect(seen).toEqual(Array.from({ length: VERSIONS }, (_, index) => VERSIONS - index));
});
