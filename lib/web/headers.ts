import { createHash } from 'node:crypto';

/** The inline `<script>` and `<style>` blocks of a page (without attributes), in order. */
function inlineBlocks(html: string, tag: 'script' | 'style'): string[] {
  const open = `<${tag}>`;
  const close = `</${tag}>`;
  const blocks: string[] = [];
  for (let start = html.indexOf(open); start !== -1; start = html.indexOf(open, start)) {
    const end = html.indexOf(close, start);
    if (end === -1) break;
    blocks.push(html.slice(start + open.length, end));
    start = end + close.length;
  }
  return blocks;
}

function hashSources(blocks: readonly string[]): string {
  return blocks.map((block) => `'sha256-${createHash('sha256').update(block, 'utf8').digest('base64')}'`).join(' ');
}

/**
 * The Content-Security-Policy of a page whose script and style are inline: only those exact
 * blocks may run (by hash), the page may only call its own origin and `connectTo` (the
 * hosted sign-in's token endpoint, in AWS), and nothing may frame it.
 */
export function contentSecurityPolicy(html: string, connectTo: readonly string[] = []): string {
  return [
    "default-src 'none'",
    `script-src ${hashSources(inlineBlocks(html, 'script'))}`,
    `style-src ${hashSources(inlineBlocks(html, 'style'))}`,
    ["connect-src 'self'", ...connectTo].join(' '),
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The response headers of an HTML page served by the local server and the web Lambda. */
export function pageHeaders(html: string, connectTo: readonly string[] = []): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': contentSecurityPolicy(html, connectTo),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  };
}
