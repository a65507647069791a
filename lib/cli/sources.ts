import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Node } from 'yaml';
import { jsonBodyLocator, stringEnd, yamlBodyLocator, type BodyLocator } from './body-locations';
import { yaml } from './lazy';
import { positionsIn, type Position } from './positions';

/** One template as read from a file, not yet validated. */
export interface LoadedTemplate {
  /** `file` for a file holding one template, `file:line` for a JSON Lines line or a list item. */
  source: string;
  /** 1-based line of the file where the template starts. */
  line: number;
  template: unknown;
  /** Where a span of the body is written in the file; absent when the template has no string body. */
  locateBody?: BodyLocator;
}

/** A file that cannot be read or parsed; the message names the file and, where known, the line. */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}

/** The extensions smslint reads templates from. */
export const templateExtensions = ['.json', '.jsonl', '.yaml', '.yml'] as const;

/**
 * Reads the templates of one file, synchronously: `.json` (one template or an array),
 * `.jsonl` (one template a line, blank lines skipped), `.yaml`/`.yml` (one template or a
 * list). Throws a `SourceError` naming the file, the line and the problem. `name` is the
 * file name used in sources and messages (defaults to `path`).
 *
 * @example
 * loadTemplateFile('templates/alerts.jsonl') // [{ source: 'templates/alerts.jsonl:1', line: 1, template: {...} }, ...]
 */
export function loadTemplateFile(path: string, name: string = path): LoadedTemplate[] {
  return [...templatesIn(path, name)];
}

/**
 * The templates of one file, as `loadTemplateFile` reads them, but read and parsed as they
 * are wanted where the format allows (JSON Lines, a line at a time): a run over a file of
 * 100,000 templates then holds one line of it at a time, not the file nor its templates.
 */
export function templatesIn(path: string, name: string = path): Iterable<LoadedTemplate> {
  const extension = templateExtensionOf(path, name);
  if (extension === '.jsonl') return loadJsonLines(linesOfFile(path, name), name);
  return templatesOf(readText(path, name), extension, name);
}

/** The templates of a file's text, as `loadTemplateFile` reads them (`extension` from `templateExtensionOf`). */
export function parseTemplates(text: string, extension: TemplateExtension, name: string): LoadedTemplate[] {
  return [...templatesOf(text, extension, name)];
}

function templatesOf(text: string, extension: TemplateExtension, name: string): Iterable<LoadedTemplate> {
  if (extension === '.jsonl') return loadJsonLines(linesOf(text), name);
  if (extension === '.json') return loadJson(text, name);
  return loadYaml(text, name);
}

export type TemplateExtension = (typeof templateExtensions)[number];

/** The lower-cased extension of a template file; a `SourceError` for any other file. */
export function templateExtensionOf(path: string, name: string = path): TemplateExtension {
  const extension = extname(path).toLowerCase();
  if (!(templateExtensions as readonly string[]).includes(extension)) {
    throw new SourceError(`${name}: cannot read templates from a "${extension}" file (use ${templateExtensions.join(', ')})`);
  }
  return extension as TemplateExtension;
}

/** Reads a UTF-8 file, turning a missing or unreadable file into a `SourceError`. */
export function readText(path: string, name: string = path): string {
  return readingAs(name, () => readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
}

/** `read()`, with a missing or unreadable file as a `SourceError` naming the file. */
function readingAs<T>(name: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new SourceError(`${name}: cannot read: ${reason}`);
  }
}

/** The lines of a text, without their `\n`. */
function* linesOf(text: string): Generator<string> {
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    yield text.slice(start, end);
    start = end + 1;
  }
}

const CHUNK_BYTES = 64 * 1024;

/** The lines of a UTF-8 file, read a chunk at a time, as `linesOf` gives those of its text. */
function* linesOfFile(path: string, name: string): Generator<string> {
  const fd = readingAs(name, () => openSync(path, 'r'));
  try {
    const decoder = new StringDecoder('utf8');
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    const read = () => readingAs(name, () => readSync(fd, chunk));
    let pending = '';
    let first = true;
    for (let bytes = read(); bytes > 0; bytes = read()) {
      pending += decoder.write(chunk.subarray(0, bytes));
      if (first) {
        pending = pending.replace(/^\uFEFF/, '');
        first = pending.length === 0;
      }
      let start = 0;
      for (let newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n', start)) {
        yield pending.slice(start, newline);
        start = newline + 1;
      }
      pending = pending.slice(start);
    }
    pending += decoder.end();
    if (pending !== '') yield pending;
  } finally {
    closeSync(fd);
  }
}

