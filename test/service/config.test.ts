import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceError } from '../../lib/cli/sources';
import { serviceConfigOf } from '../../lib/service/config';
import { loadServiceConfig } from '../../lib/service/config-file';
import type { ServiceRequest, ServiceResponse } from '../../lib/service/http';
import { sha256 } from '../../lib/service/verdict';
import { createServiceHandler } from '../../lib/service/service';
import { smslint, workspace } from '../cli/run';
import { call, memoryLogger, requestMac, startTable, suppressAllBut } from './support';

/** Far from the defaults: a rule off, two raised to error, one lowered, the brand's capitals, one segment, a prefix, a link domain. */
const teamConfig = {
  rules: { 'sms-encoding': 'off', 'sms-segments': 'error', 'missing-consequence': 'error', 'directive-tone': 'warn' },
  allowedCapitals: ['TELVO'],
  segmentLimits: { transactional: 1, promotional: 1 },
  senderPrefix: '{sender}: ',
  allowedDomains: ['telvo.uk'],
};

const en = (body: string, extra: object = {}) => ({ locale: 'en', category: 'transactional', body, ...extra });
const fr = (body: string, extra: object = {}) => ({ locale: 'fr', category: 'transactional', body, ...extra });
const promo = (body: string, extra: object = {}) => ({ locale: 'en', category: 'promotional', body, ...extra });

/** Two GSM-7 segments: within the defaults' limit for a transactional message, over the team's. */
const twoSegments = `Your contract changes on 1 March. ${'The new terms keep your price and add roaming in Europe at no cost. '.repeat(2)}`.trim();

/** Twenty templates that the config judges otherwise than the defaults do, and some it judges the same. */
const corpus = [
  en('TELVO: your parcel arrives on Monday.'),
  en('Your TELVO bill is ready. Pay it by Friday to avoid a late fee.'),
  en('URGENT: your bill is overdue.'),
  en('Your parcel arrives on Monday between 9 and 12. No action is needed.'),
  en('Pay your bill now.'),
  en('Please confirm your appointment on Tuesday at 10:00 by replying YES, so that we can keep your slot.'),
  en('Your code is 123456. Do not share it with anyone. It expires in 10 minutes.'),
  en('Hello {{ name }}, your order {{ order }} has shipped.', { variables: { type: 'object', properties: { name: { type: 'string', maxLength: 20 }, order: { type: 'string', pattern: '^[0-9]{6}$' } } } }),
  en('Your meter reading is due this week. Send it at https://telvo.uk/meter so that your bill is exact.'),
  en('Your meter reading is due this week. Send it at https://bit.ly/3xYz so that your bill is exact.'),
  en(`Your contract changes on 1 March. ${'The new terms keep your price and add roaming in Europe at no cost. '.repeat(3)}`),
  en('Café opening hours change on Sunday: we open at 10:00.'),
  en('Your delivery is on its way.', { sender: 'Telvo' }),
  en('Your card ending 1234 was used for £12.50 at ACME STORE. If this was not you, call us on 0300 123 4567.'),
  fr('Votre colis arrive lundi entre 9 h et 12 h. Aucune action n’est nécessaire.'),
  fr('Payez votre facture maintenant.'),
  fr('TELVO : votre facture est disponible dans votre espace client.'),
  promo('TELVO sale: 20% off all plans this weekend. Reply STOP to opt out.'),
  promo('BIG SALE this weekend only!!! Reply STOP to opt out.'),
  promo('New plans from Telvo this spring.'),
];

let table: Awaited<ReturnType<typeof startTable>>;
const unusedPublisher = { publish: () => Promise.reject(new Error('no dispatch here')) };
const serviceWith = (config?: object): ((request: ServiceRequest) => Promise<ServiceResponse>) =>
  createServiceHandler({ store: table.store, publisher: unusedPublisher, logger: memoryLogger(), now: () => new Date('2026-05-06T07:08:09Z'), requestMac, newId: () => 'unused', config: config && serviceConfigOf(config) });

