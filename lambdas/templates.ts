import { bundledConfig } from '../lib/service/bundled-config';
import { DynamoTemplateStore } from '../lib/service/dynamo-store';
import { requiredEnv } from '../lib/service/env';
import { healthRoutes } from '../lib/service/health-routes';
import { createLambdaHandler } from '../lib/service/lambda';
import { reviewRoutes } from '../lib/service/review-routes';
import { templateRoutes } from '../lib/service/template-routes';

const store = DynamoTemplateStore.create(requiredEnv('TABLE_NAME'));
const config = bundledConfig();

/**
 * Templates: submitting, reading, listing and archiving them, their versions and dispatches;
 * approving, relinting and retiring a version; and the health check (this function reads the table).
 */
export const handler = createLambdaHandler((logger) => {
  const deps = { store, now: () => new Date(), config };
  return [...templateRoutes(deps), ...reviewRoutes(deps), ...healthRoutes(store, logger)];
});
