import { mkdtempSync, rmSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { startLocalService, type LocalService } from '../../../lib/local/server';
import type { Logger } from '../../../lib/service/logger';
import { memoryLogger } from '../../service/support';

/** The local service over real HTTP, on an OS-chosen port, with its data in a fresh temp directory. */
export interface LocalHarness {
  /** Changes after `storedItems()`, which restarts the server. */
  readonly url: string;
  readonly dataDir: string;
  readonly logger: Logger & { lines: string[] };
  /**
   * Every item of the service's table as stored on disk. `startLocalService` does not
   * expose its DynamoDB client and one dynalite only may open a directory, so the server
   * is stopped, the directory is scanned by a dynalite of our own, and the server restarts.
   */
  storedItems(): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<LocalHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'smslint-reliability-'));
  const logger = memoryLogger();
  let service: LocalService | undefined = await startLocalService({ port: 0, dataDir, logger });
  return {
    get url() {
      if (!service) throw new Error('the local service is stopped');
      return service.url;
    },
    dataDir,
    logger,
    async storedItems() {
      await service?.close();
      service = undefined;
      const items = await scanDataDir(join(dataDir, 'dynamodb'));
      service = await startLocalService({ port: 0, dataDir, logger });
      return items;
    },
    async close() {
      await service?.close();
      service = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function scanDataDir(path: string): Promise<Record<string, unknown>[]> {
  const database = dynalite({ createTableMs: 0, path });
  await new Promise<void>((resolve) => database.listen(0, '127.0.0.1', resolve));
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${(database.address() as AddressInfo).port}`,
    region: 'local',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  try {
    const documents = DynamoDBDocumentClient.from(client);
    const items: Record<string, unknown>[] = [];
    for (const tableName of (await client.send(new ListTablesCommand({}))).TableNames ?? []) {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await documents.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: start }));
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
    }
    return items;
  } finally {
    client.destroy();
    await new Promise<void>((resolve) => database.close(() => resolve()));
  }
}

export interface HttpCall {
  method: string;
  /** Sent byte for byte: no normalisation of `..`, `//` or percent-escapes. */
  path: string;
  /** A raw body, sent as is. */
  body?: string;
  headers?: Record<string, string>;
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The parsed body when it is JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are read field by field in assertions
  json: any;
}

/**
 * One request over `node:http`, which (unlike fetch) sends no content type of its own,
 * sends a body with any method, and leaves the path alone.
 */
export function send(url: string, { method, path, body, headers = {} }: HttpCall): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    // Host and port apart from the path: a URL string would be normalised by WHATWG URL parsing.
    const { hostname, port } = new URL(url);
    const outgoing = request({ hostname, port, path, method, headers, agent: false }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const isJson = /^application\/json/.test(incoming.headers['content-type'] ?? '');
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text, json: isJson ? JSON.parse(text) : undefined });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** A JSON request: the value serialised, with `content-type: application/json`. */
export function sendJson(url: string, method: string, path: string, value: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return send(url, { method, path, body: JSON.stringify(value), headers: { 'content-type': 'application/json', ...headers } });
}

/**
 * Writes raw bytes on a fresh connection and reads until the server closes it: for
 * requests no HTTP client would send. With `hangUp`, the client closes its side right
 * after writing, as a client that dies mid-request.
 */
export function sendBytes(url: string, bytes: string, { hangUp = false } = {}): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(bytes, () => {
        if (hangUp) socket.destroy();
      });
    });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}
