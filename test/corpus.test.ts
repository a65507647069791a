import { readFileSync } from 'node:fs';
import { lint } from '../lib/engine';
import { describeWithShared } from './shared';

/**
 * The labelled corpus (shared/corpus/dev.jsonl, beside the clone) through the whole engine:
 * precision, recall and F1 of each core check in each language must stay at 0.90 or more.
 */

interface Labels {
  cta: boolean;
  directive: boolean;
  rationale: boolean | null;
  consequence: boolean | null;
}
interface CorpusItem {
  id: string;
  locale: string;
  category: 'transactional' | 'promotional';
  body: string;
  labels: Labels;
}

/** A check is expected to fire when (spec, "The labelled corpus"): */
const expectations: Record<string, (labels: Labels) => boolean> = {
  'directive-tone': (labels) => labels.directive === true,
  'missing-rationale': (labels) => labels.rationale === false,
  'missing-consequence': (labels) => labels.consequence === false,
};

interface Score {
  check: string;
  language: string;
  precision: number;
  recall: number;
  f1: number;
  misses: string[];
}

function score(items: CorpusItem[], check: string, language: string): Score {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const misses: string[] = [];
  for (const item of items.filter((candidate) => candidate.locale.startsWith(language))) {
    const fired = lint(item).findings.some((finding) => finding.ruleId === check);
    const expected = expectations[check](item.labels);
    if (fired && expected) truePositives++;
    if (fired && !expected) falsePositives++;
    if (!fired && expected) falseNegatives++;
    if (fired !== expected) misses.push(`${item.id} (${fired ? 'false positive' : 'false negative'})`);
  }
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { check, language, precision, recall, f1, misses };
}

describeWithShared('labelled corpus', 'corpus/dev.jsonl', (corpusPath) => {
  const items: CorpusItem[] = readFileSync(corpusPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusItem);
  const scores = Object.keys(expectations).flatMap((check) => ['en', 'fr'].map((language) => score(items, check, language)));

  beforeAll(() => {
    const rows = scores.map(
      (s) => `${s.check.padEnd(20)} ${s.language}  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}`,
    );
    console.log(`corpus: ${items.length} templates\n${rows.join('\n')}`);
  });

  it('holds templates in both languages', () => {
    expect(items.filter((item) => item.locale.startsWith('en')).length).toBeGreaterThan(0);
    expect(items.filter((item) => item.locale.startsWith('fr')).length).toBeGreaterThan(0);
  });

  it.each(scores.map((s) => [s.check, s.language, s] as const))('%s (%s): precision, recall and F1 at least 0.90', (_check, _language, s) => {
    expect({ precision: s.precision >= 0.9, recall: s.recall >= 0.9, f1: s.f1 >= 0.9, misses: s.misses }).toEqual({
      precision: true,
      recall: true,
      f1: true,
      misses: expect.any(Array),
    });
  });
});
