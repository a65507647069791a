import { createHmac } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../../lib/service/json';
import { sha256 } from '../../lib/service/verdict';
import { failingTemplate, MASKED_PHONE, parcelTemplate, parcelText, parcelVariables, passingTemplate, PHONE } from './helpers/fixtures';
import { send, sendJson, startHarness, type LocalHarness } from './helpers/local-service';

/**
 * What the local service writes about a dispatch, through its logger port and anything
 * printed around it: never the number (in any spacing), a variable value or the text sent.
 * What it stores holds the number masked only.
 */

/** The national digits of PHONE with up to three separators between any two: "6 12 34 56 78", "6.12.34", "(6)12-34". */
const fullNumber = new RegExp(PHONE.slice(3).split('').join('[^0-9A-Za-z]{0,3}'));
const secrets = [parcelVariables.customer.firstName, parcelVariables.code, parcelText];

let harness: LocalHarness;
const printed: string[] = [];
const restores: Array<() => void> = [];

beforeAll(async () => {
  for (const stream of [process.stdout, process.stderr]) {
    const spy = jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    restores.push(() => spy.mockRestore());
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const spy = jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
    restores.push(() => spy.mockRestore());
  }
  harness = await startHarness();
  expect((await sendJson(harness.url, 'PUT', '/v1/templates/parcel', parcelTemplate)).status).toBe(201);
  expect((await sendJson(harness.url, 'PUT', '/v1/templates/alarm', failingTemplate())).status).toBe(201);
});
afterAll(async () => {
  for (const restore of restores) restore();
  await harness?.close();
});

const dispatch = (templateId: string, body: unknown, key: string) =>
  sendJson(harness.url, 'POST', `/v1/templates/${templateId}/dispatch`, body, { 'idempotency-key': key });
const everythingWritten = () => [...harness.logger.lines, ...printed];

test('the number is recognised in any spacing', () => {
  for (const written of [PHONE, '+33 6 12 34 56 78', '06.12.34.56.78', '(6) 12-34-56-78', '{"to":"+33612345678"}']) expect(written).toMatch(fullNumber);
  for (const written of [MASKED_PHONE, '+33698765432', '2026-11-28T06:12:34.567Z']) expect(written).not.toMatch(fullNumber);
});

function expectNothingPrivate(lines: string[]) {
  for (const line of lines) {
    expect(line).not.toMatch(fullNumber);
    for (const secret of secrets) expect(line).not.toContain(secret);
  }
}

test('a dispatch sent, one refused by SNS, and refused requests log no number, value or text', async () => {
  const sent = await dispatch('parcel', { variables: parcelVariables, to: PHONE }, 'privacy-sent');
  expect(sent.status).toBe(202);
  const outbox = await send(harness.url, { method: 'GET', path: '/v1/outbox' });
  expect(outbox.json.items).toEqual([expect.objectContaining({ to: MASKED_PHONE, body: parcelText })]);

  // The outbox file becomes a directory: the local publisher fails as SNS could.
  rmSync(join(harness.dataDir, 'outbox.jsonl'));
  mkdirSync(join(harness.dataDir, 'outbox.jsonl'));
  try {
    const failed = await dispatch('parcel', { variables: parcelVariables, to: PHONE }, 'privacy-failed');
    expect(failed.json.error.code).toBe('publish_failed');
  } finally {
    rmSync(join(harness.dataDir, 'outbox.jsonl'), { recursive: true });
  }

  const refused = [
    await dispatch('parcel', { variables: parcelVariables, to: '+33 6 12 34 56 78' }, 'privacy-spaced'),
    await dispatch('parcel', { variables: { ...parcelVariables, customer: { firstName: `${parcelVariables.customer.firstName}${'x'.repeat(20)}` } }, to: PHONE }, 'privacy-long'),
    await dispatch('parcel', { variables: { ...parcelVariables, code: 12 }, to: PHONE }, 'privacy-type'),
    await dispatch('alarm', { variables: parcelVariables, to: PHONE }, 'privacy-verdict'),
    await dispatch('parcel', { variables: parcelVariables, to: '+33698765432' }, 'privacy-sent'),
    await send(harness.url, { method: 'POST', path: '/v1/templates/parcel/dispatch', body: `{"to":"${PHONE}","variables":${JSON.stringify(parcelVariables)}`, headers: { 'content-type': 'application/json', 'idempotency-key': 'privacy-json' } }),
  ];
  expect(refused.map((answer) => answer.status)).toEqual([400, 422, 422, 409, 422, 400]);

  const lines = everythingWritten();
  // The log is there to read: one line per request, and the dispatch outcomes with the masked number.
  expect(harness.logger.lines.filter((line) => JSON.parse(line).message === 'request').length).toBeGreaterThanOrEqual(9);
  expect(lines.filter((line) => line.includes(MASKED_PHONE)).length).toBeGreaterThanOrEqual(2);
  expectNothingPrivate(lines);
});

