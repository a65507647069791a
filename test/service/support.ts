import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { rules } from '../../lib/engine';
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

export interface CallOptions {
  body?: unknown;
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
  { body, raw, headers = {}, query = {} }: CallOptions = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are read field by field in assertions
): Promise<{ status: number; headers: Record<string, string>; json: any }> {
  const text = raw ?? (body === undefined ? null : JSON.stringify(body));
  const response = await handle({
    method,
    path,
    query,
    headers: { ...(text === null ? {} : { 'content-type': 'application/json' }), ...headers },
    body: text,
  });
  return { status: response.status, headers: response.headers, json: JSON.parse(response.body) };
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
