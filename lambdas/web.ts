import type { APIGatewayProxyResult } from 'aws-lambda';
import { pageHeaders } from '../lib/web/headers';

/**
 * The playground page, built by `renderPlaygroundPage()` and injected by the stack at bundle
 * time (`bundling.define`), so the Lambda carries no esbuild and builds nothing at run time.
 */
declare const PLAYGROUND_HTML: string;

const response: APIGatewayProxyResult = { statusCode: 200, headers: pageHeaders(PLAYGROUND_HTML), body: PLAYGROUND_HTML };

/** Serves `GET /`: the same page for every request. */
export async function handler(): Promise<APIGatewayProxyResult> {
  return response;
}
