import type { Edit, Finding } from './types';

/**
 * The body with the fixes of `findings` applied, and the findings whose fix was applied.
 * Fixes are taken in body order; one that overlaps a fix already taken is left for a
 * later pass (lint again, then apply again), as ESLint does.
 */
export function applyFixes(body: string, findings: readonly Finding[]): { output: string; applied: Finding[] } {
  const fixable = findings.filter((finding): finding is Finding & { fix: Edit } => finding.fix !== undefined && !finding.suppressed);
  fixable.sort((a, b) => a.fix.start - b.fix.start || a.fix.end - b.fix.end);
  const applied: Finding[] = [];
  let output = '';
  let copiedUpTo = 0;
  for (const finding of fixable) {
    const { start, end, text } = finding.fix;
    // An insertion at the end of the previous edit would be ambiguous in order: next pass.
    if (start < copiedUpTo || (start === copiedUpTo && applied.length > 0 && start === end)) continue;
    output += body.slice(copiedUpTo, start) + text;
    copiedUpTo = end;
    applied.push(finding);
  }
  return { output: output + body.slice(copiedUpTo), applied };
}
