/**
 * Worst variable patterns of issue 10, timed with the built-in (backtracking) RegExp and
 * with the engine's linear-time one (RE2JS, as ajv runs it on dispatch values). Run with
 * `npx tsx bench/patterns.ts`; not part of `npm test` (no timed tests).
 */
import { variablesValidator } from '../lib/engine';

const cases: Array<{ name: string; pattern: string; value: (n: number) => string; backtrackingAt: number }> = [
  { name: '^(a|a)*$ through $ref', pattern: '^(a|a)*$', value: (n) => `${'a'.repeat(n)}b`, backtrackingAt: 24 },
  { name: 'seven a{0,30}, anchored', pattern: `^${'a{0,30}'.repeat(7)}$`, value: (n) => `${'a'.repeat(n)}b`, backtrackingAt: 40 },
  { name: '^(a+)+$', pattern: '^(a+)+$', value: (n) => `${'a'.repeat(n)}!`, backtrackingAt: 24 },
];

function time(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

for (const { name, pattern, value, backtrackingAt } of cases) {
  const native = new RegExp(pattern, 'u');
  const backtracking = time(() => native.test(value(backtrackingAt)));
  const validate = variablesValidator({ type: 'object', properties: { code: { $ref: '#/$defs/code' } }, $defs: { code: { type: 'string', pattern } } });
  validate({ code: 'warm-up' });
  const linearShort = time(() => validate({ code: value(backtrackingAt) }));
  const linearLong = time(() => validate({ code: value(10_000) }));
  console.log(`${name}: RegExp ${backtracking.toFixed(0)} ms at ${backtrackingAt + 1} chars; RE2JS ${linearShort.toFixed(2)} ms at ${backtrackingAt + 1}, ${linearLong.toFixed(1)} ms at 10,001`);
}
