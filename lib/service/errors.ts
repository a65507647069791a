import type { InputProblem } from '../engine';

/**
 * A refusal the client can act on: answered as `{ error: { code, message, details } }`
 * with its HTTP status. Anything else thrown by a route is a bug and answers 500.
 */
export class ServiceError extends Error {
  readonly details: InputProblem[];
  readonly headers: Record<string, string>;
  /** Extra members of the error object (such as the blocking findings of a verdict). */
  readonly extra: Record<string, unknown>;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    { details = [], headers = {}, extra = {} }: { details?: InputProblem[]; headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'ServiceError';
    this.details = details;
    this.headers = headers;
    this.extra = extra;
  }
}

/** 400 for a request whose fields are wrong; each problem names its field. */
export function badRequest(message: string, details: InputProblem[]): ServiceError {
  return new ServiceError(400, 'invalid_request', message, { details });
}

export function notFound(message: string): ServiceError {
  return new ServiceError(404, 'not_found', message);
}

/** A version (template and verdict) larger than the store can hold in one item. */
export class VersionTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`the version takes ${size} bytes, more than the ${limit} the store holds`);
    this.name = 'VersionTooLargeError';
  }
}

/**
 * The store could not answer (throttled, unreachable): a retry later may work, so the
 * client gets 503 with `Retry-After` instead of a 500.
 */
export class StoreUnavailableError extends Error {
  constructor(override readonly cause: unknown) {
    super('the template store is unavailable');
    this.name = 'StoreUnavailableError';
  }
}
