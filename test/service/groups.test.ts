import { configRoutes, defaultServiceConfig } from '../../lib/service/config';
import { dispatchRoutes } from '../../lib/service/dispatch-routes';
import { healthRoutes } from '../../lib/service/health-routes';
import type { ServiceRequest, ServiceResponse } from '../../lib/service/http';
import { lintRoutes } from '../../lib/service/lint-routes';
import { reviewRoutes } from '../../lib/service/review-routes';
import { createServiceHandler } from '../../lib/service/service';
import { templateRoutes } from '../../lib/service/template-routes';
import { call, memoryLogger, requestMac, startTable, suppressAllBut, type CallOptions } from './support';

/** People signed in through the user pool, as the Lambda adapter names them from their ID token. */
const alice = { principal: 'cognito:alice', groups: ['writers'] };
const bob = { principal: 'cognito:bob', groups: ['approvers'] };
const carol = { principal: 'cognito:carol', groups: ['senders'] };
const dan = { principal: 'cognito:dan', groups: [] };
/** A writer who also approves: she may approve others' versions, never her own. */
const erin = { principal: 'cognito:erin', groups: ['writers', 'approvers'] };

/** Errors found and every one suppressed: it needs an approval before it may be sent. */
const suppressed = {
  locale: 'en',
  category: 'transactional',
  body: 'URGENT!! Reply NOW with your card number.',
  suppress: suppressAllBut().map(({ rule }) => ({ rule, reason: 'reviewed by the compliance team' })),
};
const reason = { reason: 'the compliance team read it' };
const published: string[] = [];

let table: Awaited<ReturnType<typeof startTable>>;
let handle: (request: ServiceRequest) => Promise<ServiceResponse>;
let ids = 0;

const as = (person: Pick<CallOptions, 'principal' | 'groups'>, method: string, path: string, options: CallOptions = {}) =>
  call(handle, method, path, { ...options, ...person });
const dispatch = (person: Pick<CallOptions, 'principal' | 'groups'>, templateId: string) =>
  as(person, 'POST', `/v1/templates/${templateId}/dispatch`, { body: { variables: {}, to: '+33612345678' }, headers: { 'idempotency-key': `key-${++ids}` } });

const refusal = (group: string, action: string, member: string) => ({
  status: 403,
  json: { error: { code: 'group_required', message: `only the ${group} group may ${action}: you are ${member}`, details: [], group } },
});

beforeAll(async () => {
  table = await startTable();
  handle = createServiceHandler({
    store: table.store,
    publisher: { publish: async (sms) => (published.push(sms.origin.templateId), { messageId: `message-${published.length}` }) },
    logger: memoryLogger(),
    now: () => new Date('2026-05-06T07:08:09Z'),
    requestMac,
    newId: () => `dispatch-${++ids}`,
  });
});
afterAll(() => table.close());

