import type { InputProblem } from '../engine';
import { escapePointer } from './json';

/**
 * Why a client regular expression could backtrack exponentially, or undefined. A linear
 * scan, deliberately conservative (the star-height test of `safe-regex`): a group that
 * repeats (`*`, `+`, `{n,}`, `{n,m}` with m > 1) must hold neither a quantifier nor an
 * alternation, and backreferences are refused. `^(a+)+$`, `^(a|a)*b$` and `(\d+)*#` are
 * refused; `^[A-Z]{2}[0-9]{4}$` and `^(?:\+33)?[0-9]{9}$` pass.
 */
export function backtrackingRisk(pattern: string): string | undefined {
  const groups: Array<{ quantified: boolean; alternates: boolean }> = [{ quantified: false, alternates: false }];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    const top = groups[groups.length - 1];
    if (c === '\\') {
      if (/[1-9k]/.test(pattern[i + 1] ?? '')) return 'uses a backreference';
      i += 2;
    } else if (c === '[') {
      i = endOfClass(pattern, i + 1);
    } else if (c === '(') {
      groups.push({ quantified: false, alternates: false });
      i++;
    } else if (c === ')') {
      const group = groups.length > 1 ? groups.pop()! : top;
      const quantifier = quantifierAt(pattern, i + 1);
      if (quantifier?.repeats && (group.quantified || group.alternates)) {
        return 'repeats a group that itself repeats or alternates: it can backtrack exponentially';
      }
      const parent = groups[groups.length - 1];
      parent.quantified ||= group.quantified || Boolean(quantifier?.repeats);
      parent.alternates ||= group.alternates;
      i += 1 + (quantifier?.length ?? 0);
    } else if (c === '|') {
      top.alternates = true;
      i++;
    } else {
      const quantifier = quantifierAt(pattern, i);
      if (quantifier) {
        top.quantified ||= quantifier.repeats;
        i += quantifier.length;
      } else i++;
    }
  }
  return undefined;
}

/** The quantifier at `i` (with its lazy `?`), and whether it repeats more than once. */
function quantifierAt(pattern: string, i: number): { repeats: boolean; length: number } | undefined {
  const c = pattern[i];
  let length: number;
  let repeats: boolean;
  if (c === '*' || c === '+') [length, repeats] = [1, true];
  else if (c === '?') [length, repeats] = [1, false];
  else if (c === '{') {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i, i + 24));
    if (!match) return undefined;
    length = match[0].length;
    repeats = match[2] !== undefined && (match[3] === '' || Number(match[3]) > 1);
    if (match[2] === undefined) repeats = Number(match[1]) > 1;
  } else return undefined;
  return { repeats, length: pattern[i + length] === '?' ? length + 1 : length };
}

/** Index after the `]` closing a character class that starts at `i` (its contents are one atom). */
function endOfClass(pattern: string, i: number): number {
  if (pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Every `pattern` and `patternProperties` key of a schema, with its JSON pointer, that could backtrack. */
export function riskyPatterns(schema: object, basePath: string): InputProblem[] {
  const problems: InputProblem[] = [];
  // Iterative: the engine bounds the schema's size, and no recursion can overflow.
  const stack: Array<{ value: object; path: string }> = [{ value: schema, path: basePath }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    for (const [key, child] of Object.entries(value)) {
      const childPath = `${path}/${escapePointer(key)}`;
      if (key === 'pattern' && typeof child === 'string') {
        const risk = backtrackingRisk(child);
        if (risk) problems.push({ path: childPath, message: `${risk}; use a pattern without nested repetition` });
      } else if (key === 'patternProperties' && typeof child === 'object' && child !== null) {
        for (const name of Object.keys(child)) {
          const risk = backtrackingRisk(name);
          if (risk) problems.push({ path: `${childPath}/${escapePointer(name)}`, message: `${risk}; use a pattern without nested repetition` });
        }
      }
      if (typeof child === 'object' && child !== null && key !== 'enum' && key !== 'const' && key !== 'default' && key !== 'examples') {
        stack.push({ value: child, path: childPath });
      }
    }
  }
  return problems;
}