beforeAll(async () => {
  table = await startTable();
});
afterAll(() => table.close());

describe('the CLI and the service judge alike under one smslint.config.json', () => {
  const files = Object.fromEntries(corpus.map((template, index) => [`templates/t${String(index).padStart(2, '0')}.json`, template]));
  const space = workspace({ 'smslint.config.json': teamConfig, ...files });
  afterAll(() => space.cleanUp());

  test('every template of the corpus gets the same result from `smslint --format json` and from PUT', async () => {
    const cli = await smslint(['--format', 'json', ...Object.keys(files)], { cwd: space.dir });
    const reports = JSON.parse(cli.stdout) as Array<{ passed: boolean; findings: unknown[]; segments: number; encoding: string }>;
    expect(reports).toHaveLength(corpus.length);
    // The service takes the nearest config to the templates, as the stack does at synth.
    const handle = createServiceHandler({
      store: table.store, publisher: unusedPublisher, logger: memoryLogger(), now: () => new Date(), requestMac, newId: () => 'unused',
      config: loadServiceConfig(join(space.dir, 'templates')).config,
    });
    const defaults = serviceWith();
    let judgedOtherwiseByDefaults = 0;
    for (const [index, template] of corpus.entries()) {
      const stored = await call(handle, 'PUT', `/v1/templates/corpus-${index}`, { body: template });
      expect(stored.status).toBe(201);
      const { passed, findings, segments, encoding } = stored.json.verdict.result;
      expect({ index, passed, findings, segments, encoding }).toEqual({ index, passed: reports[index].passed, findings: reports[index].findings, segments: reports[index].segments, encoding: reports[index].encoding });
      const byDefaults = await call(defaults, 'POST', '/v1/lint', { body: { template } });
      if (JSON.stringify(byDefaults.json.findings) !== JSON.stringify(findings)) judgedOtherwiseByDefaults++;
    }
    // The config decides something: without it most of the corpus is judged otherwise.
    expect(judgedOtherwiseByDefaults).toBeGreaterThanOrEqual(10);
    expect(cli.code).toBe(reports.every((report) => report.passed) ? 0 : 1);
  });
});

