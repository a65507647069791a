import shorteners from './shorteners.json';
import tlds from './tlds.json';

const SHORTENERS = new Set(shorteners.domains);
/** Characters that end a token: white space and the quotes and brackets that wrap a link. */
const TOKEN_END = /[\s<>"«»]/;
const SCHEME_OR_WWW = /^(?:https?:\/\/|www\.)/i;
const HOST_END = /[/?#:]/;
const LABEL = /^[a-z0-9-]+$/i;
const TLDS = new Set(tlds.tlds);
/** Top-level domains that are also words (`pain.it`, `reply.Be`): a link only with a path. */
const TLDS_WITH_PATH_ONLY = new Set(tlds.withPathOnly);
/** Punctuation that opens or closes a sentence around a link rather than belonging to it. */
const LEADING_PUNCTUATION = new Set([...'(["\'‘“']);
const TRAILING_PUNCTUATION = new Set([...'.,;:!?)]\'"’”']);
const SCHEME = /^https?:\/\//i;

/** A link in a masked text: where it stands, as written, and its host. */
export interface FoundLink {
  readonly start: number;
  readonly end: number;
  readonly url: string;
  /** Lower-cased; '' when a placeholder is the whole host, undefined when one is only part of it. */
  readonly host: string | undefined;
  /** The link without its scheme. */
  readonly rest: string;
}

/** The links of the text read last: `link` and spam-likeness both read a lint's links, and the text is read once. */
let lastText: string | undefined;
let lastLinks: readonly FoundLink[] = [];

/** Calls `visit` with each link of `masked` (the text with placeholders masked), in order. */
export function forEachLink(masked: string, visit: (link: FoundLink) => void): void {
  if (masked !== lastText) {
    lastLinks = linksIn(masked);
    lastText = masked;
  }
  for (const link of lastLinks) visit(link);
}

/**
 * The links of `masked`, in order. Only the tokens around a candidate (`://`, or a dot
 * between an alphanumeric and a letter) are read, each once: most messages have none.
 */
function linksIn(masked: string): FoundLink[] {
  const links: FoundLink[] = [];
  const nextCandidate = candidateFinder(masked);
  for (let at = nextCandidate(0); at >= 0; ) {
    let start = at;
    while (start > 0 && !TOKEN_END.test(masked[start - 1])) start--;
    let end = at;
    while (end < masked.length && !TOKEN_END.test(masked[end])) end++;
    at = nextCandidate(end);
    while (start < end && LEADING_PUNCTUATION.has(masked[start])) start++;
    while (end > start && TRAILING_PUNCTUATION.has(masked[end - 1])) end--;
    const url = masked.slice(start, end);
    if (!isLink(url)) continue;
    const rest = url.replace(SCHEME, '');
    links.push({ start, end, url, host: hostOf(rest), rest });
  }
  return links;
}

/**
 * `http(s)://`, `www.`, or a bare domain: dot-separated labels ending in a known top-level
 * domain. Read label by label rather than by one regex with nested repetition.
 */
function isLink(token: string): boolean {
  if (SCHEME_OR_WWW.test(token)) return true;
  const hostEnd = token.search(HOST_END);
  const labels = (hostEnd < 0 ? token : token.slice(0, hostEnd)).split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return false;
  const tld = labels[labels.length - 1].toLowerCase();
  return TLDS.has(tld) || (TLDS_WITH_PATH_ONLY.has(tld) && token[hostEnd] === '/');
}

/**
 * Returns the finder of the next place at or after `from` where a link may be: `://`, or a
 * dot between a letter, digit or hyphen and a letter (`telvo.uk`, `www.`); -1 when none.
 * The next `://` is kept and only searched again once passed, so the scan stays linear.
 */
function candidateFinder(text: string): (from: number) => number {
  let scheme = text.indexOf('://');
  return (from) => {
    if (scheme >= 0 && scheme < from) scheme = text.indexOf('://', from);
    for (let dot = text.indexOf('.', from); dot >= 0 && (scheme < 0 || dot < scheme); dot = text.indexOf('.', dot + 1)) {
      if (isAlphanumeric(text.charCodeAt(dot - 1)) && isLetter(text.charCodeAt(dot + 1))) return dot;
    }
    return scheme;
  };
}

function isLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

function isAlphanumeric(code: number): boolean {
  return isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d /* - */;
}

/**
 * The lower-cased host of a link without its scheme; empty when a placeholder is the whole
 * host (`https://{{link}}/x`), undefined when one is only part of it (`https://{{x}}bit.ly`).
 */
function hostOf(rest: string): string | undefined {
  const host = /^[^/?#:]*/.exec(rest)![0];
  if (!host.includes('\uE000')) return host.toLowerCase().replace(/\.$/, '');
  return /^\uE000+$/.test(host) ? '' : undefined;
}

/** `host` is one of `domains` or a subdomain of one. */
export function isUnder(host: string, domains: ReadonlySet<string>): boolean {
  for (let dot = -1; ; dot = host.indexOf('.', dot + 1)) {
    if (domains.has(host.slice(dot + 1))) return true;
    if (host.indexOf('.', dot + 1) < 0) return false;
  }
}

/** A public URL shortener's host (or a subdomain of one). */
export function isShortener(host: string): boolean {
  return isUnder(host, SHORTENERS);
}
