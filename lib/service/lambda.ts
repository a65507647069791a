import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { createRequestHandler } from './api';
import { requiredEnv } from './env';
import type { Route, ServiceRequest, ServiceResponse } from './http';
import type { Logger } from './logger';

/**
 * API Gateway REST proxy event → the core's request (header names lower-cased). The
 * principal is the caller's IAM ARN as API Gateway verified it (SigV4): a client's
 * `X-Smslint-Principal` header is only a header here, it names nobody.
 */
export function toServiceRequest(event: APIGatewayProxyEvent): ServiceRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.queryStringParameters ?? {})) {
    if (value !== undefined) query[name] = value;
  }
  const body = event.body === null || event.body === undefined ? null : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  const principal = event.requestContext?.identity?.userArn ?? null;
  return { method: event.httpMethod, path: event.path, query, headers, body, principal: principal === '' ? null : principal };
}

export function toProxyResult(response: ServiceResponse): APIGatewayProxyResult {
  return { statusCode: response.status, headers: response.headers, body: response.body };
}

/**
 * Builds a Lambda handler over a set of routes: the environment is checked and the
 * logger and routes (with their SDK clients) are built once, at module load.
 */
export function createLambdaHandler(buildRoutes: (logger: Logger) => Route[]): (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult> {
  requiredEnv('POWERTOOLS_SERVICE_NAME');
  requiredEnv('POWERTOOLS_LOG_LEVEL');
  const logger = new PowertoolsLogger();
  const handle = createRequestHandler(buildRoutes(logger), logger);
  return async (event) => toProxyResult(await handle(toServiceRequest(event)));
}
