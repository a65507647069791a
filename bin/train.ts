#!/usr/bin/env node
/**
 * `npm run train`: learns the tone checks' decisions from a labelled corpus.
 *
 *   npm run train                                  the shipped models, from ../shared/corpus/train.jsonl
 *   npm run train -- --corpus my.jsonl --out dir   a team's models: dir/<language>.json, for
 *                                                  createLinter({ locales }) (see the README)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { builtInLocales } from '../lib/engine';
import { languageOf, readCorpus } from '../lib/train/corpus';
import { featurize, trainToneModel } from '../lib/train/tone';

const root = path.resolve(__dirname, '..');
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: path.resolve(root, '../shared/corpus/train.jsonl') },
    out: { type: 'string' },
  },
});
const corpus = path.resolve(values.corpus!);
const items = readCorpus(corpus);
for (const locale of builtInLocales) {
  const mine = items.filter((item) => languageOf(item) === locale.language);
  if (mine.length === 0) continue;
  const model = trainToneModel(featurize(mine), undefined, { corpus: path.basename(corpus), language: locale.language });
  const file = values.out ? path.resolve(values.out, `${locale.language}.json`) : path.join(root, 'lib/engine/locales', locale.language, 'tone-model.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(model, null, 0).replace(/\],\[/g, '],\n[')}\n`);
  console.log(`${locale.language}: ${mine.length} templates, ${model.weights.length} features -> ${path.relative(process.cwd(), file)}`);
}
