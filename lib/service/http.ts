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
   * Who is calling: the IAM principal ARN of the signed request in AWS (from API Gateway's
   * request context, never from a header), the `X-Smslint-Principal` header in local mode.
   * Recorded on every version, verdict, approval, retirement and dispatch.
   */
  principal: string | null;
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
  handle: RouteHandler;
}
