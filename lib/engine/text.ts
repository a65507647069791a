/** A `{{name}}` in the body. Offsets are UTF-16, end exclusive, braces included. */
export interface Placeholder {
  start: number;
  end: number;
  /** The trimmed name between the braces (`customer.firstName`); empty for `{{ }}`. */
  name: string;
}

/** A brace that does not belong to a well-formed `{{...}}`. */
export interface StrayBrace {
  start: number;
  end: number;
  kind: 'unclosed' | 'unopened';
}

/** What every rule needs to know about a body, computed once per lint. */
export interface TextAnalysis {
  readonly body: string;
  readonly placeholders: readonly Placeholder[];
  readonly strayBraces: readonly StrayBrace[];
  /**
   * The body with every placeholder replaced by as many U+E000 characters, so that word
   * rules never read a placeholder as words (`{{AMOUNT}}` is not shouting) and offsets
   * into `masked` are offsets into `body`.
   */
  readonly masked: string;
}

/** Stands in for placeholder characters in `masked`: a private-use code point, never a letter. */
export const PLACEHOLDER_MASK = '\uE000';

/** Scans the body once, left to right: linear in its length whatever it holds. */
export function analyseText(body: string): TextAnalysis {
  const placeholders: Placeholder[] = [];
  const strayBraces: StrayBrace[] = [];
  let masked = '';
  let copiedUpTo = 0;
  if (body.indexOf('{') < 0 && body.indexOf('}') < 0) return { body, placeholders, strayBraces, masked: body };
  // The next `}}` and `{{` ahead are cached and only searched again once passed, so the
  // scan stays linear even for a body of unclosed braces.
  let close = -1;
  let nextOpen = -1;
  let i = 0;
  while (i < body.length) {
    const c = body.charCodeAt(i);
    if (c === 0x7b /* { */ && body.charCodeAt(i + 1) === 0x7b) {
      if (close !== Infinity && close < i + 2) close = indexOrInfinity(body, '}}', i + 2);
      if (nextOpen !== Infinity && nextOpen < i + 2) nextOpen = indexOrInfinity(body, '{{', i + 2);
      if (close === Infinity || nextOpen < close) {
        strayBraces.push({ start: i, end: i + 2, kind: 'unclosed' });
        i += 2;
        continue;
      }
      const end = close + 2;
      placeholders.push({ start: i, end, name: body.slice(i + 2, close).trim() });
      masked += body.slice(copiedUpTo, i) + PLACEHOLDER_MASK.repeat(end - i);
      copiedUpTo = end;
      i = end;
      continue;
    }
    if (c === 0x7d /* } */ && body.charCodeAt(i + 1) === 0x7d) {
      strayBraces.push({ start: i, end: i + 2, kind: 'unopened' });
      i += 2;
      continue;
    }
    i++;
  }
  masked += body.slice(copiedUpTo);
  return { body, placeholders, strayBraces, masked };
}

function indexOrInfinity(text: string, needle: string, from: number): number {
  const index = text.indexOf(needle, from);
  return index < 0 ? Infinity : index;
}
