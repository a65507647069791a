import type { UserGroup } from './groups';

/** A request as the core sees it: the same shape from API Gateway and from node:http. */
export interface ServiceRequest {
  method: string;
  /** The path without the query string, e.g. `/v1/templates/welcome/versions`. */
  path: string;
  query: Record<string, string | undefined>;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  body: string | null;
  /**
   * Who is calling, from API Gateway's request context in AWS (never from a header):
   * `cognito:<username>` for a person signed in through the user pool, else the IAM
   * principal ARN of the signed request; the `X-Smslint-Principal` header in local mode.
   * Recorded on every version, verdict, approval, retirement and dispatch.
   */
  principal: string | null;
  /**
   * The Cognito groups of a person signed in through the user pool (`cognito:groups`), which
   * decide what they may do; absent for IAM callers (their policy decided) and in local mode.
   */
  groups?: readonly string[];
}

export interface ServiceResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A route answers one method on one path pattern; `params` are its `{name}` segments. */
export type RouteHandler = (request: ServiceRequest, params: Record<string, string>) => Promise<ServiceResponse>;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path segments; a segment `{name}` captures one path parameter. */
  pattern: string;
  /** The group a signed-in person must be in to call it; any signed-in person when absent. */
  group?: UserGroup;
  handle: RouteHandler;
}
