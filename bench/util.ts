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
