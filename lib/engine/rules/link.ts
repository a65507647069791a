import shorteners from '../sms/shorteners.json';
import tlds from '../sms/tlds.json';
import { defineRule } from '../types';

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

/** Options: `allowedDomains`, the domains (and their subdomains) links may go to. */
interface LinkOptions {
  allowedDomains?: string[];
}

/** Links that look like scams or cannot be checked by the reader. */
export const link = defineRule({
  meta: {
    id: 'link',
    defaultSeverity: 'warning',
    docs: {
      description:
        'Links in the body: public URL shorteners, links not written in full with https:// (http:// or a bare domain), and, with `allowedDomains`, links to other domains. A placeholder as the link (`{{pay_link}}`) is left alone.',
      rationale:
        'GOV.UK Notify asks for links in full starting with https://; the CTIA Messaging Principles advise against public shorteners, which carriers filter and scams use; a domain the reader does not know is what a look-alike scam link looks like.',
      url: 'https://github.com/smslint/smslint/blob/main/docs/rules/link.md',
    },
    messages: ['shortener', 'useOwnDomain', 'insecure', 'bare', 'withHttps', 'notAllowed', 'useAllowed', 'placeholderInHost', 'hostInFull'],
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowedDomains: {
          type: 'array',
          items: { type: 'string', pattern: '^(?:[a-z0-9-]+\\.)+[a-z]{2,63}$', maxLength: 253 },
          description: 'Domains links may go to, lower case (subdomains included): ["telvo.uk"].',
        },
      },
    },
  },
  check(ctx) {
    const masked = ctx.text.masked;
    const { allowedDomains } = ctx.options as LinkOptions;
    // Only the tokens around a candidate (`://`, or a dot between an alphanumeric and a
    // letter) are read, each once: most messages have none.
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
      const host = hostOf(rest);
      if (host === undefined) {
        // `https://{{x}}bit.ly`, `https://pay.{{x}}.com`: a value would choose where the link goes.
        ctx.report({ start, end, messageId: 'placeholderInHost', data: { url: ctx.body.slice(start, end) }, suggestionId: 'hostInFull' });
        continue;
      }
      if (host === '') continue; // `https://{{link}}`: the domain is the placeholder's value.
      const data = { url: ctx.body.slice(start, end), host, rest: ctx.body.slice(end - rest.length, end) };
      if (isUnder(host, SHORTENERS)) {
        ctx.report({ start, end, messageId: 'shortener', data, suggestionId: 'useOwnDomain' });
      } else if (allowedDomains && !isUnder(host, new Set(allowedDomains))) {
        ctx.report({ start, end, messageId: 'notAllowed', data: { ...data, allowed: allowedDomains.join(', ') }, suggestionId: 'useAllowed' });
      }
      if (!/^https:\/\//i.test(url)) {
        ctx.report({ start, end, messageId: /^http:\/\//i.test(url) ? 'insecure' : 'bare', data, suggestionId: 'withHttps' });
      }
    }
  },
});

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
function isUnder(host: string, domains: ReadonlySet<string>): boolean {
  for (let dot = -1; ; dot = host.indexOf('.', dot + 1)) {
    if (domains.has(host.slice(dot + 1))) return true;
    if (host.indexOf('.', dot + 1) < 0) return false;
  }
}
