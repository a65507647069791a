import type { ServiceRequest, ServiceResponse } from '../../lib/service/http';
import { MAX_FINDINGS_PER_RULE } from '../../lib/engine';
import { createServiceHandler } from '../../lib/service/service';
import { call, memoryLogger, startTable, requestMac } from '../service/support';
import { isErrorBody } from './helpers/fixtures';

/**
 * A body under the 64 KB limit can draw thousands of findings: a result keeps 100 per rule
 * and counts the rest in `omitted` (issue 10), yet its verdict may outgrow the 400 KB a
 * DynamoDB item may hold. The PUT must still be a documented answer: stored
 * and read back whole (201), or refused with a 4xx naming why; never a 500.
 */

let table: Awaited<ReturnType<typeof startTable>>;
let handle: (request: ServiceRequest) => Promise<ServiceResponse>;
const logger = memoryLogger();

beforeAll(async () => {
  table = await startTable();
  handle = createServiceHandler({
    store: table.store,
    publisher: { publish: () => Promise.reject(new Error('no dispatch here')) },
    logger,
    now: () => new Date('2026-10-11T12:13:14Z'),
    requestMac, newId: () => 'unused',
  });
});
afterAll(() => table.close());

test.each([
  ['shouting, 7,000 times', 'URGENT! '.repeat(7000)],
  ['a shortened link, 3,500 times', 'http://bit.ly/a '.repeat(3500)],
  ['a placeholder, 7,000 times', '{{ a }} '.repeat(7000)],
  ['an order, 6,000 times', 'Call now. '.repeat(6000)],
])('a template of %s is stored whole or refused with a 4xx, never a 500', async (_name, body) => {
  const template = { locale: 'en', category: 'transactional', body };
  const lint = await call(handle, 'POST', '/v1/lint', { body: { template } });
  expect(lint.status).toBe(200);
  const omitted = Object.values(lint.json.omitted as Record<string, number>).reduce((sum, count) => sum + count, 0);
  const perRule = new Map<string, number>();
  for (const { ruleId } of lint.json.findings as Array<{ ruleId: string }>) perRule.set(ruleId, (perRule.get(ruleId) ?? 0) + 1);
  expect(Math.max(...perRule.values())).toBeLessThanOrEqual(MAX_FINDINGS_PER_RULE);
  expect(lint.json.findings.length + omitted).toBeGreaterThan(1000);

  const before = await table.items();
  const put = await call(handle, 'PUT', '/v1/templates/large', { body: template });
  expect({ status: put.status, code: put.json.error?.code }).not.toMatchObject({ status: 500 });
  if (put.status === 201) {
    const read = await call(handle, 'GET', `/v1/templates/large/versions/${put.json.version}`);
    expect(read.json.template).toEqual(template);
    expect(read.json.verdict).toEqual(put.json.verdict);
  } else {
    expect([400, 413, 422]).toContain(put.status);
    expect(isErrorBody(put.json)).toBe(true);
    expect(await table.items()).toEqual(before);
  }
  expect(logger.lines.filter((line) => line.includes('"level":"error"'))).toEqual([]);
});
