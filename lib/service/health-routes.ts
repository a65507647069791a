import { RETRY_AFTER_SECONDS } from './api';
import type { Route } from './http';
import { jsonResponse } from './json';
import type { Logger } from './logger';
import type { TemplateStore } from './store';

/**
 * `GET /v1/health`: 200 while the function runs and the store answers a read, 503 (with
 * `Retry-After`) when it does not, whatever the store's error: a load balancer or a
 * monitor needs the answer, not the cause, which is logged (its name only).
 */
export function healthRoutes(store: TemplateStore, logger: Logger): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/v1/health',
      async handle() {
        try {
          await store.ping();
          return jsonResponse(200, { status: 'ok', store: 'reachable' });
        } catch (error) {
          logger.warn('health: store unreachable', { error: error instanceof Error ? error.name : 'unknown' });
          return jsonResponse(503, { status: 'unavailable', store: 'unreachable' }, { 'retry-after': RETRY_AFTER_SECONDS });
        }
      },
    },
  ];
}
