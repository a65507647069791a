import { resolve } from 'node:path';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
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
