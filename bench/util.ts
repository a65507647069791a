import { resolve } from 'node:path';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Messages a slice of an interleaved pass runs: a few milliseconds, so that each run's slice meets the same moment of the machine. */
const SLICE = 250;

/**
 * The seconds each of `runs` takes over all of `items`, per pass, in one process: each pass
 * cuts the items into slices and runs every contender on a slice before the next slice, so
 * that a moment the machine is slower (another process, a garbage collection) falls on all
 * of them alike and not on one whole pass of one. The contenders take turns to go first on a
 * slice, as the first brings the slice's messages into the cache. Two passes first warm up,
 * not counted.
 */
export function interleavedPasses<T, K extends string>(items: readonly T[], runs: Record<K, (item: T) => unknown>, passes: number): Record<K, number[]> {
  const names = Object.keys(runs) as K[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let pass = -2; pass < passes; pass++) {
    const totals = names.map(() => 0n);
    for (let from = 0, turn = pass + 2; from < items.length; from += SLICE, turn++) {
      const slice = items.slice(from, from + SLICE);
      for (let k = 0; k < names.length; k++) {
        const contender = (turn + k) % names.length;
        const run = runs[names[contender]];
        const started = process.hrtime.bigint();
        for (const item of slice) run(item);
        totals[contender] += process.hrtime.bigint() - started;
      }
    }
    if (pass >= 0) names.forEach((name, k) => times[name].push(Number(totals[k]) / 1e9));
  }
  return times;
}

/** A path inside `../shared`, which sits beside the clone (bench data is never needed at run time). */
export function shared(path: string): string {
  return resolve(__dirname, '../../shared', path);
}

/** A target missed, as the bench prints it. */
const misses: string[] = [];

/**
 * `value` against its target (`at most` or `at least`): the text to print after the figure,
 * and the miss recorded for `reportMisses`.
 */
export function target(label: string, value: number, bound: 'at most' | 'at least', limit: number, unit = ''): string {
  const met = bound === 'at most' ? value <= limit : value >= limit;
  const text = `target ${bound === 'at most' ? '<=' : '>='} ${limit}${unit}`;
  if (met) return `(${text})`;
  misses.push(`${label}: ${Math.round(value * 10) / 10}${unit}, ${text}`);
  return `(${text}: MISSED)`;
}

/** Prints the targets missed, if any, and returns how many: `npm run bench` exits 1 when there is one. */
export function reportMisses(): number {
  if (misses.length > 0) console.error(`bench: ${misses.length} target(s) missed:\n  ${misses.join('\n  ')}`);
  else console.log('bench: every target met');
  return misses.length;
}
