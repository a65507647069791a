import { wellFormedProblems } from '../engine';
import { badRequest, ServiceError } from './errors';
import type { ServiceRequest } from './http';

/** API Gateway accepts 10 MB; a template is a few hundred bytes, so anything past 64 KB is refused. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Deep enough for any template and schema, shallow enough that recursive code never overflows. */
export const MAX_JSON_DEPTH = 32;

/**
 * Reads the JSON body of a request: content type, size, syntax and depth are checked
 * here, each refusal naming what is wrong. Never throws anything but a `ServiceError`.
 */
export function readJsonBody(request: ServiceRequest): unknown {
  const contentType = request.headers['content-type'];
  if (contentType === undefined || !/^application\/json\s*(?:;|$)/i.test(contentType)) {
    throw new ServiceError(400, 'invalid_content_type', 'the body must be JSON', {
      details: [{ path: 'header/content-type', message: 'must be application/json' }],
    });
  }
  const body = request.body ?? '';
  if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES) {
    throw new ServiceError(413, 'body_too_large', `the body is larger than ${MAX_BODY_BYTES} bytes`);
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    // The parser's message quotes the body (a phone number, a value): only its position is kept.
    const position = error instanceof Error ? /position (\d+)/.exec(error.message)?.[1] : undefined;
    throw new ServiceError(400, 'malformed_json', 'the body is not valid JSON', {
      details: [{ path: '', message: position === undefined ? 'is not valid JSON' : `is not valid JSON (at character ${position})` }],
    });
  }
  if (depthExceeds(value, MAX_JSON_DEPTH)) {
    throw badRequest('the body is nested too deeply', [{ path: '', message: `must not nest deeper than ${MAX_JSON_DEPTH} levels` }]);
  }
  // SNS's client throws on a lone surrogate, and nobody reviewing a template sees a control.
  const illFormed = wellFormedProblems(value, '').sort((a, b) => (a.path < b.path ? -1 : 1));
  if (illFormed.length > 0) throw badRequest('the body holds text that is not well-formed', illFormed);
  return value;
}

/** Iterative, so that the check itself cannot overflow the stack. */
function depthExceeds(root: unknown, maxDepth: number): boolean {
  const pending: Array<[unknown, number]> = [[root, 0]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxDepth) return true;
    for (const child of Object.values(value)) pending.push([child, depth + 1]);
  }
  return false;
}

/** A key as one JSON-pointer segment (RFC 6901). */
export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** JSON with object keys sorted at every level: equal values give equal text (and hash). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}) {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}
