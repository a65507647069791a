import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The one DynamoDB table of the service, shared by the CDK stack and the local mode so
 * both create the same table. Generic keys, one item kind per sort-key prefix:
 *
 * | item              | pk                          | sk                     |
 * |-------------------|-----------------------------|------------------------|
 * | template version  | `TEMPLATE#<templateId>`     | `VERSION#<10 digits>`  |
 * | relint verdict    | `TEMPLATE#<templateId>`     | `VERDICT#<10 digits>#<6 digits>` |
 * | approval          | `TEMPLATE#<templateId>`     | `APPROVAL#<10 digits>#<6 digits>` (the verdict approved) |
 * | retirement        | `TEMPLATE#<templateId>`     | `RETIRED#<10 digits>`  |
 * | dispatch record   | `TEMPLATE#<templateId>`     | `DISPATCH#<dispatchId>`|
 * | idempotency claim | `IDEMPOTENCY#<templateId>#<key>` | `IDEMPOTENCY`     |
 * | archive           | `TEMPLATE#<templateId>`     | `ARCHIVED`             |
 * | template entry    | `TEMPLATES`                 | `TEMPLATE#<templateId>`|
 *
 * Versions are zero-padded so that the sort key orders them: the latest version is the
 * first item of a reverse Query on `begins_with(sk, 'VERSION#')`. The template entries
 * under the one `TEMPLATES` partition list the templates without a Scan; a team keeps
 * hundreds of templates, far below what one partition serves.
 */
export const tableKeys = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
} as const;

/** The arguments of `CreateTable` for the local mode (on-demand, as in AWS). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [
      { AttributeName: tableKeys.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: tableKeys.sortKey.name, KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: tableKeys.partitionKey.name, AttributeType: tableKeys.partitionKey.type },
      { AttributeName: tableKeys.sortKey.name, AttributeType: tableKeys.sortKey.type },
    ],
  };
}

const VERSION_DIGITS = 10;
const SEQUENCE_DIGITS = 6;
const padVersion = (version: number) => String(version).padStart(VERSION_DIGITS, '0');
const padSequence = (sequence: number) => String(sequence).padStart(SEQUENCE_DIGITS, '0');

export const keys = {
  template: (templateId: string) => `TEMPLATE#${templateId}`,
  versionPrefix: 'VERSION#',
  version: (version: number) => `VERSION#${padVersion(version)}`,
  verdictPrefix: (version: number) => `VERDICT#${padVersion(version)}#`,
  verdict: (version: number, sequence: number) => `VERDICT#${padVersion(version)}#${padSequence(sequence)}`,
  approval: (version: number, verdictSequence: number) => `APPROVAL#${padVersion(version)}#${padSequence(verdictSequence)}`,
  retirement: (version: number) => `RETIRED#${padVersion(version)}`,
  dispatchPrefix: 'DISPATCH#',
  dispatch: (dispatchId: string) => `DISPATCH#${dispatchId}`,
  archive: 'ARCHIVED',
  templateIndex: 'TEMPLATES',
  templateEntry: (templateId: string) => `TEMPLATE#${templateId}`,
  /** A key nothing is stored under: reading it tells whether the table answers. */
  health: 'HEALTH',
  idempotency: (templateId: string, key: string) => `IDEMPOTENCY#${templateId}#${key}`,
  idempotencySort: 'IDEMPOTENCY',
} as const;
