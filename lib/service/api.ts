import type { Route, ServiceRequest, ServiceResponse } from './http';
import type { Logger } from './logger';

/** Stub while the core lands: answers 501 for every request. */
export function createRequestHandler(routes: Route[], logger: Logger): (request: ServiceRequest) => Promise<ServiceResponse> {
  return async (request) => {
    logger.info('request', { method: request.method, path: request.path, routes: routes.length });
    return { status: 501, headers: { 'content-type': 'application/json' }, body: '{"error":{"code":"not_implemented","message":"not implemented yet","details":[]}}' };
  };
}
