import type { LintResult, Template } from '../engine';
import type { OutboxRecord } from '../local/outbox';
import type { Config } from '../engine';
import type { Approval, Retirement, TemplateVersion, Verdict, VersionStatus } from '../service/store';

export interface SubmitResult {
  templateId: string;
  version: number;
  verdict: Verdict;
}

/** A stored version as the versions route shows it: with where its review stands. */
export interface VersionView extends TemplateVersion {
  status: VersionStatus;
  approval: Approval | null;
  retirement: Retirement | null;
}

export interface DispatchResult {
  dispatchId: string;
  messageId: string;
}

/** The service's error body, turned into one readable line per problem. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { path?: string; message?: string }[] };
}

/**
 * The API sits next to the page: at `/` locally, at `/<stage>/` behind API Gateway (with or
 * without the final slash), so the base is the page's own path without trailing slashes.
 */
export function apiBaseFor(pathname: string): string {
  let end = pathname.length;
  while (end > 0 && pathname[end - 1] === '/') end -= 1;
  return pathname.slice(0, end);
}

/** `identity` gives the headers that say who calls (locally `x-smslint-principal`), read at each call. */
export function createApi(base: string, identity: () => Record<string, string> = () => ({})) {
  async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...identity(), ...(body === undefined ? headers : { 'content-type': 'application/json', ...headers }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (!response.ok) throw new ApiError(response.status, errorMessage(response.status, parsed as ErrorBody | null));
    return parsed as T;
  }

  return {
    lint: (template: Template, signal: AbortSignal) => call<LintResult>('POST', '/v1/lint', { template }, {}, signal),
    submit: (templateId: string, template: Template) =>
      call<SubmitResult>('PUT', `/v1/templates/${encodeURIComponent(templateId)}`, template),
    versions: (templateId: string) =>
      call<{ items: VersionView[]; nextCursor?: string | null }>('GET', `/v1/templates/${encodeURIComponent(templateId)}/versions`),
    approve: (templateId: string, version: number, reason: string) =>
      call<VersionView>('POST', `/v1/templates/${encodeURIComponent(templateId)}/versions/${version}/approval`, { reason }),
    dispatch: (templateId: string, version: number, variables: Record<string, string>, to: string) =>
      call<DispatchResult>('POST', `/v1/templates/${encodeURIComponent(templateId)}/dispatch`, { version, variables, to }, { 'idempotency-key': randomKey() }),
    outbox: () => call<{ items: OutboxRecord[] }>('GET', '/v1/outbox'),
    config: () => call<{ config: Config; hash: string }>('GET', '/v1/config'),
  };
}

export type Api = ReturnType<typeof createApi>;

function errorMessage(status: number, body: ErrorBody | null): string {
  const error = body?.error;
  if (!error) return `HTTP ${status}`;
  const details = (error.details ?? []).map((detail) => `${detail.path || '/'}: ${detail.message ?? ''}`);
  return [error.message ?? error.code ?? `HTTP ${status}`, ...details].join('\n');
}

/** `crypto.randomUUID` needs a secure context; the page may be served over plain http on a LAN. */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
