import type { Finding } from '../engine';

/** No answer is larger than this: Lambda's limit is 6 MB, and no client needs more to act. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;
/**
 * The findings one answer carries: an error body lists them twice (`findings` and
 * `details`) next to at most a 64 KB template, and stays under `MAX_RESPONSE_BYTES`.
 */
export const FINDINGS_BUDGET_BYTES = 400 * 1024;

/**
 * The findings that fit in `budget` bytes of JSON, in order, and how many were left out:
 * a 64 KB body of short links draws tens of thousands, and the first ones say what to fix.
 */
export function boundFindings<F extends Finding>(findings: readonly F[], budget = FINDINGS_BUDGET_BYTES): { findings: F[]; omittedFindings: number } {
  let size = 2;
  let kept = 0;
  for (const finding of findings) {
    size += Buffer.byteLength(JSON.stringify(finding)) + 1;
    if (size > budget) break;
    kept++;
  }
  return { findings: findings.slice(0, kept), omittedFindings: findings.length - kept };
}

/** The first items whose JSON fits in `budget` bytes, at least one: a page of versions is cut by size as well as by count. */
export function itemsWithin<T>(items: readonly T[], budget: number): T[] {
  let size = 2;
  for (const [index, item] of items.entries()) {
    size += Buffer.byteLength(JSON.stringify(item)) + 1;
    if (size > budget && index > 0) return items.slice(0, index);
  }
  return [...items];
}
