import type { Config } from '../../lib/engine';
import type { OutgoingSms } from '../../lib/service/publisher';
import type { ServiceRequest, ServiceResponse } from '../../lib/service/http';
import { MAX_RESPONSE_BYTES } from '../../lib/service/bounds';
import { serviceConfigOf } from '../../lib/service/config';
import { createServiceHandler } from '../../lib/service/service';
import { APPROVER, SUBMITTER, approve, call, memoryLogger, requestMac, startTable, suppressAllBut } from './support';

/**
 * Issue 10's attacks on the send gate, each replayed as someone with the right to submit
 * templates would, and refused with its documented status. What the engine refuses
 * (normalisation, hidden characters, linear-time patterns) is tested with the engine;
 * here is what the service decides. Nothing is sent in any of them.
 */

const PHONE = '+33612345678';
const published: OutgoingSms[] = [];
let table: Awaited<ReturnType<typeof startTable>>;
let handle: (request: ServiceRequest) => Promise<ServiceResponse>;
let ids = 0;

function service(config?: Config) {
  return createServiceHandler({
    store: table.store,
    publisher: { publish: async (sms) => ({ messageId: `message-${published.push(sms)}` }) },
    logger: memoryLogger(),
    now: () => new Date('2026-10-11T12:13:14Z'),
    newId: () => `dispatch-${++ids}`,
    requestMac,
    config: config && serviceConfigOf(config),
  });
}

const dispatch = (templateId: string, body: object, key = `key-${++ids}`, on = handle) =>
  call(on, 'POST', `/v1/templates/${templateId}/dispatch`, { body, headers: { 'idempotency-key': key } });

beforeAll(async () => {
  table = await startTable();
  handle = service();
});
beforeEach(() => {
  published.length = 0;
});
afterAll(() => table.close());

describe('1. self-approval', () => {
  const scam = {
    locale: 'en',
    category: 'transactional',
    body: 'URGENT!! Reply NOW with your card number and PIN at http://bit.ly/x OR ELSE.',
    suppress: suppressAllBut().map(({ rule }) => ({ rule, reason: '.' })),
  };

  test('every rule suppressed is needs_approval, listing each suppressed error with its reason, not passed', async () => {
    const put = await call(handle, 'PUT', '/v1/templates/scam', { body: scam });
    expect(put.status).toBe(201);
    expect(put.json).toMatchObject({ submittedBy: SUBMITTER, status: 'needs_approval', verdict: { status: 'needs_approval', lintedBy: SUBMITTER } });
    const rulesSuppressed = put.json.verdict.suppressedErrors.map((error: { ruleId: string }) => error.ruleId);
    expect(rulesSuppressed).toEqual(expect.arrayContaining(['sensitive-data-request', 'directive-tone']));
    for (const error of put.json.verdict.suppressedErrors) expect(error.suppressionReason).toBe('.');
  });

  test('dispatch is 409 approval_required, naming the suppressed findings, and sends nothing', async () => {
    const { status, json } = await dispatch('scam', { variables: {}, to: PHONE });
    expect(status).toBe(409);
    expect(json.error.code).toBe('approval_required');
    expect(json.error.suppressedErrors.length).toBeGreaterThan(0);
    expect(json.error.details[0]).toEqual({ path: '/template/suppress', message: expect.stringContaining('(suppressed: .)') });
    expect(published).toEqual([]);
  });

  test('the submitter approving their own version is 403 self_approval, and nothing is stored', async () => {
    const before = await table.items();
    const { status, json } = await call(handle, 'POST', '/v1/templates/scam/versions/1/approval', { body: { reason: 'looks fine to me' }, principal: SUBMITTER });
    expect(status).toBe(403);
    expect(json.error.code).toBe('self_approval');
    expect(await table.items()).toEqual(before);
    expect((await dispatch('scam', { variables: {}, to: PHONE })).json.error.code).toBe('approval_required');
    expect(published).toEqual([]);
  });

  test("someone else's approval is recorded with its principal, shown in the history, and opens the gate", async () => {
    const approved = await approve(handle, 'scam');
    expect(approved.json).toMatchObject({ status: 'approved', approval: { approvedBy: APPROVER, verdictSequence: 0, reason: expect.any(String) } });
    const history = await call(handle, 'GET', '/v1/templates/scam/versions');
    expect(history.json.items[0]).toMatchObject({ submittedBy: SUBMITTER, status: 'approved', approval: { approvedBy: APPROVER } });
    const second = await call(handle, 'POST', '/v1/templates/scam/versions/1/approval', { body: { reason: 'again' }, principal: 'arn:aws:iam::111122223333:user/third' });
    expect(second).toMatchObject({ status: 409, json: { error: { code: 'already_approved' } } });

    const sent = await dispatch('scam', { variables: {}, to: PHONE });
    expect(sent.status).toBe(202);
    const record = (await table.items()).find((item) => item.sk === `DISPATCH#${sent.json.dispatchId}`);
    expect(record).toMatchObject({ dispatchedBy: SUBMITTER, status: 'sent' });
  });

  test('a suppressed warning needs no approval', async () => {
    const put = await call(handle, 'PUT', '/v1/templates/warned', {
      body: { locale: 'en', category: 'transactional', body: 'Your parcel arrives on Monday. Its tracking page is https://x.co/track.', suppress: [{ rule: 'link', reason: 'our own tracking page' }] },
    });
    expect(put.json.verdict.result.findings).toEqual([expect.objectContaining({ ruleId: 'link', severity: 'warning', suppressed: true })]);
    expect(put.json.status).toBe('passed');
  });
});

