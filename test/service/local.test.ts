import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalService, type LocalService } from '../../lib/local/server';
import { memoryLogger } from './support';

// From /work/shared/spec/checks.md: the message that started smslint, and its better version.
const ORANGE = "Orange alerte : votre consommation est de 197 euros. Merci de nous contacter au 3970 muni d'une carte bancaire";
const BETTER =
  "Orange : votre consommation hors forfait atteint 197 EUR, plus que d'habitude. Si elle vous semble normale, vous n'avez rien à faire : elle sera prélevée avec votre facture. Une question ? 3970 (gratuit).";
const orangeTemplate = (body: string) => ({ locale: 'fr', category: 'transactional', sender: 'Orange', body });

let dataDir: string;
let service: LocalService | undefined;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'smslint-local-'));
});
afterAll(async () => {
  await service?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${service!.url}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}
const json = async (...args: Parameters<typeof request>) => {
  const response = await request(...args);
  return { status: response.status, body: JSON.parse(response.text) };
};

test('the Orange story over HTTP: refused, improved, sent, and still there after a restart', async () => {
  service = await startLocalService({ port: 0, dataDir, logger: memoryLogger() });
  expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

  const page = await request('GET', '/');
  expect(page.status).toBe(200);
  expect(page.type).toMatch(/^text\/html/);

  const first = await json('PUT', '/v1/templates/orange-usage', orangeTemplate(ORANGE));
  expect(first.status).toBe(201);
  expect(first.body.version).toBe(1);
  expect(first.body.verdict.result.passed).toBe(false);
  const firstRules = first.body.verdict.result.findings.map((finding: { ruleId: string }) => finding.ruleId);
  expect(firstRules).toEqual(expect.arrayContaining(['directive-tone', 'missing-rationale', 'missing-consequence']));

  const refused = await json('POST', '/v1/templates/orange-usage/dispatch', { variables: {}, to: '+33612345678' }, { 'idempotency-key': 'orange-1' });
  expect(refused.status).toBe(409);
  expect(refused.body.error.code).toBe('verdict_failed');
  expect(refused.body.error.findings.map((finding: { ruleId: string }) => finding.ruleId)).toEqual(expect.arrayContaining(['directive-tone', 'missing-rationale']));

  const second = await json('PUT', '/v1/templates/orange-usage', orangeTemplate(BETTER));
  expect(second.status).toBe(201);
  expect(second.body.version).toBe(2);
  expect(second.body.verdict.result.findings.filter((finding: { severity: string }) => finding.severity === 'error')).toEqual([]);
  expect(second.body.verdict.result.passed).toBe(true);

  const sent = await json('POST', '/v1/templates/orange-usage/dispatch', { variables: {}, to: '+33612345678' }, { 'idempotency-key': 'orange-2' });
  expect(sent.status).toBe(202);
  const outbox = await json('GET', '/v1/outbox');
  expect(outbox.body.items).toEqual([
    {
      messageId: sent.body.messageId,
      templateId: 'orange-usage',
      version: 2,
      dispatchId: sent.body.dispatchId,
      to: '+33*******78',
      body: BETTER,
      category: 'transactional',
      senderId: 'Orange',
      publishedAt: expect.any(String),
    },
  ]);

  await service.close();
  service = await startLocalService({ port: 0, dataDir, logger: memoryLogger() });

  const history = await json('GET', '/v1/templates/orange-usage/versions');
  expect(history.status).toBe(200);
  expect(history.body.items.map((item: { version: number; template: { body: string } }) => [item.version, item.template.body])).toEqual([
    [2, BETTER],
    [1, ORANGE],
  ]);
  expect((await json('GET', '/v1/outbox')).body.items).toHaveLength(1);
});

test('a second server on a busy port says so', async () => {
  service ??= await startLocalService({ port: 0, dataDir, logger: memoryLogger() });
  const port = Number(new URL(service.url).port);
  const otherDir = mkdtempSync(join(tmpdir(), 'smslint-local-'));
  try {
    await expect(startLocalService({ port, dataDir: otherDir, logger: memoryLogger() })).rejects.toThrow(/port is in use/);
  } finally {
    rmSync(otherDir, { recursive: true, force: true });
  }
});

test('a second server on the same data directory refuses to start instead of crashing dynalite', async () => {
  service ??= await startLocalService({ port: 0, dataDir, logger: memoryLogger() });
  await expect(startLocalService({ port: 0, dataDir, logger: memoryLogger() })).rejects.toThrow(/data directory .* is in use by another smslint server/);
  expect((await json('GET', '/v1/outbox')).status).toBe(200);
});

test('GET /v1/openapi.json describes the API with the request schemas', async () => {
  service ??= await startLocalService({ port: 0, dataDir, logger: memoryLogger() });
  const { status, body } = await json('GET', '/v1/openapi.json');
  expect(status).toBe(200);
  expect(body.openapi).toBe('3.1.0');
  expect(Object.keys(body.paths)).toEqual([
    '/v1/lint',
    '/v1/lint/batch',
    '/v1/config',
    '/v1/health',
    '/v1/templates',
    '/v1/templates/{templateId}',
    '/v1/templates/{templateId}/dispatches',
    '/v1/templates/{templateId}/versions',
    '/v1/templates/{templateId}/versions/{version}',
    '/v1/templates/{templateId}/versions/{version}/approval',
    '/v1/templates/{templateId}/versions/{version}/relint',
    '/v1/templates/{templateId}/versions/{version}/retire',
    '/v1/templates/{templateId}/dispatch',
  ]);
  expect(body.components.schemas.LintRequest.properties.template).toEqual({ $ref: '#/components/schemas/Template' });
  expect(body.components.schemas.Template.required).toEqual(['locale', 'category', 'body']);
});

/** A raw HTTP request with the Host header we choose (fetch would set its own). */
function withHost(host: string, method = 'GET', path = '/v1/outbox', body?: string, headers: Record<string, string> = {}) {
  const url = new URL(service!.url);
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const outgoing = httpRequest({ host: url.hostname, port: url.port, method, path, headers: { ...headers, host } }, (incoming) => {
      let text = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (text += chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode!, text }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('9. the local server cannot be reached through another name, leaks no file and echoes no request bytes', () => {
  beforeAll(async () => {
    service ??= await startLocalService({ port: 0, dataDir, logger: memoryLogger() });
  });

  test.each(['evil.example', 'evil.example:80', '127.0.0.1', '127.0.0.1:1', 'localhost.evil.example', '127.0.0.2'])('Host %s is 421 and reads nothing', async (host) => {
    const port = new URL(service!.url).port;
    // `127.0.0.1:1`: the right name on another port (the page's own server, rebound).
    const { status, text } = await withHost(host === 'localhost.evil.example' ? `${host}:${port}` : host);
    expect(status).toBe(421);
    expect(JSON.parse(text).error.code).toBe('misdirected_request');
    expect(text).not.toContain('items');
  });

  test.each(['127.0.0.1', 'localhost', 'LOCALHOST', '[::1]'])('Host %s with its port is answered', async (name) => {
    const { status } = await withHost(`${name}:${new URL(service!.url).port}`);
    expect(status).toBe(200);
  });

  test('a rebinding page cannot dispatch either: nothing is stored or sent', async () => {
    const before = (await json('GET', '/v1/outbox')).body.items.length;
    const { status } = await withHost('evil.example', 'POST', '/v1/templates/orange-usage/dispatch', JSON.stringify({ variables: {}, to: '+33612345678' }), {
      'content-type': 'application/json',
      'idempotency-key': 'rebound',
    });
    expect(status).toBe(421);
    expect((await json('GET', '/v1/outbox')).body.items).toHaveLength(before);
  });

  test('data files are 0600 and directories 0700', () => {
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(join(dataDir, 'dynamodb'))).toBe(0o700);
    for (const file of ['idempotency.key', 'server.lock', 'outbox.jsonl']) expect({ file, mode: mode(join(dataDir, file)) }).toEqual({ file, mode: 0o600 });
  });

  test('a malformed JSON error does not echo the body', async () => {
    const { status, text } = await withHost(`127.0.0.1:${new URL(service!.url).port}`, 'POST', '/v1/templates/orange-usage/dispatch', '{"to": "+33612345678", "variables": {', {
      'content-type': 'application/json',
      'idempotency-key': 'malformed',
    });
    expect(status).toBe(400);
    expect(JSON.parse(text).error.code).toBe('malformed_json');
    expect(text).not.toMatch(/612345678|variables/);
  });

  test('X-Smslint-Principal names the caller locally, and `local` when absent', async () => {
    const named = await json('PUT', '/v1/templates/principal', orangeTemplate(BETTER), { 'x-smslint-principal': 'alice@example.com' });
    expect(named.body.submittedBy).toBe('alice@example.com');
    const anonymous = await json('PUT', '/v1/templates/principal', orangeTemplate(BETTER));
    expect(anonymous.body).toMatchObject({ submittedBy: 'local', verdict: { lintedBy: 'local' } });
  });
});
