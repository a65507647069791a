import confusables from '../sms/confusables.json';
import { senderPrefixOf } from '../sms/segments';
import type { Rule } from '../types';

const LOOKALIKE = new Map(Object.entries(confusables).filter(([char]) => char !== '$comment'));
/** Zero-width and invisible formatting characters that can hide inside a word. */
const INVISIBLE = /[\u00ad\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/;
const MARKS = /\p{M}/gu;
const ASCII = /^[\x00-\x7f]*$/;

/** A plain, comparable form of one character: NFKC, lower case, accents folded, look-alikes mapped. */
function fold(char: string): string {
  if (INVISIBLE.test(char)) return '';
  const lower = char.normalize('NFKC').toLowerCase();
  return LOOKALIKE.get(lower) ?? lower.normalize('NFD').replace(MARKS, '');
}

function foldText(text: string): string {
  let folded = '';
  for (const char of text) folded += fold(char);
  return folded;
}

/** The folded body with, for each folded character, the body offset it comes from. */
function foldWithOffsets(body: string): { folded: string; origins: number[] } {
  let folded = '';
  const origins: number[] = [];
  let offset = 0;
  for (const char of body) {
    for (const piece of fold(char)) {
      folded += piece;
      origins.push(offset);
    }
    offset += char.length;
  }
  return { folded, origins };
}

/** The brand is named in the body (or the sender prefix), in plain letters. */
export const senderId: Rule = {
  meta: {
    id: 'sender-id',
    defaultSeverity: 'warning',
    docs: {
      description:
        "The template's `sender` is named in the body or in the configured sender prefix, compared case- and accent-insensitively; a name spelt with look-alike (Cyrillic, Greek) or invisible characters is reported.",
      rationale:
        'People act on a message when they know who sent it (CTIA: identify the brand; CNIL: name the advertiser). Scam senders spell brands with borrowed or invisible letters to pass filters; a genuine template never should.',
    },
  },
  check(ctx) {
    const sender = ctx.template.sender;
    if (!sender) return;
    const body = ctx.body;
    const namedAsWritten = body.toLowerCase().includes(sender.toLowerCase());
    // Fast path: named as written (give or take case) and no character that could fake it.
    if (namedAsWritten && ASCII.test(body)) return;
    const target = foldText(sender);
    if (target === '') return;
    const { folded, origins } = foldWithOffsets(body);
    let named = namedAsWritten || foldText(senderPrefixOf(ctx.template, ctx.config)).includes(target);
    for (let at = folded.indexOf(target); at >= 0; at = folded.indexOf(target, at + target.length)) {
      const start = origins[at];
      const lastOrigin = origins[at + target.length - 1];
      const end = lastOrigin + (body.codePointAt(lastOrigin)! > 0xffff ? 2 : 1);
      const written = body.slice(start, end);
      named = true;
      // Accents, case or compatibility forms may differ; borrowed or hidden letters may not.
      if (hasLookalikeOrInvisible(written)) ctx.report({ start, end, messageId: 'lookalike', data: { sender, written }, suggestionId: 'plainName' });
    }
    if (!named) ctx.report({ start: 0, end: 0, messageId: 'missing', data: { sender }, suggestionId: 'nameIt' });
  },
};

function hasLookalikeOrInvisible(text: string): boolean {
  for (const char of text) {
    if (INVISIBLE.test(char) || LOOKALIKE.has(char.normalize('NFKC').toLowerCase())) return true;
  }
  return false;
}
