/** Precision, recall and F1 of a check over some items. */
export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export function score(pairs: Iterable<{ fired: boolean; expected: boolean }>): Score {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const { fired, expected } of pairs) {
    if (fired && expected) truePositives++;
    else if (fired) falsePositives++;
    else if (expected) falseNegatives++;
  }
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

/**
 * Assigns each group (a sender: the members of a near-miss pair share one) to one of `k`
 * folds, by a hash of its name, so that folds are the same on every machine and a pair
 * never straddles training and evaluation.
 */
export function groupFolds(groups: readonly string[], k: number): Map<string, number> {
  const distinct = [...new Set(groups)].sort((a, b) => fnv(a) - fnv(b) || (a < b ? -1 : 1));
  return new Map(distinct.map((group, index) => [group, index % k]));
}

function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
