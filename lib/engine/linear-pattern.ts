import type { RE2JS } from 're2js';

/**
 * Above this RE2 program size (about one instruction per character or class a match may
 * take), a pattern is refused: matching costs the value's length times this at most.
 */
export const MAX_PATTERN_PROGRAM = 2000;

/**
 * Compiles a user's pattern (ECMAScript syntax, as JSON Schema writes it) with RE2JS, whose
 * matching time is linear in the value whatever the pattern: no backtracking, so no
 * `(a|a)*` can stall a request. Throws, saying why, for what RE2 cannot run
 * (backreferences, lookaround) and for a program over `MAX_PATTERN_PROGRAM`. RE2JS is pure
 * JavaScript (no native or WebAssembly part to load in Lambda: esbuild bundles it like any
 * module), a maintained port of RE2. Required on the first pattern: loading it costs more
 * than a lint, and most templates have none.
 */
function compileLinear(pattern: string): RE2JS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- required on first need, not at load
  const { RE2JS } = require('./runtime-compilers') as typeof import('./runtime-compilers');
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(RE2JS.translateRegExp(pattern));
  } catch (error) {
    throw new Error(`is not a pattern a linear-time engine can run (${error instanceof Error ? error.message : String(error)}): backreferences and lookaround are not supported`);
  }
  const size = compiled.programSize();
  if (size > MAX_PATTERN_PROGRAM) throw new Error(`is too large a pattern (${size} RE2 instructions, at most ${MAX_PATTERN_PROGRAM})`);
  return compiled;
}

/**
 * ajv's `code.regExp`: tests with RE2JS (`code` names it in standalone code, which is not
 * used). ajv shares compiled patterns by their `toString()`: it must name the pattern, or
 * every schema would test its values with the first pattern compiled.
 */
export function linearRegExp(pattern: string): { test(value: string): boolean; toString(): string } {
  const compiled = compileLinear(pattern);
  return { test: (value) => compiled.matcher(value).find(), toString: () => `re2js:${pattern}` };
}
linearRegExp.code = 'linearRegExp';

/** Why `pattern` cannot be a pattern of a user's schema, or undefined. */
export function linearPatternProblem(pattern: string): string | undefined {
  try {
    compileLinear(pattern);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
