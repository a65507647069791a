import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { rules } from '../../lib/engine';
import { HmacRequestMac } from '../../lib/local/request-key';
import { DynamoTemplateStore } from '../../lib/service/dynamo-store';
import type { ServiceRequest, ServiceResponse } from '../../lib/service/http';
import type { Logger } from '../../lib/service/logger';
import { createTableInput } from '../../lib/service/table';

export const TABLE = 'smslint-test';

/** An in-memory dynalite with the service's table: the real DynamoDB API, conditions and all. */
export async function startTable() {
  const server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'local',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  await client.send(new CreateTableCommand(createTableInput(TABLE)));
  await waitUntilTableExists({ client, maxWaitTime: 10, minDelay: 0.05, maxDelay: 0.2 }, { TableName: TABLE });
  return {
    client,
    store: new DynamoTemplateStore(TABLE, client),
    /** Every item of the table, read back. */
    async items(): Promise<Record<string, unknown>[]> {
      const result = await DynamoDBDocumentClient.from(client).send(new ScanCommand({ TableName: TABLE, ConsistentRead: true }));
      return result.Items ?? [];
    },
    async close() {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A logger that keeps its lines, so tests can read what would have been logged. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string, ...attributes: Record<string, unknown>[]) => {
    lines.push(JSON.stringify({ level, message, ...Object.assign({}, ...attributes) }));
  };
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** The idempotency fingerprint key of the tests' services (the local mode's HMAC, with a key in memory). */
export const requestMac = new HmacRequestMac(randomBytes(32));

/** Who calls when a test does not say: the principal the adapters would have identified. */
export const SUBMITTER = 'arn:aws:iam::111122223333:user/submitter';
export const APPROVER = 'arn:aws:iam::111122223333:user/approver';

export interface CallOptions {
  body?: unknown;
  /** The caller; `null` for a request no adapter could identify. */
  principal?: string | null;
  /** The Cognito groups of a signed-in person; absent for IAM and local callers. */
  groups?: readonly string[];
  /** A raw body, sent as is. */
  raw?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

/** Calls the core like an adapter would; JSON bodies get `content-type: application/json`. */
export async function call(
  handle: (request: ServiceRequest) => Promise<ServiceResponse>,
  method: string,
  path: string,
  { body, raw, headers = {}, query = {}, principal = SUBMITTER, groups }: CallOptions = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are read field by field in assertions
): Promise<{ status: number; headers: Record<string, string>; json: any }> {
  const text = raw ?? (body === undefined ? null : JSON.stringify(body));
  const response = await handle({
    method,
    path,
    query,
    headers: { ...(text === null ? {} : { 'content-type': 'application/json' }), ...headers },
    body: text,
    principal,
    ...(groups && { groups }),
  });
  return { status: response.status, headers: response.headers, json: JSON.parse(response.body) };
}

/** Approves the current verdict of a version as APPROVER (someone other than the submitter): 201. */
export async function approve(handle: (request: ServiceRequest) => Promise<ServiceResponse>, templateId: string, version = 1) {
  const approved = await call(handle, 'POST', `/v1/templates/${templateId}/versions/${version}/approval`, {
    body: { reason: 'reviewed for the tests of the dispatch gate' },
    principal: APPROVER,
  });
  expect(approved.status).toBe(201);
  return approved;
}

/**
 * Suppresses every rule but `except`, each with a reason: the verdict then passes
 * whatever the rules find in it, which is what the gate's tests need.
 */
export function suppressAllBut(...except: string[]) {
  return Object.keys(rules)
    .filter((rule) => !except.includes(rule))
    .map((rule) => ({ rule, reason: 'accepted for the test of the dispatch gate' }));
}
