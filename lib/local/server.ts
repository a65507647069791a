import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, ResourceNotFoundException, DescribeTableCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { pageHeaders } from '../web/headers';
import { renderPlaygroundPage } from '../web/page';
import { DynamoTemplateStore } from '../service/dynamo-store';
import type { ServiceConfig } from '../service/config';
import type { Route, ServiceRequest } from '../service/http';
import { MAX_BODY_BYTES, jsonResponse } from '../service/json';
import type { Logger } from '../service/logger';
import { createServiceHandler } from '../service/service';
import { createTableInput } from '../service/table';
import { JsonConsoleLogger } from './console-logger';
import { OutboxPublisher } from './outbox';
import { HmacRequestMac } from './request-key';

export interface LocalServiceOptions {
  port: number;
  host?: string;
  /**
   * Holds `dynamodb/` (dynalite's LevelDB), `outbox.jsonl` and `idempotency.key`, readable
   * by their owner only (0700, files 0600). One server per directory.
   */
  dataDir: string;
  logger?: Logger;
  /** The config the service lints with (`GET /v1/config`); the engine's defaults when absent. */
  config?: ServiceConfig;
  /** The service's clock (verdict, approval and dispatch dates); the system clock when absent. Tests fix it. */
  now?: () => Date;
  /** Dispatch ids; `randomUUID` when absent. Tests count instead. */
  newId?: () => string;
}

export interface LocalService {
  url: string;
  close(): Promise<void>;
}

const TABLE_NAME = 'smslint';

/**
 * The service on this machine, with no AWS account: dynalite (in process, data on disk)
 * as DynamoDB, a JSON-lines outbox as SNS, a key file as the KMS HMAC key, the same routes
 * behind `node:http`, plus the playground page at `/` and `GET /v1/outbox`.
 *
 * Who calls is the `X-Smslint-Principal` header (default `local`): anyone on this machine
 * may claim any name, which is what a local stand-in for IAM can do. A web page cannot
 * reach it through DNS rebinding: a request whose `Host` is not 127.0.0.1, localhost or
 * [::1] with this port is refused (421).
 */
export async function startLocalService({ port, host = '127.0.0.1', dataDir, logger = new JsonConsoleLogger('smslint-local'), config, now = () => new Date(), newId = randomUUID }: LocalServiceOptions): Promise<LocalService> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // An existing directory keeps its mode: it holds rendered texts and the key, so it is made private.
  chmodSync(dataDir, 0o700);
  const unlock = lockDataDir(dataDir);
  mkdirSync(join(dataDir, 'dynamodb'), { recursive: true, mode: 0o700 });
  const database = dynalite({ createTableMs: 0, path: join(dataDir, 'dynamodb') });
  await listen(database, 0, '127.0.0.1', 'dynalite');
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${(database.address() as AddressInfo).port}`,
    region: 'local',
    // dynalite checks nothing, but the SDK signs every request.
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  let server: Server | undefined;
  /** Requests still being handled: dynalite must outlive them, or its late callbacks throw "Database is closed" and end the process. */
  const inFlight = new Set<Promise<void>>();
  try {
    await ensureTable(client, dataDir);
    const outbox = new OutboxPublisher(join(dataDir, 'outbox.jsonl'));
    const localRoutes: Route[] = [
      { method: 'GET', pattern: '/', handle: async () => ({ status: 200, headers: pageHeaders(renderPlaygroundPage()), body: renderPlaygroundPage() }) },
      { method: 'GET', pattern: '/v1/outbox', handle: async () => jsonResponse(200, { items: await outbox.records() }) },
    ];
    const handle = createServiceHandler(
      {
        store: new DynamoTemplateStore(TABLE_NAME, client),
        publisher: outbox,
        logger,
        now,
        newId,
        requestMac: HmacRequestMac.fromFile(join(dataDir, 'idempotency.key')),
        config,
      },
      localRoutes,
    );
    const listening = createServer((incoming, outgoing) => {
      if (!isOwnHost(incoming.headers.host, (listening.address() as AddressInfo).port)) {
        incoming.resume();
        const refusal = jsonResponse(421, {
          error: { code: 'misdirected_request', message: 'this server answers only to 127.0.0.1, localhost or [::1] with its port', details: [{ path: 'header/host', message: 'is not this server' }] },
        });
        outgoing.writeHead(refusal.status, refusal.headers).end(refusal.body);
        return;
      }
      const answered = readRequest(incoming)
        .then(handle)
        .then((response) => void outgoing.writeHead(response.status, response.headers).end(response.body))
        .catch((error: unknown) => {
          logger.error('local server error', { error: error instanceof Error ? error.message : String(error) });
          if (!outgoing.headersSent) outgoing.writeHead(500).end();
        });
      inFlight.add(answered);
      void answered.finally(() => inFlight.delete(answered));
    });
    server = listening;
    await listen(server, port, host, 'the smslint server');
  } catch (error) {
    await closeAll(undefined, database, client);
    unlock();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const running = server;
  return { url: `http://${shownHost}:${address.port}`, close: () => closeAll(running, database, client, inFlight).finally(unlock) };
}

