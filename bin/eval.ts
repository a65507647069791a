#!/usr/bin/env node
/**
 * `npm run eval`: precision, recall and F1 of the tone checks, per check and language,
 * under 10-fold cross-validation on the training corpus (folds grouped by sender) and on
 * the held-out corpus with a model trained without it; then spam-likeness: recall on
 * smishing and spam, the share of ham flagged, under 10-fold cross-validation with
 * near-duplicates in one fold, and the share of the held-out corpus's templates flagged.
 *
 *   npm run eval -- [--corpus train.jsonl] [--held-out dev.jsonl] [--folds 10] [--errors]
 *   npm run eval -- --spam my.tsv --language fr     spam-likeness on a team's own messages
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { TONE_CHECKS, expectedFiring, readCorpus } from '../lib/train/corpus';
import { evaluateTone, formatScores } from '../lib/train/evaluate';
import { defaultToneTrainingOptions } from '../lib/train/tone';
import { localeFor, type LocaleData } from '../lib/engine';
import { corpusMessages, readLabelledMessages, shippedSpamMessages, type LabelledMessage } from '../lib/train/spam';
import { evaluateSpam, formatSpamRows } from '../lib/train/spam-evaluate';

const shared = path.resolve(__dirname, '../../shared/corpus');
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: path.join(shared, 'train.jsonl') },
    'held-out': { type: 'string', default: path.join(shared, 'dev.jsonl') },
    folds: { type: 'string', default: '10' },
    errors: { type: 'boolean', default: false },
    option: { type: 'string', multiple: true, default: [] },
    spam: { type: 'string' },
    language: { type: 'string', default: 'en' },
  },
});
if (values.spam) {
  const locale = localeFor(values.language!);
  if (!locale) throw new Error(`--language ${values.language}: not a language of smslint`);
  evaluateSpamOn(readLabelledMessages(path.resolve(values.spam), path.basename(values.spam)), [], locale);
  process.exit();
}
const training = readCorpus(values.corpus!);
const heldOut = values['held-out'] ? readCorpus(values['held-out']) : [];
// --option l2=0.02 --option wordPenalty=4: try training options without editing code.
const options = { ...defaultToneTrainingOptions, ...Object.fromEntries(values.option!.map((pair) => [pair.split('=')[0], Number(pair.split('=')[1])])) };
const evaluation = evaluateTone(training, heldOut, Number(values.folds), options);
console.log(formatScores(`${values.folds}-fold cross-validation on ${path.basename(values.corpus!)} (${training.length} templates, folds grouped by sender)`, evaluation.crossValidated));
if (evaluation.heldOut) console.log(`\n${formatScores(`${path.basename(values['held-out']!)} (${heldOut.length} templates), model trained without it`, evaluation.heldOut)}`);
if (values.errors) {
  for (const { item, fired } of [...evaluation.predictions.crossValidated, ...evaluation.predictions.heldOut]) {
    const wrong = TONE_CHECKS.filter((check) => fired[check] !== expectedFiring[check](item));
    if (wrong.length > 0) console.log(`\n${item.id}: ${wrong.map((check) => `${check} ${fired[check] ? 'false alarm' : 'missed'}`).join(', ')}\n  ${item.body}`);
  }
}

const data = path.resolve(__dirname, '../../shared/data');
const en = localeFor('en')!;
evaluateSpamOn(shippedSpamMessages(data, values.corpus!), heldOut.length > 0 ? corpusMessages(heldOut, 'en', path.basename(values['held-out']!)) : [], en);

function evaluateSpamOn(training: LabelledMessage[], held: LabelledMessage[], locale: LocaleData): void {
  const spam = evaluateSpam(training, held, locale, Number(values.folds));
  console.log(`\n${formatSpamRows(`spam-likeness (${locale.language}): ${values.folds}-fold cross-validation over ${training.length} messages, near-duplicates in one fold`, spam.crossValidated)}`);
  if (held.length > 0) console.log(`\n${formatSpamRows(`spam-likeness (${locale.language}): ${held[0].source}, model trained without it`, spam.heldOut)}`);
  if (values.errors) {
    for (const { message, fired } of spam.predictions) {
      if (fired !== (message.label !== 'ham')) console.log(`\nspam-likeness ${fired ? 'false alarm' : 'missed'} (${message.source}, ${message.label}):\n  ${message.body}`);
    }
  }
}