describe('2. invisible characters in a template', () => {
  test('a zero-width space inside "card" fails the template (hidden-characters), so dispatch is 409 verdict_failed', async () => {
    const put = await call(handle, 'PUT', '/v1/templates/hidden', { body: { locale: 'en', category: 'transactional', body: 'Your parcel is here. Reply with your c\u200bard number.' } });
    expect(put.json.status).toBe('failed');
    expect(put.json.verdict.result.findings.map((finding: { ruleId: string }) => finding.ruleId)).toContain('hidden-characters');
    expect((await dispatch('hidden', { variables: {}, to: PHONE })).json.error.code).toBe('verdict_failed');
    expect(published).toEqual([]);
  });
});

describe('3 and 5. values are linted in full, and patterns cannot backtrack', () => {
  const greeting = {
    locale: 'en',
    category: 'transactional',
    body: 'Hello {{ name }}, your parcel arrives on Monday.',
    variables: { type: 'object', required: ['name'], properties: { name: { $ref: '#/$defs/name' } }, $defs: { name: { type: 'string', pattern: '^(a|a)*$|^[^0-9]*$' } } },
  };
  beforeAll(async () => {
    expect((await call(handle, 'PUT', '/v1/templates/greeting', { body: greeting })).json.status).toBe('passed');
    const withCardSuppressed = {
      locale: 'en',
      category: 'transactional',
      body: 'Have your card ready when the courier calls. Note: {{ name }}.',
      suppress: suppressAllBut(),
    };
    const put = await call(handle, 'PUT', '/v1/templates/card-ready', { body: withCardSuppressed });
    expect(put.json.verdict.suppressedErrors.map((error: { ruleId: string }) => error.ruleId)).toContain('sensitive-data-request');
    await approve(handle, 'card-ready');
  });

  test.each([
    ['a threat', 'greeting', 'PAY NOW OR ELSE'],
    ['a look-alike login link', 'greeting', 'see https://acme-secure-login.com'],
    ['a short link hidden by a zero-width space', 'greeting', 'bit\u200b.ly/abc'],
    ['a placeholder', 'greeting', '{{ x }}'],
    ['an English card request in a value of a template whose card rule was suppressed', 'card-ready', 'send us your card number and CVV'],
  ])('%s as a value is 422 naming the variable, and nothing is sent', async (_name, templateId, name) => {
    const { status, json } = await dispatch(templateId, { variables: { name }, to: PHONE });
    expect(status).toBe(422);
    expect(json.error.details.map((detail: { path: string }) => detail.path)).toContain('/variables/name');
    expect(published).toEqual([]);
  });

  test('a backtracking pattern reached through $ref runs in linear time: a 40-character value is refused at once', async () => {
    const { status, json } = await dispatch('greeting', { variables: { name: `${'a'.repeat(40)}1` }, to: PHONE });
    expect(status).toBe(422);
    expect(json.error.details.map((detail: { path: string }) => detail.path)).toContain('/variables/name');
  });

  test('a plain value is sent', async () => {
    expect((await dispatch('greeting', { variables: { name: 'Ann' }, to: PHONE })).status).toBe(202);
  });
});

