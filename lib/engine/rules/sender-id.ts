import { normaliseCluster } from '../normalise';
import { senderPrefixOf } from '../sms/segments';
import { defineRule } from '../types';

const MARKS = /\p{M}/gu;
const ASCII = /^[\x00-\x7f]*$/;
const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_FROM = /[^\x00-\x7f]/g;

/** A plain, comparable form of one character: normalised as the word rules read it, lower case, accents folded. */
function fold(char: string): string {
  return normaliseCluster(char).toLowerCase().normalize('NFD').replace(MARKS, '');
}

function foldText(text: string): string {
  let folded = '';
  for (const char of text) folded += fold(char);
  return folded;
}

/** Where a non-ASCII character sits in the body and in the folded text, and how it folded. */
interface Anchor {
  body: number;
  folded: number;
  /** UTF-16 units of the character in the body and of its folded form. */
  units: number;
  foldedUnits: number;
}

/**
 * The folded body, and an anchor per non-ASCII character to map folded offsets back. ASCII runs
 * fold to their lower case in one call, with no per-character work.
 */
function foldBody(body: string): { folded: string; anchors: Anchor[] } {
  const pieces: string[] = [];
  const anchors: Anchor[] = [];
  let foldedLength = 0;
  let runStart = 0;
  const flushRun = (end: number) => {
    if (end > runStart) pieces.push(body.slice(runStart, end).toLowerCase());
    foldedLength += end - runStart;
  };
  for (let offset = NON_ASCII.exec(body)?.index ?? -1; offset >= 0; offset = nextNonAscii(body, runStart)) {
    flushRun(offset);
    const char = String.fromCodePoint(body.codePointAt(offset)!);
    const folded = fold(char);
    anchors.push({ body: offset, folded: foldedLength, units: char.length, foldedUnits: folded.length });
    pieces.push(folded);
    foldedLength += folded.length;
    runStart = offset + char.length;
  }
  flushRun(body.length);
  return { folded: pieces.join(''), anchors };
}

function nextNonAscii(body: string, from: number): number {
  NON_ASCII_FROM.lastIndex = from;
  return NON_ASCII_FROM.exec(body)?.index ?? -1;
}

/**
 * Maps folded offsets back to the body offset of the character they come from. Queries come in
 * increasing order, so the anchors already passed are not read again: linear overall.
 */
function originMapper(anchors: readonly Anchor[]): (foldedOffset: number) => number {
  let next = 0;
  let shift = 0; // body offset minus folded offset after the anchors passed
  return (foldedOffset) => {
    for (; next < anchors.length; next++) {
      const anchor = anchors[next];
      if (foldedOffset < anchor.folded) break;
      if (foldedOffset < anchor.folded + anchor.foldedUnits) return anchor.body;
      shift = anchor.body + anchor.units - (anchor.folded + anchor.foldedUnits);
    }
    return foldedOffset + shift;
  };
}

/** The brand is named in the body (or the sender prefix), in plain letters. */
export const senderId = defineRule({
  meta: {
    id: 'sender-id',
    defaultSeverity: 'warning',
    docs: {
      description:
        "The template's `sender` is named in the body or in the configured sender prefix, compared case- and accent-insensitively; a name spelt with look-alike (Cyrillic, Greek) or invisible characters is reported.",
      rationale:
        'People act on a message when they know who sent it (CTIA: identify the brand; CNIL: name the advertiser). Scam senders spell brands with borrowed or invisible letters to pass filters; a genuine template never should.',
      url: 'https://github.com/smslint/smslint/blob/main/docs/rules/sender-id.md',
    },
    messages: ['missing', 'nameIt', 'lookalike', 'plainName'],
    asWritten: true,
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
    const { folded, anchors } = foldBody(body);
    const originOf = originMapper(anchors);
    let named = namedAsWritten || foldText(senderPrefixOf(ctx.template, ctx.config)).includes(target);
    for (let at = folded.indexOf(target); at >= 0; at = folded.indexOf(target, at + target.length)) {
      const start = originOf(at);
      const lastOrigin = originOf(at + target.length - 1);
      const end = lastOrigin + (body.codePointAt(lastOrigin)! > 0xffff ? 2 : 1);
      const written = body.slice(start, end);
      named = true;
      // Accents, case or compatibility forms may differ; borrowed or hidden letters may not.
      if (hasLookalikeOrInvisible(written)) ctx.report({ start, end, messageId: 'lookalike', data: { sender, written }, suggestionId: 'plainName' });
    }
    if (!named) ctx.report({ start: 0, end: 0, messageId: 'missing', data: { sender }, suggestionId: 'nameIt' });
  },
});

/** Some character is invisible or a look-alike: normalising it does more than NFKC. */
function hasLookalikeOrInvisible(text: string): boolean {
  for (const char of text) {
    if (normaliseCluster(char) !== char.normalize('NFKC')) return true;
  }
  return false;
}
