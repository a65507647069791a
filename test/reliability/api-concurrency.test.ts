import { failingTemplate, passingTemplate, PHONE } from './helpers/fixtures';
import { send, sendJson, startHarness, type LocalHarness } from './helpers/local-service';

/** Races over real HTTP against the local server: no version lost, one publish per key, the named version sent. */

let harness: LocalHarness;
/** 50 writers on one item retry against dynalite on disk: seconds alone, more beside the rest of the suite on 2 cores. */
const CONTENDED_TIMEOUT_MS = 120_000;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const outbox = async () => (await send(harness.url, { method: 'GET', path: '/v1/outbox' })).json.items as Array<{ messageId: string; body: string }>;
const dispatch = (templateId: string, body: unknown, key: string) => sendJson(harness.url, 'POST', `/v1/templates/${templateId}/dispatch`, body, { 'idempotency-key': key });

const putAll = (id: string, bodies: string[]) => Promise.all(bodies.map((body) => sendJson(harness.url, 'PUT', `/v1/templates/${id}`, passingTemplate(body))));
const parcelBodies = (count: number) => Array.from({ length: count }, (_, index) => `Your parcel ${index} arrives on Monday.`);

test('50 simultaneous PUTs of one id: no number given twice, nothing accepted is lost, and the refused ones are a documented 503 that a retry completes to 1..50', async () => {
  const bodies = parcelBodies(50);
  const answers = await putAll('busy', bodies);
  console.info(`50 concurrent PUTs: statuses ${JSON.stringify(countOf(answers.map((answer) => answer.status)))}`);
  const versionOf = new Map<string, number>();
  for (const [index, answer] of answers.entries()) {
    if (answer.status === 201) versionOf.set(bodies[index], answer.json.version);
    else expect({ status: answer.status, retryAfter: answer.headers['retry-after'], code: answer.json.error.code }).toEqual({ status: 503, retryAfter: '1', code: 'store_unavailable' });
  }
  const accepted = [...versionOf.values()].sort((a, b) => a - b);
  expect(accepted).toEqual(Array.from({ length: accepted.length }, (_, index) => index + 1));

  for (const body of bodies.filter((body) => !versionOf.has(body))) {
    const retry = await sendJson(harness.url, 'PUT', '/v1/templates/busy', passingTemplate(body));
    expect(retry.status).toBe(201);
    versionOf.set(body, retry.json.version);
  }
  expect([...versionOf.values()].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
  for (const [body, version] of versionOf) {
    const read = await send(harness.url, { method: 'GET', path: `/v1/templates/busy/versions/${version}` });
    expect({ status: read.status, body: read.json.template.body }).toEqual({ status: 200, body });
  }
  const history = await send(harness.url, { method: 'GET', path: '/v1/templates/busy/versions?limit=100' });
  expect(history.json.items).toHaveLength(50);
}, CONTENDED_TIMEOUT_MS);

test('50 simultaneous PUTs of one id are all accepted at once (none refused with 503)', async () => {
  const answers = await putAll('crowd', parcelBodies(50));
  expect(countOf(answers.map((answer) => answer.status))).toEqual({ 201: 50 });
  expect(answers.map((answer) => answer.json.version).sort((a: number, b: number) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
}, CONTENDED_TIMEOUT_MS);

test('20 clients each submitting 10 versions of one id in turn (sustained contention) all get 201, 1 to 200', async () => {
  const answers = (
    await Promise.all(
      Array.from({ length: 20 }, async (_, client) => {
        const mine = [];
        for (let round = 0; round < 10; round++) mine.push(await sendJson(harness.url, 'PUT', '/v1/templates/steady', passingTemplate(`Parcel ${client}-${round} arrives on Monday.`)));
        return mine;
      }),
    )
  ).flat();
  console.info(`20 clients x 10 PUTs: statuses ${JSON.stringify(countOf(answers.map((answer) => answer.status)))}`);
  expect(countOf(answers.map((answer) => answer.status))).toEqual({ 201: 200 });
  expect(answers.map((answer) => answer.json.version).sort((a: number, b: number) => a - b)).toEqual(Array.from({ length: 200 }, (_, index) => index + 1));
}, CONTENDED_TIMEOUT_MS);

test('20 simultaneous dispatches under one Idempotency-Key publish once; the others replay it or are told it is in progress', async () => {
  expect((await sendJson(harness.url, 'PUT', '/v1/templates/once', passingTemplate('Your parcel arrives on Monday.'))).status).toBe(201);
  const before = (await outbox()).length;
  const answers = await Promise.all(Array.from({ length: 20 }, () => dispatch('once', { variables: {}, to: PHONE }, 'one-key')));
  console.info(`20 concurrent dispatches, one key: statuses ${JSON.stringify(countOf(answers.map((answer) => answer.status)))}`);

  const sent = (await outbox()).slice(before);
  expect(sent).toHaveLength(1);
  const accepted = answers.filter((answer) => answer.status === 202);
  expect(accepted.length).toBeGreaterThanOrEqual(1);
  for (const answer of accepted) expect(answer.json).toEqual({ dispatchId: accepted[0].json.dispatchId, messageId: sent[0].messageId });
  for (const answer of answers.filter((answer) => answer.status !== 202)) {
    expect(answer.status).toBe(409);
    expect(answer.json.error.code).toBe('dispatch_in_progress');
  }

  // Once settled, a retry answers the stored result and publishes nothing.
  const retry = await dispatch('once', { variables: {}, to: PHONE }, 'one-key');
  expect(retry).toMatchObject({ status: 202, json: { dispatchId: accepted[0].json.dispatchId, messageId: sent[0].messageId } });
  expect(await outbox()).toHaveLength(before + 1);
});

test('20 simultaneous dispatches under 20 keys each publish once, with 20 distinct message ids', async () => {
  expect((await sendJson(harness.url, 'PUT', '/v1/templates/many', passingTemplate('Your parcel arrives on Tuesday.'))).status).toBe(201);
  const before = (await outbox()).length;
  const answers = await Promise.all(Array.from({ length: 20 }, (_, index) => dispatch('many', { variables: {}, to: PHONE }, `many-${index}`)));
  expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(202));
  const sent = (await outbox()).slice(before);
  expect(sent.map((item) => item.messageId).sort()).toEqual(answers.map((answer) => answer.json.messageId).sort());
  expect(new Set(sent.map((item) => item.messageId)).size).toBe(20);
});

test('a dispatch naming version N, racing a PUT of a failing version N+1, sends the text of N; an unnamed one never sends the failing text', async () => {
  const passing = 'Your parcel arrives on Monday.';
  const failing = failingTemplate().body;
  for (let round = 1; round <= 5; round++) {
    const id = `race-${round}`;
    const first = await sendJson(harness.url, 'PUT', `/v1/templates/${id}`, passingTemplate(`${passing} (round ${round})`));
    expect(first.json).toMatchObject({ version: 1, verdict: { result: { passed: true } } });
    const [named, unnamed, put] = await Promise.all([
      dispatch(id, { variables: {}, to: PHONE, version: 1 }, `named-${round}`),
      dispatch(id, { variables: {}, to: PHONE }, `unnamed-${round}`),
      sendJson(harness.url, 'PUT', `/v1/templates/${id}`, failingTemplate()),
    ]);
    expect(put.json).toMatchObject({ version: 2, verdict: { result: { passed: false } } });
    expect(named.status).toBe(202);
    const items = await outbox();
    expect(items.find((item) => item.messageId === named.json.messageId)?.body).toBe(`${passing} (round ${round})`);
    // The unnamed one takes whichever version was latest when it read: sent if 1, refused if 2.
    if (unnamed.status === 202) expect(items.find((item) => item.messageId === unnamed.json.messageId)?.body).toBe(`${passing} (round ${round})`);
    else expect(unnamed.json.error.code).toBe('verdict_failed');
    expect(items.map((item) => item.body)).not.toContain(failing);
  }
  const stored = (await harness.storedItems()).filter((item) => String(item.sk).startsWith('DISPATCH#') && String(item.idempotencyKey).startsWith('named-'));
  expect(stored.map((item) => [item.version, item.status])).toEqual(Array(5).fill([1, 'sent']));
});

function countOf(values: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

test('closing the local service with requests in flight ends them without crashing the process', async () => {
  const closing = await startHarness();
  const inFlight = Array.from({ length: 30 }, (_, index) =>
    sendJson(closing.url, 'PUT', '/v1/templates/closing', passingTemplate(`Parcel ${index} arrives on Monday.`)).then(
      (answer) => answer.status,
      (error: Error) => error.message,
    ),
  );
  await Promise.race(inFlight);
  await closing.close();
  const outcomes = await Promise.all(inFlight);
  console.info(`closed with 30 PUTs in flight: ${JSON.stringify(outcomes.reduce<Record<string, number>>((counts, outcome) => ({ ...counts, [outcome]: (counts[outcome] ?? 0) + 1 }), {}))}`);
  // The database calls of the requests cut off finish after the close: a crash would surface here.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(outcomes.every((outcome) => outcome === 201 || outcome === 503 || /socket hang up|ECONNRESET/.test(String(outcome)))).toBe(true);
});
