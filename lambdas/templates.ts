import { bundledConfig } from '../lib/service/bundled-config';
import { DynamoTemplateStore } from '../lib/service/dynamo-store';
import { requiredEnv } from '../lib/service/env';
import { createLambdaHandler } from '../lib/service/lambda';
import { reviewRoutes } from '../lib/service/review-routes';
import { templateRoutes } from '../lib/service/template-routes';

const store = DynamoTemplateStore.create(requiredEnv('TABLE_NAME'));
const config = bundledConfig();

/** PUT/GET /v1/templates/{templateId}, its versions and one version; approving, relinting and retiring a version. */
export const handler = createLambdaHandler(() => {
  const deps = { store, now: () => new Date(), config };
  return [...templateRoutes(deps), ...reviewRoutes(deps)];
});
