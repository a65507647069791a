import { forEachLink, isShortener, isUnder } from '../sms/links';
import { defineRule } from '../types';

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
    forEachLink(masked, ({ start, end, url, host, rest }) => {
      if (host === undefined) {
        // `https://{{x}}bit.ly`, `https://pay.{{x}}.com`: a value would choose where the link goes.
        ctx.report({ start, end, messageId: 'placeholderInHost', data: { url: ctx.body.slice(start, end) }, suggestionId: 'hostInFull' });
        return;
      }
      if (host === '') return; // `https://{{link}}`: the domain is the placeholder's value.
      const data = { url: ctx.body.slice(start, end), host, rest: ctx.body.slice(end - rest.length, end) };
      if (isShortener(host)) {
        ctx.report({ start, end, messageId: 'shortener', data, suggestionId: 'useOwnDomain' });
      } else if (allowedDomains && !isUnder(host, new Set(allowedDomains))) {
        ctx.report({ start, end, messageId: 'notAllowed', data: { ...data, allowed: allowedDomains.join(', ') }, suggestionId: 'useAllowed' });
      }
      if (!/^https:\/\//i.test(url)) {
        ctx.report({ start, end, messageId: /^http:\/\//i.test(url) ? 'insecure' : 'bare', data, suggestionId: 'withHttps' });
      }
    });
  },
});
