#!/usr/bin/env node
/**
 * `npm run train`: learns the tone checks' decisions from a labelled corpus, and
 * spam-likeness from labelled messages.
 *
 *   npm run train                                  the shipped models: tone from ../shared/corpus/train.jsonl,
 *                                                  English spam from ../shared/data and train.jsonl's templates
 *   npm run train -- --corpus my.jsonl --out dir   a team's tone models: dir/<language>.json, for
 *                                                  createLinter({ locales }) (see the README)
 *   npm run train -- --spam my.tsv --language fr --out dir
 *                                                  a team's spam model from its own `label<TAB>text`
 *                                                  lines (ham, spam, smishing): dir/fr.spam.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { builtInLocales, localeFor, type LinearModelData } from '../lib/engine';
import { languageOf, readCorpus } from '../lib/train/corpus';
import { featurizeMessages, readLabelledMessages, trainShippedSpamModel, trainSpamModel } from '../lib/train/spam';
import { featurize, trainToneModel } from '../lib/train/tone';

const root = path.resolve(__dirname, '..');
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: path.resolve(root, '../shared/corpus/train.jsonl') },
    out: { type: 'string' },
    spam: { type: 'string' },
    language: { type: 'string', default: 'en' },
  },
});

/** One field a line: what the model is and how it was trained read at the top, the long strings below. */
function writeModel(file: string, model: LinearModelData): string {
  mkdirSync(path.dirname(file), { recursive: true });
  const fields = Object.entries(model).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  writeFileSync(file, `{${fields.join(',\n')}}\n`);
  return path.relative(process.cwd(), file);
}

function featureCount(model: LinearModelData): number {
  return model.names === '' ? 0 : model.names.split('\n').length;
}

if (values.spam) {
  const language = values.language!;
  const locale = localeFor(language);
  if (!locale) throw new Error(`--language ${language}: not a language of smslint`);
  if (!values.out) throw new Error('--spam needs --out, the folder of the team\'s models');
  const messages = readLabelledMessages(path.resolve(values.spam), path.basename(values.spam));
  const model = trainSpamModel(featurizeMessages(messages, locale), undefined, { messagesFile: path.basename(values.spam), language });
  console.log(`${language} spam: ${messages.length} messages, ${featureCount(model)} features -> ${writeModel(path.resolve(values.out, `${language}.spam.json`), model)}`);
} else {
  const corpus = path.resolve(values.corpus!);
  const items = readCorpus(corpus);
  for (const locale of builtInLocales) {
    const mine = items.filter((item) => languageOf(item) === locale.language);
    if (mine.length === 0) continue;
    const model = trainToneModel(featurize(mine), undefined, { corpus: path.basename(corpus), language: locale.language });
    const file = values.out ? path.resolve(values.out, `${locale.language}.json`) : path.join(root, 'lib/engine/locales', locale.language, 'tone-model.json');
    console.log(`${locale.language}: ${mine.length} templates, ${featureCount(model)} features -> ${writeModel(file, model)}`);
  }
  if (!values.out) {
    // The public collections are English: the shipped spam model is English only.
    const model = trainShippedSpamModel(localeFor('en')!, path.resolve(root, '../shared/data'), corpus);
    console.log(`en spam: ${featureCount(model)} features -> ${writeModel(path.join(root, 'lib/engine/locales/en/spam-model.json'), model)}`);
  }
}
