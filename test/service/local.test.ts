import { mkdtempSync, rmSync } from 'node:fs';
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
    { messageId: sent.body.messageId, to: '+33*******78', body: BETTER, category: 'transactional', senderId: 'Orange', publishedAt: expect.any(String) },
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
    '/v1/templates/{templateId}',
    '/v1/templates/{templateId}/versions',
    '/v1/templates/{templateId}/versions/{version}',
    '/v1/templates/{templateId}/dispatch',
  ]);
  expect(body.components.schemas.LintRequest.properties.template).toEqual({ $ref: '#/components/schemas/Template' });
  expect(body.components.schemas.Template.required).toEqual(['locale', 'category', 'body']);
});
