import type { Span } from './segments';

/** A word of letters; `l'ajouter` is two words, `l` and `ajouter`. */
export interface Word extends Span {
  lower: string;
}

const LETTER = /\p{L}/u;
const WORD_AHEAD = /[\s'’-]*(\p{L}+)/uy;

function isLetter(text: string, index: number): boolean {
  return index >= 0 && index < text.length && LETTER.test(text[index]);
}

/**
 * The word that starts at `from` once spaces, apostrophes and hyphens are passed; undefined
 * when anything else (a digit, a placeholder, punctuation) comes first or `limit` is reached.
 */
export function wordAt(text: string, from: number, limit = text.length): Word | undefined {
  WORD_AHEAD.lastIndex = from;
  const match = WORD_AHEAD.exec(text);
  if (!match) return undefined;
  const end = WORD_AHEAD.lastIndex;
  if (end > limit) return undefined;
  return { start: end - match[1].length, end, lower: match[1].toLowerCase() };
}

/** The first word from `from` that is not in `skip` (object pronouns, adverbs...). */
export function wordAfter(text: string, from: number, skip: ReadonlySet<string>, limit = text.length): Word | undefined {
  let word = wordAt(text, from, limit);
  for (let hops = 0; word && skip.has(word.lower) && hops < 4; hops++) word = wordAt(text, word.end, limit);
  return word;
}

/** The word just before `index` (spaces and apostrophes between), lower-cased; '' when none. */
export function wordBefore(text: string, index: number): string {
  let end = index;
  while (end > 0 && !isLetter(text, end - 1)) {
    const code = text.charCodeAt(end - 1);
    if (code !== 0x20 && code !== 0xa0 && code !== 0x27 && code !== 0x2019 && code !== 0x202f) return '';
    end--;
  }
  let start = end;
  while (start > 0 && isLetter(text, start - 1)) start--;
  return text.slice(start, end).toLowerCase();
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}
