import { ServiceError, badRequest } from './errors';
import type { ServiceRequest } from './http';
import { templateIdPattern } from './schemas';

const templateIdRegex = new RegExp(templateIdPattern);
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

export function pageQuery(request: ServiceRequest): { limit: number; before?: number } {
  const { limit, cursor } = request.query;
  let size = DEFAULT_PAGE_SIZE;
  if (limit !== undefined) {
    size = /^[0-9]{1,3}$/.test(limit) ? Number(limit) : 0;
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw badRequest('the page size is not valid', [{ path: 'query/limit', message: `must be an integer from 1 to ${MAX_PAGE_SIZE}` }]);
    }
  }
  return cursor === undefined ? { limit: size } : { limit: size, before: decodeCursor(cursor) };
}

/** The cursor is opaque to clients: base64url of the version the next page continues below. */
export function encodeCursor(before: number): string {
  return Buffer.from(`before:${before}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^before:([1-9][0-9]{0,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badRequest('the cursor is not valid', [{ path: 'query/cursor', message: 'is not a cursor of this API' }]);
  return Number(match[1]);
}
