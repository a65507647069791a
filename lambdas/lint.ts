import { createLambdaHandler } from '../lib/service/lambda';
import { lintRoutes } from '../lib/service/lint-routes';

/** POST /v1/lint and GET /v1/openapi.json: no table, no SNS. */
export const handler = createLambdaHandler(() => lintRoutes());
