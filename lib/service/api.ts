import { jsonResponse } from './json';
import { ServiceError, StoreUnavailableError, badRequest } from './errors';
import type { Route, ServiceRequest, ServiceResponse } from './http';
import { checkGroup } from './groups';
import type { Logger } from './logger';

interface CompiledRoute extends Route {
  segments: string[];
}

/** Seconds a client should wait after a 503 from the store. */
export const RETRY_AFTER_SECONDS = '1';

/**
 * The service's framework-free router: matches a request to a route, answers 404 for an
 * unknown path, 405 (with `Allow`) for a known path with another method and 403 for a
 * signed-in person outside the route's group, and turns every refusal into the error body
 * `{ error: { code, message, details } }`. Only a bug answers 500. Each request is logged once: method, route, status, duration; no bodies.
 */
export function createRequestHandler(routes: Route[], logger: Logger): (request: ServiceRequest) => Promise<ServiceResponse> {
  const compiled: CompiledRoute[] = routes.map((route) => ({ ...route, segments: splitPath(route.pattern) }));
  return async (request) => {
    const started = performance.now();
    let route: string | undefined;
    let response: ServiceResponse;
    try {
      const match = matchRoute(compiled, request);
      route = match.route.pattern;
      checkGroup(match.route, request);
      response = await match.route.handle(request, match.params);
    } catch (error) {
      response = errorResponse(error, logger);
    }
    logger.info('request', { method: request.method, route: route ?? null, status: response.status, durationMs: Math.round(performance.now() - started) });
    return response;
  };
}

function matchRoute(routes: CompiledRoute[], request: ServiceRequest): { route: CompiledRoute; params: Record<string, string> } {
  const segments = splitPath(request.path);
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchSegments(route.segments, segments);
    if (!params) continue;
    if (route.method === request.method) return { route, params: decodeParams(params) };
    allowed.push(route.method);
  }
  if (allowed.length > 0) {
    throw new ServiceError(405, 'method_not_allowed', 'this method is not allowed on this path', { headers: { allow: allowed.join(', ') } });
  }
  throw new ServiceError(404, 'route_not_found', 'no route for this path');
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith('{')) params[pattern[i].slice(1, -1)] = segments[i];
    else if (pattern[i] !== segments[i]) return undefined;
  }
  return params;
}

function decodeParams(params: Record<string, string>): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    try {
      decoded[name] = decodeURIComponent(value);
    } catch {
      throw badRequest(`the path parameter ${name} is not valid`, [{ path: `path/${name}`, message: 'is not a valid percent-encoded value' }]);
    }
    // A dot segment names no resource (a client would resolve it to another path).
    if (decoded[name] === '.' || decoded[name] === '..') throw new ServiceError(404, 'route_not_found', 'a dot segment names no resource');
  }
  return decoded;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function errorResponse(error: unknown, logger: Logger): ServiceResponse {
  if (error instanceof ServiceError) {
    return jsonResponse(error.status, { error: { code: error.code, message: error.message, details: error.details, ...error.extra } }, error.headers);
  }
  if (error instanceof StoreUnavailableError) {
    logger.warn('store unavailable', { error: describe(error.cause) });
    return jsonResponse(
      503,
      { error: { code: 'store_unavailable', message: 'the template store is unavailable, retry later', details: [] } },
      { 'retry-after': RETRY_AFTER_SECONDS },
    );
  }
  logger.error('unexpected error', { error: describe(error) });
  return jsonResponse(500, { error: { code: 'internal_error', message: 'an unexpected error occurred', details: [] } });
}

/** Name and message only: an SDK error's stack and metadata are not needed in the log. */
function describe(error: unknown): { name: string; message: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'unknown', message: String(error) };
}