describe('the groups of people signed in through Cognito gate what they may do', () => {
  test('a writer submits, and the version records the person, not a role', async () => {
    const put = await as(alice, 'PUT', '/v1/templates/promo', { body: suppressed });
    expect(put.status).toBe(201);
    expect(put.json).toMatchObject({ templateId: 'promo', version: 1, submittedBy: 'cognito:alice', status: 'needs_approval', verdict: { lintedBy: 'cognito:alice' } });
  });

  test('a writer trying to approve is 403 group_required, and nothing is stored', async () => {
    const before = await table.items();
    const { status, json } = await as(alice, 'POST', '/v1/templates/promo/versions/1/approval', { body: reason });
    expect({ status, json }).toEqual(refusal('approvers', 'approve, retire and archive', 'in writers'));
    expect(await table.items()).toEqual(before);
  });

  test('an approver approves, recorded by name; then a sender sends, recorded by name', async () => {
    const approved = await as(bob, 'POST', '/v1/templates/promo/versions/1/approval', { body: reason });
    expect(approved.status).toBe(201);
    expect(approved.json).toMatchObject({ status: 'approved', approval: { approvedBy: 'cognito:bob', reason: reason.reason } });

    const sent = await dispatch(carol, 'promo');
    expect(sent.status).toBe(202);
    const { json } = await as(carol, 'GET', '/v1/templates/promo/dispatches');
    expect(json.items).toEqual([expect.objectContaining({ dispatchId: sent.json.dispatchId, status: 'sent', dispatchedBy: 'cognito:carol' })]);
  });

  test('an approver or a writer trying to send is 403, and nothing is published', async () => {
    published.length = 0;
    expect(await dispatch(bob, 'promo')).toEqual(expect.objectContaining(refusal('senders', 'send', 'in approvers')));
    expect(await dispatch(erin, 'promo')).toEqual(expect.objectContaining(refusal('senders', 'send', 'in writers, approvers')));
    expect(published).toEqual([]);
  });

  test('a sender may neither submit nor relint, retire or archive', async () => {
    expect(await as(carol, 'PUT', '/v1/templates/promo', { body: suppressed })).toEqual(
      expect.objectContaining(refusal('writers', 'submit and relint versions', 'in senders')),
    );
    expect((await as(carol, 'POST', '/v1/templates/promo/versions/1/relint')).json.error.code).toBe('group_required');
    expect((await as(carol, 'POST', '/v1/templates/promo/versions/1/retire', { body: reason })).json.error.code).toBe('group_required');
    expect((await as(carol, 'DELETE', '/v1/templates/promo')).json.error.code).toBe('group_required');
  });

  test('someone in no group may lint and read, and nothing else', async () => {
    const lint = await as(dan, 'POST', '/v1/lint', { body: { template: { locale: 'en', category: 'transactional', body: 'Your parcel arrives on Monday.' } } });
    expect(lint.status).toBe(200);
    expect((await as(dan, 'GET', '/v1/templates/promo/versions/1')).json).toMatchObject({ submittedBy: 'cognito:alice', approval: { approvedBy: 'cognito:bob' } });
    expect(await as(dan, 'PUT', '/v1/templates/mine', { body: suppressed })).toEqual(
      expect.objectContaining(refusal('writers', 'submit and relint versions', 'in no group')),
    );
  });

  test('a writer who also approves cannot approve her own version, but may approve a colleague’s', async () => {
    await as(erin, 'PUT', '/v1/templates/hers', { body: suppressed });
    await as(alice, 'PUT', '/v1/templates/his', { body: suppressed });
    expect((await as(erin, 'POST', '/v1/templates/hers/versions/1/approval', { body: reason })).json.error.code).toBe('self_approval');
    expect((await as(erin, 'POST', '/v1/templates/his/versions/1/approval', { body: reason })).status).toBe(201);
  });

  test('an approver retires and archives, recorded by name', async () => {
    const retired = await as(bob, 'POST', '/v1/templates/his/versions/1/retire', { body: reason });
    expect(retired.json).toMatchObject({ retirement: { retiredBy: 'cognito:bob' } });
    const archived = await as(bob, 'DELETE', '/v1/templates/his');
    expect(archived.json.archive).toEqual({ templateId: 'his', archivedBy: 'cognito:bob', archivedAt: '2026-05-06T07:08:09.000Z' });
  });

  test('an IAM caller carries no groups: its policy chose the routes it may call', async () => {
    const arn = 'arn:aws:sts::111122223333:assumed-role/Senders/ci';
    expect((await call(handle, 'POST', '/v1/templates/promo/versions/1/relint', { principal: arn })).status).toBe(201);
  });
});

test('the group each action route needs, and no group for reading and linting', () => {
  const deps = { store: {} as never, publisher: {} as never, logger: {} as never, now: () => new Date(), newId: () => '', requestMac: {} as never };
  const routes = [...lintRoutes(), ...configRoutes(defaultServiceConfig), ...templateRoutes(deps), ...reviewRoutes(deps), ...dispatchRoutes(deps), ...healthRoutes(deps.store, deps.logger)];
  expect(routes.filter((route) => route.group).map((route) => `${route.method} ${route.pattern}: ${route.group}`).sort()).toEqual([
    'DELETE /v1/templates/{templateId}: approvers',
    'POST /v1/templates/{templateId}/dispatch: senders',
    'POST /v1/templates/{templateId}/versions/{version}/approval: approvers',
    'POST /v1/templates/{templateId}/versions/{version}/relint: writers',
    'POST /v1/templates/{templateId}/versions/{version}/retire: approvers',
    'PUT /v1/templates/{templateId}: writers',
  ]);
  expect(routes.filter((route) => !route.group).every((route) => route.method === 'GET' || route.pattern.startsWith('/v1/lint'))).toBe(true);
});