describe('the active config', () => {
  test('GET /v1/config answers the config as written and its hash, which every verdict records', async () => {
    const handle = serviceWith(teamConfig);
    const { status, json } = await call(handle, 'GET', '/v1/config');
    expect(status).toBe(200);
    expect(json).toEqual({ config: teamConfig, hash: sha256(JSON.stringify({ allowedCapitals: ['TELVO'], allowedDomains: ['telvo.uk'], rules: { 'directive-tone': 'warn', 'missing-consequence': 'error', 'sms-encoding': 'off', 'sms-segments': 'error' }, segmentLimits: { promotional: 1, transactional: 1 }, senderPrefix: '{sender}: ' })) });
    const stored = await call(handle, 'PUT', '/v1/templates/hashed', { body: en('Your parcel arrives on Monday.') });
    expect(stored.json.verdict.configHash).toBe(json.hash);
    const relinted = await call(serviceWith(), 'POST', '/v1/templates/hashed/versions/1/relint');
    expect(relinted.json.verdict.configHash).toBe(sha256('{}'));
  });

  test('POST /v1/lint without a config uses the service config; a config in the body still wins', async () => {
    const handle = serviceWith(teamConfig);
    const template = en(twoSegments);
    const withTeam = await call(handle, 'POST', '/v1/lint', { body: { template } });
    const withOwn = await call(handle, 'POST', '/v1/lint', { body: { template, config: {} } });
    const segmentFindings = (result: { findings: Array<{ ruleId: string }> }) => result.findings.filter((finding) => finding.ruleId === 'sms-segments');
    expect(segmentFindings(withTeam.json)).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(segmentFindings(withOwn.json)).toEqual([]);
  });

  test('a version judged under one config is stale under another: dispatch answers 409 verdict_stale', async () => {
    const template = en(twoSegments, { suppress: suppressAllBut('sms-segments', 'sms-encoding') });
    expect((await call(serviceWith(), 'PUT', '/v1/templates/stale', { body: template })).json.status).toBe('passed');
    const { status, json } = await call(serviceWith(teamConfig), 'POST', '/v1/templates/stale/dispatch', { body: { variables: {}, to: '+33612345678' }, headers: { 'idempotency-key': 'stale-1' } });
    expect(status).toBe(409);
    expect(json.error).toMatchObject({ code: 'verdict_stale', status: 'failed' });
    expect(json.error.details.map((detail: { message: string }) => detail.message)).toEqual([expect.stringMatching(/^sms-segments: /)]);
  });

  test('allowedDomains reaches dispatch: a link to the team domain in a value is sent, refused under the defaults', async () => {
    const published: string[] = [];
    const template = en('Track your parcel at {{ url }}', { variables: { type: 'object', required: ['url'], properties: { url: { type: 'string', maxLength: 60 } } }, suppress: suppressAllBut() });
    const withPublisher = (config?: object) =>
      createServiceHandler({ store: table.store, publisher: { publish: async (sms) => ({ messageId: `m-${published.push(sms.body)}` }) }, logger: memoryLogger(), now: () => new Date(), requestMac, newId: () => `d-${published.length}-${Math.random()}`, config: config && serviceConfigOf(config) });
    const request = (key: string) => ({ body: { variables: { url: 'https://telvo.uk/t/AB12' }, to: '+33612345678' }, headers: { 'idempotency-key': key } });
    for (const [id, config] of [['links-team', teamConfig], ['links-default', undefined]] as const) {
      const handle = withPublisher(config);
      expect((await call(handle, 'PUT', `/v1/templates/${id}`, { body: template })).status).toBe(201);
      await call(handle, 'POST', `/v1/templates/${id}/versions/1/approval`, { body: { reason: 'links reviewed' }, principal: 'arn:aws:iam::111122223333:user/approver' });
    }
    expect((await call(withPublisher(teamConfig), 'POST', '/v1/templates/links-team/dispatch', request('team'))).status).toBe(202);
    const refused = await call(withPublisher(), 'POST', '/v1/templates/links-default/dispatch', request('default'));
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('rendered_text_refused');
    expect(published).toEqual(['Track your parcel at https://telvo.uk/t/AB12']);
  });
});

describe('loading the config file', () => {
  const space = workspace({ 'smslint.config.json': teamConfig, 'nested/deeper/.keep': '', 'bad.json': { segmentLimits: { transactional: 0 } }, 'model.json': { model: './models' } });
  afterAll(() => space.cleanUp());

  test('the nearest smslint.config.json above a folder, an explicit path, or the defaults', () => {
    expect(loadServiceConfig(join(space.dir, 'nested', 'deeper'))).toEqual({ config: serviceConfigOf(teamConfig), file: join(space.dir, 'smslint.config.json') });
    expect(loadServiceConfig('/', join(space.dir, 'smslint.config.json')).config.hash).toBe(serviceConfigOf(teamConfig).hash);
    expect(loadServiceConfig('/')).toEqual({ config: serviceConfigOf({}) });
  });

  test.each([
    ['a value out of range', 'bad.json', /bad\.json: invalid config: \/segmentLimits\/transactional must be >= 1/],
    ['a tone-model folder, which the functions cannot carry', 'model.json', /model\.json: invalid config: \/model is not supported by the service/],
    ['a missing file', 'none.json', /none\.json: cannot read: no such file/],
  ])('%s is refused naming the file and the field', (_name, file, message) => {
    expect(() => loadServiceConfig('/', join(space.dir, file))).toThrow(SourceError);
    expect(() => loadServiceConfig('/', join(space.dir, file))).toThrow(message);
  });

  test('a config written with its keys in another order has the same hash', () => {
    writeFileSync(join(space.dir, 'reordered.json'), JSON.stringify(Object.fromEntries(Object.entries(teamConfig).reverse())));
    expect(loadServiceConfig('/', join(space.dir, 'reordered.json')).config.hash).toBe(serviceConfigOf(teamConfig).hash);
  });
});
