import { bundledConfig } from '../lib/service/bundled-config';
import { configRoutes } from '../lib/service/config';
import { createLambdaHandler } from '../lib/service/lambda';
import { lintRoutes } from '../lib/service/lint-routes';

const config = bundledConfig();

/** POST /v1/lint, POST /v1/lint/batch, GET /v1/config and GET /v1/openapi.json: no table, no SNS. */
export const handler = createLambdaHandler(() => [...lintRoutes(config), ...configRoutes(config)]);
