import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { splitTopLevel } from '../../lib/engine/sms/per-language';

export interface CollectedRegex {
  source: string;
  flags: string;
  /** Where it comes from: `file:line` for a literal, `built at load` for a RegExp made from data. */
  origin: string;
}

const root = join(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every regular expression literal written in the product's TypeScript (lib/, lambdas/, bin/). */
export function regexLiterals(): CollectedRegex[] {
  const found: CollectedRegex[] = [];
  for (const file of ['lib', 'lambdas', 'bin'].flatMap((dir) => sourceFiles(join(root, dir)))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const lastSlash = text.lastIndexOf('/');
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push({
          source: text.slice(1, lastSlash),
          flags: text.slice(lastSlash + 1),
          origin: `${relative(root, file)}:${line + 1}`,
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/**
 * Every RegExp the engine builds from its locale data while it loads: the global
 * constructor is wrapped while the engine's modules are loaded afresh, then restored.
 */
export function regexesBuiltAtLoad(load: () => void): CollectedRegex[] {
  const found: CollectedRegex[] = [];
  const Original = globalThis.RegExp;
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args: [string | RegExp, string?]) {
      const made = new target(...args);
      found.push({ source: made.source, flags: made.flags, origin: 'built at load' });
      return made;
    },
  });
  try {
    load();
  } finally {
    globalThis.RegExp = Original;
  }
  return found;
}

/**
 * The top-level alternatives of a pattern (`a|(?:b|c)` → `a`, `(?:b|c)`), recursing into a
 * branch that is one whole non-capturing group. At the top level each alternative is tried
 * once per start position, so the pattern is linear when every alternative is; analysing
 * them one by one is much faster and names the lexicon entry at fault.
 */
export function topLevelAlternatives(source: string): string[] {
  const branches = splitTopLevel(source);
  if (branches.length === 1) {
    const inner = wholeGroupBody(source);
    return inner === undefined ? branches : topLevelAlternatives(inner);
  }
  return branches.flatMap((branch) => topLevelAlternatives(branch));
}

/** `(?:x)` → `x` when the group spans the whole source; otherwise undefined. */
function wholeGroupBody(source: string): string | undefined {
  if (!source.startsWith('(?:') || !source.endsWith(')')) return undefined;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i === source.length - 1 ? source.slice(3, -1) : undefined;
  }
  return undefined;
}
