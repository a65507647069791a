/**
 * Sign-in for the playground in AWS: the authorization code flow with PKCE against the user
 * pool's hosted sign-in. The page holds no secret, and its tokens live in this module's
 * memory only: a reload forgets them (the hosted sign-in remembers the person, so signing in
 * again is one click). Only the one-time code verifier and state cross the redirect, in
 * sessionStorage, and are removed on the way back. Local mode has no sign-in.
 */

/** Where the page signs people in; the web Lambda writes it into the page. */
export interface SignInConfig {
  /** The hosted sign-in's origin, `https://<prefix>.auth.<region>.amazoncognito.com`. */
  url: string;
  /** The page's app client: public, no secret. */
  clientId: string;
}

/** A signed-in person, as the ID token says (shown on the page; the API checks the token itself). */
export interface Session {
  username: string;
  groups: string[];
  idToken: string;
  /** Milliseconds since the epoch: the token's `exp`. */
  expiresAt: number;
}

export interface SignInDeps {
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  fetch: typeof fetch;
  navigate: (url: string) => void;
  now: () => number;
}

const META_NAME = 'smslint-sign-in';
const PENDING_KEY = 'smslint-sign-in-pending';
const SCOPES = 'openid email profile';

/** The page with its sign-in config in a `<meta>`: the page's inline script and style, and so their CSP hashes, are unchanged. */
export function withSignInConfig(html: string, config: SignInConfig): string {
  const content = JSON.stringify(config).replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return html.replace('<head>', () => `<head>\n<meta name="${META_NAME}" content="${content}">`);
}

/** The sign-in config the page was served with; undefined in local mode. */
export function signInConfigOf(document: Pick<Document, 'querySelector'>): SignInConfig | undefined {
  const content = document.querySelector<HTMLMetaElement>(`meta[name="${META_NAME}"]`)?.content;
  return content ? (JSON.parse(content) as SignInConfig) : undefined;
}

/** RFC 7636: the S256 challenge of a code verifier. */
export async function codeChallenge(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/**
 * Sign-in for a page at `pageUrl` (the callback URL registered for the client). `signIn`
 * leaves for the hosted sign-in; `complete` finishes when the page loads back with a code;
 * `authorization` is the header every API call carries while the token is valid.
 */
export function createSignIn(config: SignInConfig, pageUrl: string, deps: SignInDeps) {
  let session: Session | undefined;
  /** The session while its ID token is valid. */
  const current = () => (session && deps.now() < session.expiresAt ? session : undefined);

  return {
    current,

    async signIn(): Promise<void> {
      const pending = { verifier: randomText(), state: randomText() };
      deps.storage.setItem(PENDING_KEY, JSON.stringify(pending));
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: config.clientId,
        redirect_uri: pageUrl,
        scope: SCOPES,
        state: pending.state,
        code_challenge: await codeChallenge(pending.verifier),
        code_challenge_method: 'S256',
      });
      deps.navigate(`${config.url}/oauth2/authorize?${query}`);
    },

    /**
     * Finishes a sign-in from the page's query string: undefined when it holds no answer of
     * the hosted sign-in; throws when that answer is an error, or its state is not the one
     * this tab sent (a forged or replayed redirect).
     */
    async complete(search: string): Promise<Session | undefined> {
      const params = new URLSearchParams(search);
      const code = params.get('code');
      const error = params.get('error');
      if (code === null && error === null) return undefined;
      const stored = deps.storage.getItem(PENDING_KEY);
      deps.storage.removeItem(PENDING_KEY);
      if (error !== null) throw new Error(`sign-in failed: ${params.get('error_description') ?? error}`);
      const pending = stored ? (JSON.parse(stored) as { verifier: string; state: string }) : undefined;
      if (!pending || params.get('state') !== pending.state) throw new Error('sign-in failed: this answer is not for this page; sign in again');
      const response = await deps.fetch(`${config.url}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.clientId, code: code!, redirect_uri: pageUrl, code_verifier: pending.verifier }),
      });
      if (!response.ok) throw new Error(`sign-in failed: the token endpoint answered ${response.status}`);
      const { id_token: idToken } = (await response.json()) as { id_token: string };
      const claims = JSON.parse(new TextDecoder().decode(fromBase64url(idToken.split('.')[1]))) as Record<string, unknown>;
      session = {
        username: String(claims['cognito:username']),
        groups: Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'].map(String) : [],
        idToken,
        expiresAt: Number(claims.exp) * 1000,
      };
      return session;
    },

    /** Forgets the tokens and ends the hosted sign-in's session too. */
    signOut(): void {
      session = undefined;
      deps.navigate(`${config.url}/logout?${new URLSearchParams({ client_id: config.clientId, logout_uri: pageUrl })}`);
    },

    authorization(): Record<string, string> {
      const valid = current();
      return valid ? { authorization: `Bearer ${valid.idToken}` } : {};
    },
  };
}

export type SignInFlow = ReturnType<typeof createSignIn>;

function randomText(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function base64url(bytes: Uint8Array): string {
  // `=` is only ever padding in base64.
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
}

function fromBase64url(text: string): Uint8Array {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
