import { isDeepStrictEqual } from 'node:util';
import type { Node } from 'yaml';
import { jsonBodyStart, jsonStringOffsets } from './body-locations';
import { yaml } from './lazy';
import { arrayItemOffsets, firstValueOffset, parseTemplates, type TemplateExtension } from './sources';

/**
 * The text of a template file with the bodies of some of its templates replaced (by their
 * index in the file) and everything else kept as written. JSON and JSON Lines change only
 * the characters of the body that changed, escaped as JSON wants; YAML rewrites the body
 * scalar in its own style (plain, quoted, literal or folded block) through the YAML CST,
 * keeping comments and the rest of the document. The result is parsed again and must hold
 * the same templates with only those bodies changed; otherwise this throws, and the file
 * must not be written.
 */
export function rewriteBodies(text: string, extension: TemplateExtension, name: string, bodies: ReadonlyMap<number, string>): string {
  const rewritten = extension === '.yaml' || extension === '.yml' ? rewriteYaml(text, bodies) : rewriteJson(text, extension, bodies);
  const before = parseTemplates(text, extension, name).map(({ template }) => template);
  const expected = before.map((template, index) => (bodies.has(index) ? { ...(template as object), body: bodies.get(index) } : template));
  const after = parseTemplates(rewritten, extension, name).map(({ template }) => template);
  if (!isDeepStrictEqual(after, expected)) throw new Error(`${name}: rewriting the bodies would change more than the bodies`);
  return rewritten;
}

/** The one span where `before` and `after` differ, never splitting a surrogate pair. */
export function changedSpan(before: string, after: string): { start: number; end: number; text: string } {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before[start] === after[start]) start++;
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  let kept = 0;
  while (kept < shorter - start && before[before.length - 1 - kept] === after[after.length - 1 - kept]) kept++;
  if (kept > 0 && isLowSurrogate(before.charCodeAt(before.length - kept))) kept--;
  return { start, end: before.length - kept, text: after.slice(start, after.length - kept) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Where each template object of a `.json` or `.jsonl` text starts. */
function objectStarts(text: string, extension: TemplateExtension): number[] {
  if (extension === '.json') return text.trimStart().startsWith('[') ? arrayItemOffsets(text) : [firstValueOffset(text)];
  const starts: number[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') starts.push(lineStart + firstValueOffset(line));
    lineStart += line.length + 1;
  }
  return starts;
}

function rewriteJson(text: string, extension: TemplateExtension, bodies: ReadonlyMap<number, string>): string {
  const starts = objectStarts(text, extension);
  const edits = [...bodies].map(([index, body]) => {
    const quote = jsonBodyStart(text, starts[index]);
    if (quote === undefined) throw new Error(`template ${index} has no string body`);
    const offsets = jsonStringOffsets(text, quote);
    const before = JSON.parse(text.slice(quote, offsets[offsets.length - 1] + 1)) as string;
    const { start, end, text: replacement } = changedSpan(before, body);
    return { from: offsets[start], to: offsets[end], text: JSON.stringify(replacement).slice(1, -1) };
  });
  edits.sort((a, b) => b.from - a.from);
  return edits.reduce((result, edit) => result.slice(0, edit.from) + edit.text + result.slice(edit.to), text);
}

function rewriteYaml(text: string, bodies: ReadonlyMap<number, string>): string {
  const { Composer, CST, Parser, isMap, isScalar, isSeq } = yaml();
  const tokens = Array.from(new Parser().parse(text));
  const [document] = Array.from(new Composer({ keepSourceTokens: true }).compose(tokens));
  const contents = document.contents;
  const items: unknown[] = isSeq(contents) ? contents.items : [contents];
  for (const [index, body] of bodies) {
    const item = items[index] as Node;
    const node = isMap(item) ? item.get('body', true) : undefined;
    if (!isMap(item) || !isScalar(node) || !node.srcToken) throw new Error(`template ${index} has no body scalar`);
    CST.setScalarValue(node.srcToken, body, { afterKey: true, inFlow: item.flow === true });
  }
  return tokens.map((token) => CST.stringify(token)).join('');
}
