import { lookAlikesByPrototype } from './confusables.generated';
import { PLACEHOLDER_MASK, type Placeholder, type StrayBrace, type TextAnalysis } from './text';

/**
 * Characters a reader does not see that a sender can put inside a word: zero-width space,
 * joiners, word joiner, byte-order mark, soft hyphen, bidi marks, embeddings, overrides and
 * isolates, the Mongolian vowel separator, line and paragraph separators, invisible
 * operators, the combining grapheme joiner and the Hangul fillers. `hidden-characters`
 * reports them; the normalised text drops them.
 */
export const HIDDEN = /[\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0]/;
/** Also dropped before matching, never reported: variation selectors and tags, which emoji sequences need. */
const INVISIBLE = new RegExp(`${HIDDEN.source}|[\\ufe00-\\ufe0f\\u{e0000}-\\u{e007f}\\u{e0100}-\\u{e01ef}]`, 'u');
const NON_ASCII = /[^\x00-\x7f]/g;
const MARK = /^\p{M}/u;

let skeletons: Map<string, string> | undefined;

/**
 * Unicode's confusables (UTS #39), kept to non-ASCII characters whose prototype is one ASCII
 * letter or digit (`confusables.generated.ts`): Cyrillic `а` reads `a`. ASCII is left alone
 * (the full skeleton maps `m` to `rn` and `I` to `l`, which would break every word list), and
 * so are ligatures such as `œ`, which French spells on purpose. Indexed on the first
 * non-ASCII text: an ASCII one never needs it.
 */
function skeletonOf(char: string): string | undefined {
  if (!skeletons) {
    skeletons = new Map();
    for (const [prototype, lookAlikes] of Object.entries(lookAlikesByPrototype)) for (const lookAlike of lookAlikes) skeletons.set(lookAlike, prototype);
  }
  return skeletons.get(char);
}

/** A character (with its combining marks) as the word rules read it: NFKC, invisibles dropped, look-alikes mapped. */
export function normaliseCluster(cluster: string): string {
  let normalised = '';
  for (const char of cluster.normalize('NFKC')) {
    if (!INVISIBLE.test(char)) normalised += skeletonOf(char) ?? char;
  }
  // Recomposed, so that `e` + U+0301 reads as the `é` of the word lists.
  return normalised.normalize('NFC');
}

/** A stretch of the original text that reads differently once normalised. */
interface Anchor {
  /** Offset and length in the original text. */
  original: number;
  originalLength: number;
  /** Offset and length in the normalised text. */
  normalised: number;
  normalisedLength: number;
}

/**
 * The text the word rules read, with offsets of its own: the original's placeholders are
 * kept as written (masked in `masked`), everything else normalised. `toOriginal` maps a
 * span of it back to the body, which is what findings point into.
 */
export interface NormalisedText extends TextAnalysis {
  toOriginal(start: number, end: number): { start: number; end: number };
}

/** The offsets of an ASCII text, which is its own normal form. */
const sameSpan = (start: number, end: number) => ({ start, end });

/**
 * Normalises a text analysis once per lint. An ASCII text is its own normal form (the usual
 * case: no copy); otherwise only the non-ASCII characters are looked at, each once.
 */
export function normaliseText(text: TextAnalysis): NormalisedText {
  const { body, masked } = text;
  NON_ASCII.lastIndex = 0;
  if (!NON_ASCII.test(masked)) return { body, placeholders: text.placeholders, strayBraces: text.strayBraces, masked, toOriginal: sameSpan };
  const anchors: Anchor[] = [];
  const maskedPieces: string[] = [];
  const bodyPieces: string[] = [];
  let copiedUpTo = 0;
  let normalisedLength = 0;
  const copyUpTo = (end: number) => {
    maskedPieces.push(masked.slice(copiedUpTo, end));
    bodyPieces.push(body.slice(copiedUpTo, end));
    normalisedLength += end - copiedUpTo;
    copiedUpTo = end;
  };
  NON_ASCII.lastIndex = 0;
  for (let match = NON_ASCII.exec(masked); match; match = NON_ASCII.exec(masked)) {
    let start = match.index;
    if (start < copiedUpTo || masked[start] === PLACEHOLDER_MASK) continue;
    // A mark belongs with the letter before it (`e` + U+0301), when that letter was copied as ASCII.
    if (MARK.test(masked.slice(start, start + 2)) && start > copiedUpTo && masked.charCodeAt(start - 1) <= 0x7f) start--;
    let end = start + (masked.codePointAt(start)! > 0xffff ? 2 : 1);
    while (end < masked.length && MARK.test(masked.slice(end, end + 2))) end += masked.codePointAt(end)! > 0xffff ? 2 : 1;
    NON_ASCII.lastIndex = end;
    const cluster = masked.slice(start, end);
    const normalised = normaliseCluster(cluster);
    if (normalised === cluster) continue;
    copyUpTo(start);
    anchors.push({ original: start, originalLength: end - start, normalised: normalisedLength, normalisedLength: normalised.length });
    maskedPieces.push(normalised);
    bodyPieces.push(normalised);
    normalisedLength += normalised.length;
    copiedUpTo = end;
  }
  if (anchors.length === 0) return { ...text, toOriginal: sameSpan };
  copyUpTo(masked.length);
  const toNormalised = (offset: number) => {
    const before = anchors[lastIndexWhere(anchors, (anchor) => anchor.original < offset)];
    return before ? offset - before.original - before.originalLength + before.normalised + before.normalisedLength : offset;
  };
  const shift = <T extends Placeholder | StrayBrace>(span: T): T => ({ ...span, start: toNormalised(span.start), end: toNormalised(span.end) });
  return {
    body: bodyPieces.join(''),
    masked: maskedPieces.join(''),
    placeholders: text.placeholders.map(shift),
    strayBraces: text.strayBraces.map(shift),
    toOriginal(start, end) {
      const from = originalStart(anchors, start);
      return { start: from, end: end === start ? from : originalEnd(anchors, end) };
    },
  };
}

/**
 * Where a span starting at `offset` of the normalised text starts in the original: at the
 * start of the character it comes from, after any dropped invisible before it.
 */
function originalStart(anchors: readonly Anchor[], offset: number): number {
  const index = lastIndexWhere(anchors, (anchor) => anchor.normalised + anchor.normalisedLength <= offset);
  const next = anchors[index + 1];
  if (next && next.normalised <= offset && offset < next.normalised + next.normalisedLength) return next.original;
  return offset + shiftAfter(anchors[index]);
}

/** Where a span ending at `offset` of the normalised text ends in the original: before any dropped invisible after it. */
function originalEnd(anchors: readonly Anchor[], offset: number): number {
  const before = anchors[lastIndexWhere(anchors, (anchor) => anchor.normalised < offset)];
  if (before && offset < before.normalised + before.normalisedLength) return before.original + before.originalLength;
  return offset + shiftAfter(before);
}

/** Original minus normalised offset after an anchor (0 before the first). */
function shiftAfter(anchor: Anchor | undefined): number {
  return anchor ? anchor.original + anchor.originalLength - anchor.normalised - anchor.normalisedLength : 0;
}

/** The last index whose element satisfies `holds` (which holds for a prefix of the array), -1 when none. */
function lastIndexWhere<T>(items: readonly T[], holds: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (holds(items[middle])) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
