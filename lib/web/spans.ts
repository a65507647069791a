import type { Finding } from '../engine';

/**
 * Moves the spans of findings computed for `before` onto `after`, so highlights follow the text
 * while the user types and the next lint result is on its way. Text before the edit keeps its
 * offsets, text after it shifts by the edit's length, and a span the edit touches grows or
 * shrinks with it. One finding out for each finding in, in the same order.
 */
export function shiftFindings(before: string, after: string, findings: readonly Finding[]): Finding[] {
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (suffix < shortest - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix += 1;
  const editEndBefore = before.length - suffix;
  const editEndAfter = after.length - suffix;
  const delta = after.length - before.length;
  // Inserting at a span's edge leaves the span alone: the new text is outside it.
  const moveStart = (offset: number): number => (offset < prefix ? offset : offset >= editEndBefore ? offset + delta : prefix);
  const moveEnd = (offset: number): number => (offset <= prefix ? offset : offset >= editEndBefore ? offset + delta : editEndAfter);
  return findings.map((finding) => {
    const start = moveStart(finding.start);
    return { ...finding, start, end: Math.max(moveEnd(finding.end), start) };
  });
}
