import { randomUUID } from 'node:crypto';
import { KMSClient } from '@aws-sdk/client-kms';
import { SNSClient } from '@aws-sdk/client-sns';
import { bundledConfig } from '../lib/service/bundled-config';
import { dispatchRoutes } from '../lib/service/dispatch-routes';
import { DynamoTemplateStore } from '../lib/service/dynamo-store';
import { requiredEnv } from '../lib/service/env';
import { createLambdaHandler } from '../lib/service/lambda';
import { SnsSmsPublisher } from '../lib/service/publisher';
import { KmsRequestMac } from '../lib/service/request-mac';

const store = DynamoTemplateStore.create(requiredEnv('TABLE_NAME'));
const publisher = new SnsSmsPublisher(new SNSClient({}));
const requestMac = new KmsRequestMac(new KMSClient({}), requiredEnv('IDEMPOTENCY_KEY_ARN'));
const config = bundledConfig();

/** POST /v1/templates/{templateId}/dispatch: the gate in front of SNS. */
export const handler = createLambdaHandler((logger) =>
  dispatchRoutes({ store, publisher, logger, now: () => new Date(), newId: randomUUID, requestMac, config }),
);
