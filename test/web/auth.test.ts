import { codeChallenge, createSignIn, signInConfigOf, withSignInConfig, type SignInDeps } from '../../lib/web/auth';

const config = { url: 'https://smslint-111122223333.auth.eu-west-3.amazoncognito.com', clientId: '4example0client0id0abcdefgh' };
const pageUrl = 'https://abc123.execute-api.eu-west-3.amazonaws.com/prod/';
const NOW = Date.UTC(2026, 4, 6, 7, 8, 9);

/** An ID token as Cognito makes one; the page reads its claims, the API checks its signature. */
function idToken(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', kid: 'k' })}.${part(claims)}.signature`;
}
const token = idToken({ sub: '8f1c', 'cognito:username': 'alice.martin', 'cognito:groups': ['writers', 'approvers'], exp: NOW / 1000 + 3600 });

/** The browser around the flow: sessionStorage, the token endpoint, the address bar, the clock. */
function browser(tokenResponse: { status: number; body: unknown } = { status: 200, body: { id_token: token, access_token: 'a', expires_in: 3600, token_type: 'Bearer' } }) {
  const stored = new Map<string, string>();
  const visited: string[] = [];
  const posted: { url: string; body: string }[] = [];
  let now = NOW;
  const deps: SignInDeps = {
    storage: { getItem: (key) => stored.get(key) ?? null, setItem: (key, value) => void stored.set(key, value), removeItem: (key) => void stored.delete(key) },
    fetch: (async (url: string, init: RequestInit) => {
      posted.push({ url, body: String(init.body) });
      return new Response(JSON.stringify(tokenResponse.body), { status: tokenResponse.status });
    }) as typeof fetch,
    navigate: (url) => void visited.push(url),
    now: () => now,
  };
  return { deps, stored, visited, posted, later: (ms: number) => (now += ms) };
}

/** Signs in up to the hosted sign-in's redirect back, and answers the query string it would send. */
async function signInAndReturn(b: ReturnType<typeof browser>) {
  const flow = createSignIn(config, pageUrl, b.deps);
  await flow.signIn();
  const authorize = new URL(b.visited[0]);
  return { flow, authorize, back: `?code=the-code&state=${authorize.searchParams.get('state')}` };
}

test('the S256 challenge is that of RFC 7636, appendix B', async () => {
  expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
});

test('signing in goes to the hosted sign-in with a code request, PKCE S256 and a state, and keeps only the verifier and state for the return', async () => {
  const b = browser();
  const { authorize } = await signInAndReturn(b);
  expect(`${authorize.origin}${authorize.pathname}`).toBe(`${config.url}/oauth2/authorize`);
  const params = Object.fromEntries(authorize.searchParams);
  expect(params).toEqual({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: pageUrl,
    scope: 'openid email profile',
    state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    code_challenge_method: 'S256',
  });
  const pending = JSON.parse(b.stored.get('smslint-sign-in-pending')!);
  expect(pending).toEqual({ verifier: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), state: params.state });
  expect(params.code_challenge).toBe(await codeChallenge(pending.verifier));
  expect([...b.stored.keys()]).toEqual(['smslint-sign-in-pending']);
});

test('back with a code: the code and verifier are traded for tokens, kept in memory, sent as a Bearer header until they expire', async () => {
  const b = browser();
  const { flow, back } = await signInAndReturn(b);
  const verifier = JSON.parse(b.stored.get('smslint-sign-in-pending')!).verifier;
  expect(flow.authorization()).toEqual({});

  const session = await flow.complete(back);
  expect(session).toEqual({ username: 'alice.martin', groups: ['writers', 'approvers'], idToken: token, expiresAt: NOW + 3600_000 });
  expect(b.posted).toEqual([
    {
      url: `${config.url}/oauth2/token`,
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.clientId, code: 'the-code', redirect_uri: pageUrl, code_verifier: verifier }).toString(),
    },
  ]);
  // Nothing of the sign-in is left in storage: the tokens are in memory only.
  expect(b.stored.size).toBe(0);
  expect(flow.authorization()).toEqual({ authorization: `Bearer ${token}` });

  b.later(3600_000);
  expect(flow.current()).toBeUndefined();
  expect(flow.authorization()).toEqual({});
});

test('an answer whose state is not the one this tab sent is refused, and no code is traded', async () => {
  const b = browser();
  const { flow } = await signInAndReturn(b);
  await expect(flow.complete('?code=the-code&state=forged')).rejects.toThrow('sign-in failed: this answer is not for this page; sign in again');
  expect(b.posted).toEqual([]);
  expect(b.stored.size).toBe(0);
  // Nor is a code that arrives with no sign-in started.
  await expect(createSignIn(config, pageUrl, browser().deps).complete('?code=the-code&state=x')).rejects.toThrow('this answer is not for this page');
});

test("the hosted sign-in's error and a refused code are said, and leave no session", async () => {
  const denied = browser();
  const first = await signInAndReturn(denied);
  await expect(first.flow.complete('?error=access_denied&error_description=User+is+disabled')).rejects.toThrow('sign-in failed: User is disabled');

  const refused = browser({ status: 400, body: { error: 'invalid_grant' } });
  const second = await signInAndReturn(refused);
  await expect(second.flow.complete(second.back)).rejects.toThrow('sign-in failed: the token endpoint answered 400');
  expect(second.flow.authorization()).toEqual({});
});

test('a page loaded without an answer of the hosted sign-in stays signed out', async () => {
  const b = browser();
  expect(await createSignIn(config, pageUrl, b.deps).complete('?template=x')).toBeUndefined();
  expect(b.posted).toEqual([]);
});

test('signing out forgets the token and ends the hosted session, coming back to the page', async () => {
  const b = browser();
  const { flow, back } = await signInAndReturn(b);
  await flow.complete(back);
  flow.signOut();
  expect(flow.authorization()).toEqual({});
  expect(b.visited[1]).toBe(`${config.url}/logout?client_id=${config.clientId}&logout_uri=${encodeURIComponent(pageUrl)}`);
});

test('the config travels in a meta element, escaped, and reads back the same', () => {
  const page = withSignInConfig('<!doctype html>\n<html><head><title>t</title></head></html>', { ...config, clientId: 'a"b<c&d' });
  expect(page).toContain('<head>\n<meta name="smslint-sign-in" content="{&quot;url&quot;:');
  const content = /content="([^"]*)"/.exec(page)![1].replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&amp;', '&');
  const document = { querySelector: (selector: string) => (selector === 'meta[name="smslint-sign-in"]' ? { content } : null) } as unknown as Document;
  expect(signInConfigOf(document)).toEqual({ ...config, clientId: 'a"b<c&d' });
  expect(signInConfigOf({ querySelector: () => null } as unknown as Document)).toBeUndefined();
});