describe('4. stale verdicts and retirement', () => {
  const linked = { locale: 'en', category: 'transactional', body: 'Your parcel arrives on Monday. Its tracking page is https://x.co/track.' };
  let linkIsError: typeof handle;
  beforeAll(() => {
    linkIsError = service({ rules: { link: 'error' } });
  });

  test('a version that passed under the old rules is 409 verdict_stale under the new ones, with the new findings, and nothing is sent', async () => {
    const put = await call(handle, 'PUT', '/v1/templates/linked', { body: linked });
    expect(put.json.status).toBe('passed');
    expect(put.json.verdict.result.findings.map((finding: { ruleId: string }) => finding.ruleId)).toContain('link');

    const before = await table.items();
    const { status, json } = await dispatch('linked', { variables: {}, to: PHONE }, 'stale-1', linkIsError);
    expect(status).toBe(409);
    expect(json.error).toMatchObject({ code: 'verdict_stale', status: 'failed' });
    expect(json.error.findings).toContainEqual(expect.objectContaining({ ruleId: 'link', severity: 'error' }));
    expect(published).toEqual([]);
    expect(await table.items()).toEqual(before);
  });

  test('relint stores a new verdict by its principal and keeps the old one; the version is then refused as failed', async () => {
    const relint = await call(linkIsError, 'POST', '/v1/templates/linked/versions/1/relint', { principal: APPROVER });
    expect(relint.status).toBe(201);
    expect(relint.json).toMatchObject({ status: 'failed', verdictSequence: 1, submittedBy: SUBMITTER, verdict: { lintedBy: APPROVER, status: 'failed' } });
    const items = (await table.items()).filter((item) => item.pk === 'TEMPLATE#linked');
    expect(items.map((item) => item.sk)).toEqual(expect.arrayContaining(['VERSION#0000000001', 'VERDICT#0000000001#000001']));
    expect(items.find((item) => item.sk === 'VERSION#0000000001')).toMatchObject({ verdict: { status: 'passed' } });

    const refused = await dispatch('linked', { variables: {}, to: PHONE }, 'stale-2', linkIsError);
    expect(refused).toMatchObject({ status: 409, json: { error: { code: 'verdict_failed' } } });
    // Under the old rules the newest verdict is now the stale one.
    expect((await dispatch('linked', { variables: {}, to: PHONE }, 'stale-3')).json.error.code).toBe('verdict_stale');
    expect(published).toEqual([]);
  });

  test('a retired version is 409 version_retired, with who retired it in the history', async () => {
    await call(handle, 'PUT', '/v1/templates/old', { body: { locale: 'en', category: 'transactional', body: 'Your parcel arrives on Monday.' } });
    expect((await dispatch('old', { variables: {}, to: PHONE })).status).toBe(202);
    const retired = await call(handle, 'POST', '/v1/templates/old/versions/1/retire', { body: { reason: 'the offer ended' }, principal: APPROVER });
    expect(retired).toMatchObject({ status: 201, json: { retirement: { retiredBy: APPROVER, reason: 'the offer ended' } } });
    expect((await call(handle, 'POST', '/v1/templates/old/versions/1/retire', { body: { reason: 'again' } })).json.error.code).toBe('version_retired');

    published.length = 0;
    const { status, json } = await dispatch('old', { variables: {}, to: PHONE });
    expect(status).toBe(409);
    expect(json.error.code).toBe('version_retired');
    expect(published).toEqual([]);
    expect((await call(handle, 'GET', '/v1/templates/old')).json.retirement).toMatchObject({ retiredBy: APPROVER });
  });
});

describe('6. lone surrogates and controls', () => {
  test.each<[string, string, string, object, string]>([
    ['a lone surrogate in a template body', 'PUT', '/v1/templates/lone', { locale: 'en', category: 'transactional', body: 'Your card \ud800 is ready.' }, '/body'],
    ['a control in a sender', 'PUT', '/v1/templates/lone', { locale: 'en', category: 'transactional', sender: 'Bank\u0007', body: 'Hi.' }, '/sender'],
    ['a C1 control in a suppression reason', 'PUT', '/v1/templates/lone', { locale: 'en', category: 'transactional', body: 'Hi.', suppress: [{ rule: 'link', reason: 'ok\u0085' }] }, '/suppress/0/reason'],
    ['a lone surrogate in a value', 'POST', '/v1/templates/old/dispatch', { variables: { name: 'Ann\udc00' }, to: PHONE }, '/variables/name'],
    ['a lone surrogate in a variable name', 'POST', '/v1/templates/old/dispatch', { variables: { ['n\ud800']: 'Ann' }, to: PHONE }, '/variables/n\ud800'],
    ['a control in a number', 'POST', '/v1/templates/old/dispatch', { variables: {}, to: '+33612345678\u0000' }, '/to'],
  ])('%s is 400 naming the field, and nothing is stored or sent', async (_name, method, path, body, field) => {
    const before = await table.items();
    const { status, json } = await call(handle, method, path, { body, headers: { 'idempotency-key': `lone-${++ids}` } });
    expect(status).toBe(400);
    expect(json.error.details.map((detail: { path: string }) => detail.path)).toContain(field);
    expect(await table.items()).toEqual(before);
    expect(published).toEqual([]);
  });
});

