import { createRequestHandler } from './api';
import { dispatchRoutes, type DispatchRouteDeps } from './dispatch-routes';
import type { Route, ServiceRequest, ServiceResponse } from './http';
import { lintRoutes } from './lint-routes';
import { reviewRoutes } from './review-routes';
import { templateRoutes } from './template-routes';

export type ServiceDeps = DispatchRouteDeps;

/** The whole API over its ports, as the local server serves it (each Lambda serves a part). */
export function createServiceHandler(deps: ServiceDeps, extraRoutes: Route[] = []): (request: ServiceRequest) => Promise<ServiceResponse> {
  return createRequestHandler([...lintRoutes(), ...templateRoutes(deps), ...reviewRoutes(deps), ...dispatchRoutes(deps), ...extraRoutes], deps.logger);
}
