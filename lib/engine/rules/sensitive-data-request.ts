import { anyOf, perLocale } from '../sms/per-language';
import { defineRule } from '../types';

/** How far back from the sensitive item a request verb is looked for, within its sentence. */
const WINDOW = 120;

const patternsOf = perLocale(({ sms: { sensitiveData } }) => ({
  /** Non-global twins, for a one-test fast path: most messages name no sensitive item. */
  anyItem: anyOf([...sensitiveData.objects, ...sensitiveData.requestsOnTheirOwn]),
  items: anyOf(sensitiveData.objects, 'gi'),
  requests: anyOf(sensitiveData.requests, 'i'),
  /** "my account number": the writer's own item, given rather than asked for. */
  sendersOwn: anyOf(sensitiveData.sendersOwn, 'i'),
  onTheirOwn: anyOf(sensitiveData.requestsOnTheirOwn, 'gi'),
  protective: anyOf(sensitiveData.protective, 'i'),
}));

/** Requests for card, bank or login details, PINs and one-time codes. */
export const sensitiveDataRequest = defineRule({
  meta: {
    id: 'sensitive-data-request',
    defaultSeverity: 'error',
    docs: {
      description:
        'Asks for card numbers or details, bank details, PINs, passwords or one-time codes, or to call "with your card ready". Protective advice ("Never share this code") and a message that only gives a code are not requests.',
      rationale:
        'Banks, regulators and police (FCC, FTC, NCSC, cybermalveillance.gouv.fr) teach that a genuine company never asks for these by SMS. Every genuine message that does trains customers to trust the scams that ask the same.',
      url: 'https://github.com/smslint/smslint/blob/main/docs/rules/sensitive-data-request.md',
    },
    messages: ['asks', 'cardReady', 'neverAsk'],
  },
  check(ctx) {
    const { anyItem, items, requests, sendersOwn, onTheirOwn, protective } = patternsOf(ctx.locale);
    const text = ctx.text.masked;
    if (!anyItem.test(text)) return;
    // Spans already reported: an item inside a "card ready" request is not reported twice,
    // wherever in the message each stands.
    const reported: { start: number; end: number }[] = [];
    for (const match of text.matchAll(onTheirOwn)) {
      const start = match.index;
      if (protective.test(sentenceBefore(text, start))) continue;
      const end = start + match[0].length;
      reported.push({ start, end });
      ctx.report({ start, end, messageId: 'cardReady', data: { what: match[0] }, suggestionId: 'neverAsk' });
    }
    let reportedUpTo = -1;
    for (const match of text.matchAll(items)) {
      const itemStart = match.index;
      const end = itemStart + match[0].length;
      if (itemStart < reportedUpTo || reported.some((span) => span.start < end && itemStart < span.end)) continue;
      const before = sentenceBefore(text, itemStart);
      const request = requests.exec(before);
      if (!request || protective.test(before) || sendersOwn.test(before)) continue;
      const start = itemStart - before.length + request.index;
      reportedUpTo = end;
      ctx.report({ start, end, messageId: 'asks', data: { what: match[0] }, suggestionId: 'neverAsk' });
    }
  },
});

/** The text from the start of the sentence (at most `WINDOW` characters back) up to `at`. */
function sentenceBefore(text: string, at: number): string {
  const from = Math.max(0, at - WINDOW);
  let start = at;
  while (start > from && !isSentenceEnd(text.charCodeAt(start - 1))) start--;
  return text.slice(start, at);
}

function isSentenceEnd(code: number): boolean {
  return code === 0x2e /* . */ || code === 0x21 /* ! */ || code === 0x3f /* ? */ || code === 0x0a /* \n */;
}