/** `JSON.parse` whose error names the file and, when V8 gives a position, its line and column. */
export function parseJson(text: string, name: string, firstLine = 1): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const where = position ? positionsIn(text)(Number(position[1])) : { line: 1, column: 0 };
    const line = where.line + firstLine - 1;
    throw new SourceError(`${name}:${line}${where.column ? `:${where.column}` : ''}: invalid JSON: ${message}`);
  }
}

function* loadJsonLines(lines: Iterable<string>, name: string): Generator<LoadedTemplate> {
  let line = 0;
  let lineStart = 0;
  for (const raw of lines) {
    line++;
    const content = raw.replace(/\r$/, '');
    if (content.trim() !== '') {
      const template = parseJson(content, name, line);
      const locateBody = lineBodyLocator(content, line, lineStart);
      yield { source: `${name}:${line}`, line, template, locateBody };
    }
    lineStart += raw.length + 1;
  }
}

/** The body locator of the template on one line (`line`, starting at file offset `lineStart`), from that line alone. */
function lineBodyLocator(content: string, line: number, lineStart: number): BodyLocator | undefined {
  const locate = jsonBodyLocator(content, firstValueOffset(content), (offset) => ({ line, column: offset + 1 }));
  return (
    locate &&
    ((start, end) => {
      const region = locate(start, end);
      return { ...region, charOffset: region.charOffset! + lineStart };
    })
  );
}

function loadJson(text: string, name: string): LoadedTemplate[] {
  const value = parseJson(text, name);
  const positionOf = positionsIn(text);
  const located = (start: number) => {
    const locateBody = jsonBodyLocator(text, start, positionOf);
    return locateBody && { locateBody };
  };
  if (!Array.isArray(value)) {
    const start = firstValueOffset(text);
    return [{ source: name, line: positionOf(start).line, template: value, ...located(start) }];
  }
  const offsets = arrayItemOffsets(text);
  return itemSources(name, offsets, positionOf).map((item, index) => ({ ...item, template: value[index], ...located(offsets[index]) }));
}

function loadYaml(text: string, name: string): LoadedTemplate[] {
  const { isMap, isScalar, isSeq, parseDocument } = yaml();
  const document = parseDocument(text);
  const [firstError] = document.errors;
  if (firstError) {
    const where = firstError.linePos ? `:${firstError.linePos[0].line}:${firstError.linePos[0].col}` : '';
    const message = firstError.message.split('\n')[0].replace(/ at line \d+, column \d+:$/, '');
    throw new SourceError(`${name}${where}: invalid YAML: ${message}`);
  }
  const positionOf = positionsIn(text);
  const located = (node: unknown) => {
    const body = isMap(node) ? node.get('body', true) : undefined;
    const locateBody = isScalar(body) ? yamlBodyLocator(text, body, positionOf) : undefined;
    return locateBody && { locateBody };
  };
  const contents = document.contents;
  const value: unknown = document.toJS();
  if (!isSeq(contents)) {
    return [{ source: name, line: positionOf(contents?.range?.[0] ?? 0).line, template: value, ...located(contents) }];
  }
  const offsets = contents.items.map((item) => (item as Node).range?.[0] ?? 0);
  return itemSources(name, offsets, positionOf).map((item, index) => ({
    ...item,
    template: (value as unknown[])[index],
    ...located(contents.items[index]),
  }));
}

/** `file:line` for each list item; `file:line:column` when items share a line, so sources stay unique. */
function itemSources(name: string, offsets: number[], positionOf: (offset: number) => Position): { source: string; line: number }[] {
  const positions = offsets.map(positionOf);
  const itemsOnLine = new Map<number, number>();
  for (const { line } of positions) itemsOnLine.set(line, (itemsOnLine.get(line) ?? 0) + 1);
  return positions.map(({ line, column }) => ({
    source: itemsOnLine.get(line)! > 1 ? `${name}:${line}:${column}` : `${name}:${line}`,
    line,
  }));
}

export function firstValueOffset(text: string): number {
  const match = /\S/.exec(text);
  return match ? match.index : 0;
}

/**
 * Offsets where the items of a valid JSON array start: one pass that skips strings and
 * counts brackets, so a template's line is known without a second parser.
 */
export function arrayItemOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let expectingItem = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (depth === 1 && expectingItem && c !== ']') {
      offsets.push(i);
      expectingItem = false;
    }
    if (c === '"') {
      i = stringEnd(text, i);
    } else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectingItem = true;
    } else if (c === ']' || c === '}') {
      depth--;
    } else if (c === ',' && depth === 1) {
      expectingItem = true;
    }
  }
  return offsets;
}
