import { ConditionalCheckFailedException, DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Template } from '../engine';
import { StoreUnavailableError, VersionTooLargeError } from './errors';
import type { Approval, Archive, DispatchRecord, IdempotencyClaim, KeyPage, Retirement, TemplateStore, TemplateVersion, Verdict, VerdictRecord, VersionPage } from './store';
import { keys } from './table';

/** Writers racing for the next version (or verdict) number: past this many attempts it is 503. */
const MAX_APPEND_ATTEMPTS = 100;
/** DynamoDB holds 400 KB an item; what JSON measures is kept under it with room for the keys and names. */
const MAX_VERSION_BYTES = 380_000;

/** Errors after which a retry later may succeed: answered 503 with Retry-After. */
const UNAVAILABLE_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'LimitExceededException',
  'TimeoutError',
]);

/**
 * The template is stored as its JSON text: it holds client schemas of any depth and any
 * number, which a DynamoDB map could refuse (32 levels, 38 digits) or round.
 */
interface VersionItem {
  pk: string;
  sk: string;
  templateId: string;
  version: number;
  templateJson: string;
  submittedBy: string;
  verdict: Verdict;
}

/**
 * `TemplateStore` on one DynamoDB table (see `table.ts`). Conditional writes only, no
 * transactions (dynalite has none): a version is claimed by a put that fails when the
 * key exists, so concurrent submissions get distinct numbers and never overwrite.
 */
