import { createRequestHandler } from './api';
import { configRoutes, defaultServiceConfig } from './config';
import { dispatchRoutes, type DispatchRouteDeps } from './dispatch-routes';
import { healthRoutes } from './health-routes';
import type { Route, ServiceRequest, ServiceResponse } from './http';
import { lintRoutes } from './lint-routes';
import { reviewRoutes } from './review-routes';
import { templateRoutes } from './template-routes';

export type ServiceDeps = DispatchRouteDeps;

/** The whole API over its ports, as the local server serves it (each Lambda serves a part). */
export function createServiceHandler(deps: ServiceDeps, extraRoutes: Route[] = []): (request: ServiceRequest) => Promise<ServiceResponse> {
  const config = deps.config ?? defaultServiceConfig;
  const routes = [...lintRoutes(config), ...configRoutes(config), ...templateRoutes(deps), ...reviewRoutes(deps), ...dispatchRoutes(deps), ...healthRoutes(deps.store, deps.logger)];
  return createRequestHandler([...routes, ...extraRoutes], deps.logger);
}
