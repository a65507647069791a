/** A stretch of the body, UTF-16 offsets, end exclusive, trimmed of spaces. */
export interface Span {
  start: number;
  end: number;
}

/**
 * A sentence: text up to `.`, `!`, `?`, `;`, `:`, `…` followed by a space (so `telvo.uk`,
 * `£61.00` and `14:32` do not end one) or a line break. A sender prefix (`Orange :`) is a
 * sentence of its own, and an emoji before a capital ends one. Clauses split it further at `, `
 * and at a spaced dash or arrow.
 */
export interface Sentence extends Span {
  /** The punctuation that ends it (`?`, `:`, `!!`...), empty at the end of the text. */
  terminator: string;
  clauses: Span[];
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x202f || code === 0x2009;
}

function isTerminator(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x3b || code === 0x3a || code === 0x2026;
}

function isDash(code: number): boolean {
  return code === 0x2d || code === 0x2013 || code === 0x2014;
}

/** The length of an arrow written at `at` (`->`, `=>`, `→`), or 0. */
function arrowLength(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code === 0x2192) return 1;
  return (code === 0x2d || code === 0x3d) && text.charCodeAt(at + 1) === 0x3e ? 2 : 0;
}

/** A pictograph or a symbol that SMS writers use as one (a UTF-16 unit of it): 😢, 🎉, ⚠, ‼. */
function isEmoji(code: number): boolean {
  return (code >= 0xd83c && code <= 0xd83e) || (code >= 0x2600 && code <= 0x27bf) || code === 0x203c || code === 0x2049 || (code >= 0x2b00 && code <= 0x2bff);
}

/** Where a run of emoji ends: their units, variation selectors, joiners, low surrogates and the spaces between them. */
function endOfEmojiRun(text: string, from: number): number {
  let end = from;
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isEmoji(code) || (code >= 0xdc00 && code <= 0xdfff) || code === 0xfe0f || code === 0x200d) end = i + 1;
    else if (code !== 0x20) break;
  }
  return end;
}

/** True when [start, end) holds only spaces: an emoji that opens a clause ends nothing. */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** True when the first non-space character from `from` is a capital letter. */
function startsCapital(text: string, from: number): boolean {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const char = text[i];
  return char !== undefined && char !== char.toLowerCase() && char === char.toUpperCase();
}

/** Appends the trimmed [start, end) to `spans` unless it is blank. */
function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start < end) spans.push({ start, end });
}

/** Splits `text` into sentences and clauses in one left-to-right pass. */
export function segment(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const length = text.length;
  let clauses: Span[] = [];
  let sentenceStart = 0;
  let clauseStart = 0;
  let i = 0;
  while (i <= length) {
    const code = i < length ? text.charCodeAt(i) : 0x0a;
    const next = i + 1 < length ? text.charCodeAt(i + 1) : 0x20;
    if (code === 0x0a || (isTerminator(code) && (isSpace(next) || isTerminator(next)))) {
      let end = i;
      while (end < length && isTerminator(text.charCodeAt(end))) end++;
      if (end === i) end = i + 1;
      pushTrimmed(clauses, text, clauseStart, i);
      if (clauses.length > 0) {
        sentences.push({
          start: clauses[0].start,
          end: clauses[clauses.length - 1].end,
          terminator: i < length ? text.slice(i, end).trim() : '',
          clauses,
        });
        clauses = [];
      }
      sentenceStart = clauseStart = end;
      i = end;
      continue;
    }
    // "On ne t'a pas vu 😢 Reviens nous voir": in a text message an emoji before a capital ends a sentence.
    const emojiEnd = isEmoji(code) && !isBlank(text, clauseStart, i) ? endOfEmojiRun(text, i) : i;
    if (emojiEnd > i && isSpace(text.charCodeAt(emojiEnd)) && startsCapital(text, emojiEnd)) {
      pushTrimmed(clauses, text, clauseStart, i);
      if (clauses.length > 0) {
        sentences.push({ start: clauses[0].start, end: clauses[clauses.length - 1].end, terminator: text.slice(i, emojiEnd), clauses });
        clauses = [];
      }
      sentenceStart = clauseStart = i = emojiEnd;
      continue;
    }
    if ((code === 0x2c /* , */ && isSpace(next)) || (isDash(code) && isSpace(next) && i > sentenceStart && isSpace(text.charCodeAt(i - 1)))) {
      pushTrimmed(clauses, text, clauseStart, i);
      clauseStart = i + 1;
    } else if (i > sentenceStart && isSpace(text.charCodeAt(i - 1))) {
      // A spaced arrow ("Chaque clic compte -> {{lien}}") points at what follows, as a dash sets it apart.
      const arrow = arrowLength(text, i);
      if (arrow > 0 && isSpace(text.charCodeAt(i + arrow))) {
        pushTrimmed(clauses, text, clauseStart, i);
        clauseStart = i + arrow;
      }
    }
    i++;
  }
  return sentences;
}