test('no file of the data directory holds the number', () => {
  // Read before any restart: dynalite's write-ahead log then holds every write as written (its tables compress).
  const files = readdirSync(harness.dataDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const texts = files.map((file) => ({ file: file.name, text: readFileSync(join(file.parentPath, file.name), 'latin1') }));
  for (const { file, text } of texts) expect({ file, leaked: fullNumber.test(text) }).toEqual({ file, leaked: false });
  // The search sees what dynalite wrote: the masked number is in its log.
  expect(texts.filter(({ text }) => text.includes(MASKED_PHONE)).map(({ file }) => file)).toEqual([expect.stringMatching(/^\d+\.log$/)]);
});

test('the stored dispatch records hold the number masked only', async () => {
  const items = await harness.storedItems();
  const records = items.filter((item) => String(item.sk).startsWith('DISPATCH#'));
  expect(records.map((record) => [record.idempotencyKey, record.status, record.to]).sort()).toEqual([
    ['privacy-failed', 'failed', MASKED_PHONE],
    ['privacy-sent', 'sent', MASKED_PHONE],
  ]);
  expectNothingPrivate(items.map((item) => JSON.stringify(item)));
  // Later lines (the server restarted for the read-back) are checked too.
  expectNothingPrivate(everythingWritten());
});

/**
 * The claim of a key holds a fingerprint of its request, to tell a retry from another
 * request. Whoever reads the table sees the masked number (+33*******78 leaves 10^7
 * candidates) and, for a template without placeholders, the rest of the request. The
 * fingerprint is an HMAC under a key the table does not hold (a 0600 file locally, KMS in
 * AWS): the reader's own hash of the true request does not give it.
 */
test('the request fingerprint of a stored claim is a keyed HMAC that the table alone cannot reproduce', async () => {
  expect((await sendJson(harness.url, 'PUT', '/v1/templates/notice', passingTemplate('Your parcel arrives on Monday.'))).status).toBe(201);
  expect((await dispatch('notice', { variables: {}, to: PHONE }, 'privacy-notice')).status).toBe(202);
  const items = await harness.storedItems();
  const claim = items.find((item) => item.pk === 'IDEMPOTENCY#notice#privacy-notice')!;
  expect(claim).toMatchObject({ status: 'sent', requestHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

  const request = canonicalJson({ templateId: 'notice', idempotencyKey: 'privacy-notice', dispatch: { to: PHONE, variables: {} } });
  // The reader's computation without the key: the true number does not fit.
  expect([sha256(request), sha256(`${String(claim.dispatchId)}\n${request}`)]).not.toContain(claim.requestHash);
  // The key is in the data directory, not in any item.
  const key = readFileSync(join(harness.dataDir, 'idempotency.key'));
  expect(createHmac('sha256', key).update(sha256(request)).digest('hex')).toBe(claim.requestHash);
  expect(JSON.stringify(items)).not.toContain(key.toString('hex'));
});