export class DynamoTemplateStore implements TemplateStore {
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    private readonly tableName: string,
    client: DynamoDBClient,
  ) {
    this.documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  /** A client for `config` (region, endpoint and credentials for dynalite locally). */
  static create(tableName: string, config: DynamoDBClientConfig = {}): DynamoTemplateStore {
    return new DynamoTemplateStore(tableName, new DynamoDBClient(config));
  }

  async appendVersion(templateId: string, content: Omit<TemplateVersion, 'templateId' | 'version'>): Promise<number> {
    checkSize(JSON.stringify(content.template), content.verdict);
    const item = (version: number): VersionItem => ({
      pk: keys.template(templateId),
      sk: keys.version(version),
      templateId,
      version,
      templateJson: JSON.stringify(content.template),
      submittedBy: content.submittedBy,
      verdict: content.verdict,
    });
    return this.appendNext(keys.template(templateId), keys.versionPrefix, 'version', item, `template ${templateId}`);
  }

  async appendVerdict(templateId: string, version: number, verdict: Verdict): Promise<number> {
    checkSize('', verdict);
    const item = (sequence: number): VerdictRecord & { pk: string; sk: string } => ({
      pk: keys.template(templateId),
      sk: keys.verdict(version, sequence),
      templateId,
      version,
      sequence,
      verdict,
    });
    return this.appendNext(keys.template(templateId), keys.verdictPrefix(version), 'sequence', item, `version ${version} of ${templateId}`);
  }

  async getLatestVerdict(templateId: string, version: number): Promise<VerdictRecord | undefined> {
    const items = await this.queryPrefix(keys.template(templateId), keys.verdictPrefix(version), { ScanIndexForward: false, Limit: 1 });
    return withoutKeys(items[0]) as VerdictRecord | undefined;
  }

  putApproval(approval: Approval): Promise<boolean> {
    return this.putIfAbsent({ pk: keys.template(approval.templateId), sk: keys.approval(approval.version, approval.verdictSequence), ...approval });
  }

  async getApproval(templateId: string, version: number, verdictSequence: number): Promise<Approval | undefined> {
    return withoutKeys(await this.get(keys.template(templateId), keys.approval(version, verdictSequence))) as Approval | undefined;
  }

  putRetirement(retirement: Retirement): Promise<boolean> {
    return this.putIfAbsent({ pk: keys.template(retirement.templateId), sk: keys.retirement(retirement.version), ...retirement });
  }

  async getRetirement(templateId: string, version: number): Promise<Retirement | undefined> {
    return withoutKeys(await this.get(keys.template(templateId), keys.retirement(version))) as Retirement | undefined;
  }

  /**
   * Puts `item(n)` under the next free number after the highest under `prefix` (read from
   * `attribute`). Writers racing for one number: each loser tries again above the latest,
   * so the k-th of k simultaneous writers needs k puts. Past a limit it is 503 (retry later).
   */
  private async appendNext(pk: string, prefix: string, attribute: string, item: (n: number) => object, what: string): Promise<number> {
    let number = await this.latestNumber(pk, prefix, attribute);
    for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
      if (attempt > 0) {
        // Lost the number: wait a little (jittered, so racing writers spread out) and start
        // again from the latest, instead of climbing one by one behind writers that keep coming.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attempt)));
        number = Math.max(number, await this.latestNumber(pk, prefix, attribute));
      }
      // A number is only tried once the one below it is taken: no gaps.
      number++;
      if (await this.putIfAbsent(item(number))) return number;
    }
    throw new StoreUnavailableError(new Error(`too many concurrent writes for ${what}`));
  }

  async getLatestVersion(templateId: string): Promise<TemplateVersion | undefined> {
    return (await this.queryVersions(templateId, 1)).items[0];
  }

  private async latestNumber(pk: string, prefix: string, attribute: string): Promise<number> {
    const items = await this.queryPrefix(pk, prefix, { ProjectionExpression: '#n', ExpressionAttributeNames: { '#n': attribute }, ScanIndexForward: false, Limit: 1 });
    return (items[0]?.[attribute] as number | undefined) ?? 0;
  }

  /** The items of `pk` whose sort key starts with `prefix`, read consistently, with the query's other settings in `options`. */
  private async queryPrefix(pk: string, prefix: string, options: Partial<QueryCommandInput>): Promise<Record<string, unknown>[]> {
    const result = await this.send(() =>
      this.documents.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
          ConsistentRead: true,
          ...options,
        }),
      ),
    );
    return result.Items ?? [];
  }

  async getVersion(templateId: string, version: number): Promise<TemplateVersion | undefined> {
    const item = await this.get(keys.template(templateId), keys.version(version));
    return item && toVersion(item as unknown as VersionItem);
  }

  async listVersions(templateId: string, page: { limit: number; before?: number }): Promise<VersionPage> {
    // One item more than asked says whether a next page exists without an empty last page.
    const { items, cut } = await this.queryVersions(templateId, page.limit + 1, page.before);
    // DynamoDB ends a page at 1 MB: a page cut short continues below its last version.
    if (items.length <= page.limit) return cut && items.length > 0 ? { items, nextBefore: items[items.length - 1].version } : { items };
    const shown = items.slice(0, page.limit);
    return { items: shown, nextBefore: shown[shown.length - 1].version };
  }

  async getClaim(templateId: string, idempotencyKey: string): Promise<IdempotencyClaim | undefined> {
    return withoutKeys(await this.get(keys.idempotency(templateId, idempotencyKey), keys.idempotencySort)) as IdempotencyClaim | undefined;
  }

  async claim(claim: IdempotencyClaim, abandonedDispatchId?: string): Promise<boolean> {
    const item = { pk: keys.idempotency(claim.templateId, claim.idempotencyKey), sk: keys.idempotencySort, ...claim };
    const takeOver = abandonedDispatchId === undefined ? {} : { ':pending': 'pending', ':abandoned': abandonedDispatchId };
    return this.conditional(() =>
      this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression:
            'attribute_not_exists(pk) OR #status = :failed' + (abandonedDispatchId === undefined ? '' : ' OR (#status = :pending AND dispatchId = :abandoned)'),
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':failed': 'failed', ...takeOver },
        }),
      ),
    );
  }

  async hasDispatch(templateId: string, dispatchId: string): Promise<boolean> {
    return (await this.get(keys.template(templateId), keys.dispatch(dispatchId))) !== undefined;
  }

  async createDispatch(record: DispatchRecord): Promise<void> {
    const stored = await this.putIfAbsent({ pk: keys.template(record.templateId), sk: keys.dispatch(record.dispatchId), ...record });
    if (!stored) throw new Error(`dispatch ${record.dispatchId} exists already`);
  }

  async updateDispatch(record: DispatchRecord): Promise<void> {
    await this.send(() =>
      this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: keys.template(record.templateId), sk: keys.dispatch(record.dispatchId) },
          UpdateExpression: 'SET #status = :status, messageId = :messageId, updatedAt = :at, #error = :error',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
          ExpressionAttributeValues: { ':status': record.status, ':messageId': record.messageId ?? null, ':at': record.updatedAt, ':error': record.error ?? null },
        }),
      ),
    );
  }

  async settleClaim(record: DispatchRecord): Promise<void> {
    // Only the claim that still points to this dispatch is updated: a later retry may own it.
    await this.conditional(() =>
      this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: keys.idempotency(record.templateId, record.idempotencyKey), sk: keys.idempotencySort },
          UpdateExpression: 'SET #status = :status, messageId = :messageId, updatedAt = :at',
          ConditionExpression: 'dispatchId = :dispatchId',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': record.status, ':messageId': record.messageId ?? null, ':at': record.updatedAt, ':dispatchId': record.dispatchId },
        }),
      ),
    );
  }

  async registerTemplate(templateId: string): Promise<void> {
    await this.putIfAbsent({ pk: keys.templateIndex, sk: keys.templateEntry(templateId), templateId });
  }

  async listTemplates(page: { limit: number; after?: string }): Promise<KeyPage<string>> {
    const found = await this.queryAfter(keys.templateIndex, keys.templateEntry(''), page.limit, page.after && keys.templateEntry(page.after));
    const ids = found.items.map((item) => item.templateId as string);
    return { items: ids, ...(found.more && { nextAfter: ids[ids.length - 1] }) };
  }

  putArchive(archive: Archive): Promise<boolean> {
    return this.putIfAbsent({ pk: keys.template(archive.templateId), sk: keys.archive, ...archive });
  }

  async getArchive(templateId: string): Promise<Archive | undefined> {
    return withoutKeys(await this.get(keys.template(templateId), keys.archive)) as Archive | undefined;
  }

  async listDispatches(templateId: string, page: { limit: number; after?: string }): Promise<KeyPage<DispatchRecord>> {
    const found = await this.queryAfter(keys.template(templateId), keys.dispatchPrefix, page.limit, page.after && keys.dispatch(page.after));
    const records = found.items.map((item) => withoutKeys(item) as unknown as DispatchRecord);
    return { items: records, ...(found.more && { nextAfter: records[records.length - 1].dispatchId }) };
  }

  async ping(): Promise<void> {
    await this.get(keys.health, keys.health);
  }

  /**
   * Up to `limit` items of `pk` whose sort key starts with `prefix`, in key order, after
   * the sort key `afterSk`. `more`: one item more than asked exists, or DynamoDB cut the
   * page at 1 MB; either way the next page continues after the last item returned.
   */
  private async queryAfter(pk: string, prefix: string, limit: number, afterSk?: string): Promise<{ items: Record<string, unknown>[]; more: boolean }> {
    const result = await this.send(() =>
      this.documents.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
          ...(afterSk !== undefined && { ExclusiveStartKey: { pk, sk: afterSk } }),
          ConsistentRead: true,
          Limit: limit + 1,
        }),
      ),
    );
    const items = result.Items ?? [];
    if (items.length > limit) return { items: items.slice(0, limit), more: true };
    return { items, more: result.LastEvaluatedKey !== undefined && items.length > 0 };
  }

  /** `cut`: DynamoDB stopped before `limit` (its 1 MB page), so older versions may follow. */
  private async queryVersions(templateId: string, limit: number, before?: number): Promise<{ items: TemplateVersion[]; cut: boolean }> {
    const result = await this.send(() =>
      this.documents.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: before === undefined ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk AND sk BETWEEN :prefix AND :before',
          ExpressionAttributeValues: {
            ':pk': keys.template(templateId),
            ':prefix': keys.versionPrefix,
            ...(before === undefined ? {} : { ':before': keys.version(before - 1) }),
          },
          ScanIndexForward: false,
          ConsistentRead: true,
          Limit: limit,
        }),
      ),
    );
    const items = (result.Items ?? []).map((item) => toVersion(item as VersionItem));
    return { items, cut: result.LastEvaluatedKey !== undefined && items.length < limit };
  }

  private async get(pk: string, sk: string): Promise<Record<string, unknown> | undefined> {
    const result = await this.send(() => this.documents.send(new GetCommand({ TableName: this.tableName, Key: { pk, sk }, ConsistentRead: true })));
    return result.Item;
  }

  private putIfAbsent(item: object): Promise<boolean> {
    return this.conditional(() =>
      this.documents.send(new PutCommand({ TableName: this.tableName, Item: { ...item }, ConditionExpression: 'attribute_not_exists(pk)' })),
    );
  }

  /** Runs a conditional write: false when its condition failed. */
  private async conditional(write: () => Promise<unknown>): Promise<boolean> {
    try {
      await this.send(write);
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  private async send<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw isUnavailable(error) ? new StoreUnavailableError(error) : error;
    }
  }
}

function toVersion({ templateId, version, templateJson, submittedBy, verdict }: VersionItem): TemplateVersion {
  return { templateId, version, template: JSON.parse(templateJson) as Template, submittedBy, verdict };
}

/** An item as the port's record: its table keys left out. */
function withoutKeys(item: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest;
}

/** What JSON measures of a template and a verdict is kept under the item limit, with room for the keys and names. */
function checkSize(templateJson: string, verdict: Verdict): void {
  const size = Buffer.byteLength(templateJson) + Buffer.byteLength(JSON.stringify(verdict));
  if (size > MAX_VERSION_BYTES) throw new VersionTooLargeError(size, MAX_VERSION_BYTES);
}

/** Throttling, a server-side fault or no answer at all (connection refused, timeout). */
function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (UNAVAILABLE_ERRORS.has(error.name)) return true;
  const metadata = (error as { $metadata?: { httpStatusCode?: number } }).$metadata;
  if ((metadata?.httpStatusCode ?? 0) >= 500) return true;
  // The SDK keeps a socket error's code, or only its text when it re-wraps the error.
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && NETWORK_ERRORS.test(code)) || NETWORK_ERRORS.test(error.message);
}

const NETWORK_ERRORS = /\b(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE)\b/;
