import type { Scalar } from 'yaml';
import type { Position } from './positions';

/**
 * A region of a file as SARIF describes one: 1-based lines and columns in UTF-16 code
 * units, `charOffset`/`charLength` in the file. Only `startLine` when the span cannot be
 * placed exactly.
 */
export interface FileRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  charOffset?: number;
  charLength?: number;
}

/** Maps a span of a template's body (the engine's UTF-16 offsets) to where it is written in its file. */
export type BodyLocator = (start: number, end: number) => FileRegion;

type PositionOf = (offset: number) => Position;

/** The region from file offset `from` to `to` (exclusive). */
export function regionBetween(from: number, to: number, positionOf: PositionOf): FileRegion {
  const start = positionOf(from);
  const end = positionOf(to);
  return {
    startLine: start.line,
    startColumn: start.column,
    endLine: end.line,
    endColumn: end.column,
    charOffset: from,
    charLength: to - from,
  };
}

/**
 * The locator of the `body` string of the JSON object starting at `objectStart`, exact
 * through escapes (`\n` and `\u00e9` take several characters of the file for one of the
 * body); undefined when the object has no string `body`.
 */
export function jsonBodyLocator(text: string, objectStart: number, positionOf: PositionOf): BodyLocator | undefined {
  const quote = jsonBodyStart(text, objectStart);
  if (quote === undefined) return undefined;
  let fileOffsets: number[] | undefined;
  return (start, end) => {
    fileOffsets ??= jsonStringOffsets(text, quote);
    const last = fileOffsets.length - 1;
    return regionBetween(fileOffsets[Math.min(start, last)], fileOffsets[Math.min(end, last)], positionOf);
  };
}

/**
 * The locator of a YAML `body` scalar: exact when the body is written as is (plain, or in
 * quotes without escapes or folded lines), else the line where the body starts, since
 * folding and block indentation make file and body offsets part ways.
 */
export function yamlBodyLocator(text: string, node: Scalar, positionOf: PositionOf): BodyLocator | undefined {
  if (!node.range || typeof node.value !== 'string') return undefined;
  const [nodeStart, valueEnd] = node.range;
  const raw = text.slice(nodeStart, valueEnd);
  const value = node.value;
  const verbatim =
    (node.type === 'PLAIN' && raw === value) ||
    (node.type === 'QUOTE_DOUBLE' && raw === `"${value}"`) ||
    (node.type === 'QUOTE_SINGLE' && raw === `'${value}'`);
  if (!verbatim) return () => ({ startLine: positionOf(nodeStart).line });
  const bodyStart = node.type === 'PLAIN' ? nodeStart : nodeStart + 1;
  return (start, end) => regionBetween(bodyStart + start, bodyStart + end, positionOf);
}

/** Offset of the opening quote of the string value of key `body` in the object at `objectStart`. */
export function jsonBodyStart(text: string, objectStart: number): number | undefined {
  if (text[objectStart] !== '{') return undefined;
  let depth = 0;
  for (let i = objectStart; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (--depth === 0) return undefined;
    } else if (c === '"') {
      const keyStart = i;
      i = stringEnd(text, i);
      if (depth !== 1 || text.slice(keyStart, i + 1) !== '"body"') continue;
      const value = skipSpaces(text, skipSpaces(text, i + 1) + 1);
      if (text[skipSpaces(text, i + 1)] === ':' && text[value] === '"') return value;
    }
  }
  return undefined;
}

/** For each UTF-16 unit of a JSON string's value, its offset in the file; last, the closing quote's. */
export function jsonStringOffsets(text: string, quote: number): number[] {
  const offsets: number[] = [];
  let i = quote + 1;
  while (i < text.length && text[i] !== '"') {
    offsets.push(i);
    i += text[i] !== '\\' ? 1 : text[i + 1] === 'u' ? 6 : 2;
  }
  offsets.push(i);
  return offsets;
}

/** Offset of the quote closing the JSON string opened at `quote`. */
export function stringEnd(text: string, quote: number): number {
  let i = quote + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i;
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i++;
  return i;
}