describe('7. idempotency fingerprints', () => {
  test('the claim holds a 64-hex HMAC, and the key reused for any other number is 422 idempotency_key_reused', async () => {
    await call(handle, 'PUT', '/v1/templates/notice', { body: { locale: 'en', category: 'transactional', body: 'Your parcel arrives on Monday.' } });
    expect((await dispatch('notice', { variables: {}, to: PHONE }, 'reused')).status).toBe(202);
    const claim = (await table.items()).find((item) => item.pk === 'IDEMPOTENCY#notice#reused');
    expect(claim?.requestHash).toMatch(/^[0-9a-f]{64}$/);
    // The attack's search: numbers with the same masked form, each under the reused key.
    for (const to of ['+33600000078', '+33612345679', '+33698765478']) {
      const { status, json } = await dispatch('notice', { variables: {}, to }, 'reused');
      expect({ status, code: json.error?.code }).toEqual({ status: 422, code: 'idempotency_key_reused' });
    }
    expect(published).toHaveLength(1);
  });
});

describe('8. bounded responses', () => {
  test('64 KB of short links answers under 1 MB and says how many findings were left out', async () => {
    const body = 'x.co '.repeat(13_000);
    const response = await handle({
      method: 'POST',
      path: '/v1/lint',
      query: {},
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ template: { locale: 'en', category: 'transactional', body } }),
      principal: SUBMITTER,
    });
    expect(response.status).toBe(200);
    expect(Buffer.byteLength(response.body)).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
    const result = JSON.parse(response.body);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.omittedFindings).toBeGreaterThan(0);
  });
});

describe('who did it', () => {
  test('a request no adapter identified is 403 and stores nothing', async () => {
    const before = await table.items();
    const { status, json } = await call(handle, 'PUT', '/v1/templates/nobody', { body: { locale: 'en', category: 'transactional', body: 'Hi.' }, principal: null });
    expect(status).toBe(403);
    expect(json.error.code).toBe('no_principal');
    expect(await table.items()).toEqual(before);
  });
});

test('approval racing dispatch: each dispatch is 409 before the approval or 202 after it, and none is sent unapproved', async () => {
  const put = await call(handle, 'PUT', '/v1/templates/race', {
    body: { locale: 'en', category: 'transactional', body: 'URGENT: call 3970 NOW.', suppress: suppressAllBut().map(({ rule }) => ({ rule, reason: 'tested race' })) },
  });
  expect(put.json.status).toBe('needs_approval');
  const sentUnapproved: string[] = [];
  const racing = createServiceHandler({
    store: table.store,
    publisher: {
      // Reads the table at the moment of sending: the approval must be stored by then.
      publish: async (sms) => {
        if (!(await table.store.getApproval('race', 1, 0))) sentUnapproved.push(sms.body);
        return { messageId: `message-${published.push(sms)}` };
      },
    },
    logger: memoryLogger(),
    now: () => new Date(),
    newId: () => `race-${++ids}`,
    requestMac,
  });
  const dispatches = Array.from({ length: 20 }, (_, index) => dispatch('race', { variables: {}, to: PHONE }, `race-${index}`, racing));
  const approval = approve(racing, 'race');
  const later = Array.from({ length: 5 }, (_, index) => approval.then(() => dispatch('race', { variables: {}, to: PHONE }, `race-after-${index}`, racing)));
  const responses = await Promise.all([...dispatches, ...later]);

  const statuses = responses.map((response) => (response.status === 202 ? 202 : `${response.status} ${response.json.error.code}`));
  expect(statuses.filter((status) => status !== 202 && status !== '409 approval_required')).toEqual([]);
  // Those sent after the approval are the 202s, one message each.
  expect(published).toHaveLength(statuses.filter((status) => status === 202).length);
  expect(statuses.slice(20)).toEqual(Array(5).fill(202));
  expect(sentUnapproved).toEqual([]);
});
