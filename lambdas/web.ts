import type { APIGatewayProxyResult } from 'aws-lambda';
import { requiredEnv } from '../lib/service/env';
import { withSignInConfig } from '../lib/web/auth';
import { pageHeaders } from '../lib/web/headers';

/**
 * The playground page, built by `renderPlaygroundPage()` and injected by the stack at bundle
 * time (`bundling.define`), so the Lambda carries no esbuild and builds nothing at run time.
 */
declare const PLAYGROUND_HTML: string;

/** Where the page signs people in: the user pool's hosted sign-in and the page's client, set by the stack. */
const signIn = { url: requiredEnv('SIGN_IN_URL'), clientId: requiredEnv('SIGN_IN_CLIENT_ID') };
const html = withSignInConfig(PLAYGROUND_HTML, signIn);
// The page trades its code for tokens at the hosted sign-in's token endpoint.
const response: APIGatewayProxyResult = { statusCode: 200, headers: pageHeaders(html, [signIn.url]), body: html };

/** Serves `GET /`: the same page for every request. */
export async function handler(): Promise<APIGatewayProxyResult> {
  return response;
}
