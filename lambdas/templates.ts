import { DynamoTemplateStore } from '../lib/service/dynamo-store';
import { requiredEnv } from '../lib/service/env';
import { createLambdaHandler } from '../lib/service/lambda';
import { templateRoutes } from '../lib/service/template-routes';

const store = DynamoTemplateStore.create(requiredEnv('TABLE_NAME'));

/** PUT/GET /v1/templates/{templateId}, its versions and one version. */
export const handler = createLambdaHandler(() => templateRoutes({ store, now: () => new Date() }));