/** The Host header of a request meant for this server: a loopback name with its port. */
function isOwnHost(host: string | undefined, port: number): boolean {
  return host !== undefined && ['127.0.0.1', 'localhost', '[::1]'].some((name) => host.toLowerCase() === `${name}:${port}`);
}

/**
 * One server per data directory: a second dynalite on the same LevelDB crashes its whole
 * process with "Database is closed", so the directory is claimed first with a lock file
 * holding our pid. A lock left by a process that no longer runs is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = join(dataDir, 'server.lock');
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(readFileSync(lockFile, 'utf8'));
    if (isRunning(owner)) {
      throw new Error(`the data directory ${dataDir} is in use by another smslint server (pid ${owner}); stop it or set SMSLINT_DATA_DIR`);
    }
    rmSync(lockFile, { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The table of the AWS stack, created on first start; dynalite keeps it on disk afterwards. */
async function ensureTable(client: DynamoDBClient, dataDir: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: TABLE_NAME }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) {
      throw new Error(`cannot open the local database in ${dataDir} (is another smslint server using this directory?): ${(error as Error).message}`);
    }
  }
  await client.send(new CreateTableCommand(createTableInput(TABLE_NAME)));
  await waitUntilTableExists({ client, maxWaitTime: 10, minDelay: 0.05, maxDelay: 0.2 }, { TableName: TABLE_NAME });
}

/** The body is read up to one byte past the limit: enough for the core to answer 413, never more in memory. */
async function readRequest(incoming: IncomingMessage): Promise<ServiceRequest> {
  // The path as sent, not normalised: `new URL` would resolve `%2E%2E` and send
  // `/v1/templates/a/versions/%2E%2E` to another route; API Gateway does not either.
  const target = incoming.url ?? '/';
  const queryStart = target.indexOf('?');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    if (size > MAX_BODY_BYTES) continue;
    chunks.push(chunk);
    size += chunk.length;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(queryStart < 0 ? '' : target.slice(queryStart + 1))) query[name] ??= value;
  const body = chunks.length === 0 ? null : Buffer.concat(chunks).toString('utf8');
  // Local only: in AWS the principal is the signed caller's ARN, and this header names nobody.
  const principal = headers['x-smslint-principal'] ?? 'local';
  return { method: incoming.method ?? 'GET', path: queryStart < 0 ? target : target.slice(0, queryStart), query, headers, body, principal };
}

function listen(server: Server, port: number, host: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new Error(`${what} cannot listen on ${host}:${port}: the port is in use (set PORT to another one)`) : error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

async function closeAll(server: Server | undefined, database: Server, client: DynamoDBClient, inFlight = new Set<Promise<void>>()): Promise<void> {
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await Promise.all(inFlight);
  client.destroy();
  await new Promise<void>((resolve) => database.close(() => resolve()));
}
