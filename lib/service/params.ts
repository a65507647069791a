import { ServiceError, badRequest } from './errors';
import type { ServiceRequest } from './http';
import { templateIdPattern } from './schemas';

export const templateIdRegex = new RegExp(templateIdPattern);
const versionRegex = /^[1-9][0-9]{0,9}$/;
/** Printable ASCII, as the IETF Idempotency-Key draft's examples; it becomes part of a key. */
const idempotencyKeyRegex = /^[\x21-\x7e]{1,255}$/;

/** An IAM ARN is printable ASCII of at most 2048 characters; a local principal must look like one. */
const principalRegex = /^[\x21-\x7e]{1,2048}$/;

/** The caller, as the adapter identified it; a request nobody signed is refused, never recorded as someone. */
export function principalOf(request: ServiceRequest): string {
  const { principal } = request;
  if (principal === null) throw new ServiceError(403, 'no_principal', 'the caller is not identified');
  if (!principalRegex.test(principal)) {
    throw badRequest('the principal is not valid', [{ path: 'header/x-smslint-principal', message: 'must be 1 to 2048 printable ASCII characters' }]);
  }
  return principal;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function templateIdParam(params: Record<string, string>): string {
  const id = params.templateId;
  if (!templateIdRegex.test(id)) {
    throw badRequest('the template id is not valid', [
      { path: 'path/templateId', message: `must match ${templateIdPattern} (letters, digits, _ and -, at most 128)` },
    ]);
  }
  return id;
}

export function versionParam(params: Record<string, string>): number {
  if (!versionRegex.test(params.version)) {
    throw badRequest('the version is not valid', [{ path: 'path/version', message: 'must be a positive integer' }]);
  }
  return Number(params.version);
}

export function idempotencyKeyHeader(request: ServiceRequest): string {
  const key = request.headers['idempotency-key'];
  if (key === undefined || !idempotencyKeyRegex.test(key)) {
    throw badRequest('an Idempotency-Key header is required', [
      { path: 'header/idempotency-key', message: key === undefined ? 'is required' : 'must be 1 to 255 printable ASCII characters' },
    ]);
  }
  return key;
}

/** A page of versions, newest first: `before` is the version the page continues below. */
export function pageQuery(request: ServiceRequest): { limit: number; before?: number } {
  const cursor = decodeCursor(request, 'before', /^[1-9][0-9]{0,9}$/);
  return cursor === undefined ? { limit: pageLimit(request) } : { limit: pageLimit(request), before: Number(cursor) };
}

/** A page in key order (templates by id, dispatches by dispatch id): `after` is the key the page continues after. */
export function afterQuery(request: ServiceRequest, key: RegExp): { limit: number; after?: string } {
  const after = decodeCursor(request, 'after', key);
  return after === undefined ? { limit: pageLimit(request) } : { limit: pageLimit(request), after };
}

/** A dispatch id as `newId` makes them (a UUID in the service). */
export const dispatchIdRegex = /^[A-Za-z0-9-]{1,64}$/;

function pageLimit(request: ServiceRequest): number {
  const { limit } = request.query;
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  const size = /^[0-9]{1,3}$/.test(limit) ? Number(limit) : 0;
  if (size < 1 || size > MAX_PAGE_SIZE) {
    throw badRequest('the page size is not valid', [{ path: 'query/limit', message: `must be an integer from 1 to ${MAX_PAGE_SIZE}` }]);
  }
  return size;
}

/** The cursor is opaque to clients: base64url of `before:<version>` or `after:<key>`, where the next page continues. */
export function encodeCursor(kind: 'before' | 'after', value: number | string): string {
  return Buffer.from(`${kind}:${value}`, 'utf8').toString('base64url');
}

function decodeCursor(request: ServiceRequest, kind: 'before' | 'after', value: RegExp): string | undefined {
  const { cursor } = request.query;
  if (cursor === undefined) return undefined;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const rest = decoded.startsWith(`${kind}:`) ? decoded.slice(kind.length + 1) : undefined;
  if (rest === undefined || !value.test(rest)) throw badRequest('the cursor is not valid', [{ path: 'query/cursor', message: 'is not a cursor of this API' }]);
  return rest;
}
