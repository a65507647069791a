import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { createRequestHandler } from './api';
import { requiredEnv } from './env';
import type { Route, ServiceRequest, ServiceResponse } from './http';
import type { Logger } from './logger';

/**
 * API Gateway REST proxy event → the core's request (header names lower-cased). The caller
 * is who API Gateway verified: a person's ID token (the Cognito authorizer's claims) or an
 * IAM signature (SigV4). A client's `X-Smslint-Principal` header is only a header here, it
 * names nobody.
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
  return { method: event.httpMethod, path: event.path, query, headers, body, ...callerOf(event.requestContext) };
}

/**
 * A person of the user pool is `cognito:<username>` (unique in the pool and immutable, so
 * the self-approval check holds, and readable in the history) with their groups; an IAM
 * caller is its principal ARN, with no groups as its policy decided what it may call.
 */
function callerOf(context: APIGatewayProxyEvent['requestContext'] | undefined): Pick<ServiceRequest, 'principal' | 'groups'> {
  const claims: Record<string, unknown> | undefined = context?.authorizer?.claims;
  if (claims) {
    const username = claims['cognito:username'];
    return { principal: typeof username === 'string' && username !== '' ? `cognito:${username}` : null, groups: groupsClaim(claims['cognito:groups']) };
  }
  const arn = context?.identity?.userArn;
  return { principal: arn ? arn : null };
}

/**
 * `cognito:groups` as a REST API's Cognito authorizer passes it: text, `writers`, or with
 * several groups `writers,approvers` (or `[writers approvers]`, as HTTP APIs write arrays).
 */
export function groupsClaim(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter((group) => group !== '');
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
